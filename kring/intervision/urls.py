from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.intervision.views import calendar, groups, meetings, proposals, records

app_name = "intervision"
urlpatterns = [
    path("", records.home, name="home"),
    path(pgettext_lazy("url", "groepen/"), groups.group_list, name="group_list"),
    path(pgettext_lazy("url", "groepen/nieuw/"), groups.group_offer, name="group_offer"),
    path(pgettext_lazy("url", "groepen/<int:pk>/"), groups.group_detail, name="group_detail"),
    path(pgettext_lazy("url", "groepen/<int:pk>/wijzigen/"), groups.group_update, name="group_update"),
    path(pgettext_lazy("url", "groepen/<int:pk>/sluiten/"), groups.group_close, name="group_close"),
    path(pgettext_lazy("url", "groepen/<int:pk>/aanmelden/"), groups.join_request_create, name="join_request_create"),
    path(pgettext_lazy("url", "groepen/<int:pk>/verlaten/"), groups.group_leave, name="group_leave"),
    path(pgettext_lazy("url", "groepen/<int:pk>/aanmeldingen/"), groups.join_request_list, name="join_request_list"),
    path(pgettext_lazy("url", "groepen/<int:pk>/zoekenden/"), groups.group_seekers, name="group_seekers"),
    path(pgettext_lazy("url", "groepen/<int:pk>/bijeenkomsten/nieuw/"), meetings.meeting_plan, name="meeting_plan"),
    path(
        pgettext_lazy("url", "aanmeldingen/<int:pk>/accepteren/"),
        groups.join_request_decide,
        {"accept": True},
        name="join_request_accept",
    ),
    path(
        pgettext_lazy("url", "aanmeldingen/<int:pk>/afwijzen/"),
        groups.join_request_decide,
        {"accept": False},
        name="join_request_decline",
    ),
    path(pgettext_lazy("url", "bijeenkomsten/<int:pk>/"), meetings.meeting_detail, name="meeting_detail"),
    path(pgettext_lazy("url", "bijeenkomsten/<int:pk>/wijzigen/"), meetings.meeting_update, name="meeting_update"),
    path(
        pgettext_lazy("url", "bijeenkomsten/<int:pk>/aanwezig/"),
        meetings.attendance_register,
        name="attendance_register",
    ),
    path(
        pgettext_lazy("url", "aanwezigheid/<int:pk>/bevestigen/"),
        meetings.attendance_confirm,
        name="attendance_confirm",
    ),
    path(pgettext_lazy("url", "bijeenkomsten/<int:pk>/verslag/"), records.record_edit, name="record_edit"),
    path(pgettext_lazy("url", "bijeenkomsten/<int:pk>/verslag.pdf"), records.record_pdf, name="record_pdf"),
    path(pgettext_lazy("url", "verslagen/"), records.record_list, name="record_list"),
    path(pgettext_lazy("url", "verslagen/<int:year>.pdf"), records.record_year_pdf, name="record_year_pdf"),
    path(pgettext_lazy("url", "verslagen/<int:year>.json"), records.record_year_json, name="record_year_json"),
    path(pgettext_lazy("url", "ik-zoek-een-groep/"), records.seeker, name="seeker"),
    path(pgettext_lazy("url", "ik-zoek-een-groep/stoppen/"), records.seeker_withdraw, name="seeker_withdraw"),
    path(pgettext_lazy("url", "ik-zoek-een-groep/niet-met/"), proposals.avoid_add, name="avoid_add"),
    path(
        pgettext_lazy("url", "ik-zoek-een-groep/niet-met/<int:pk>/verwijderen/"),
        proposals.avoid_remove,
        name="avoid_remove",
    ),
    path(pgettext_lazy("url", "voorstellen/"), proposals.proposal_list, name="proposal_list"),
    path(pgettext_lazy("url", "voorstellen/<int:pk>/"), proposals.proposal_detail, name="proposal_detail"),
    path(
        pgettext_lazy("url", "voorstellen/<int:pk>/ja/"),
        proposals.proposal_answer,
        {"accept": True},
        name="proposal_accept",
    ),
    path(
        pgettext_lazy("url", "voorstellen/<int:pk>/nee/"),
        proposals.proposal_answer,
        {"accept": False},
        name="proposal_decline",
    ),
    path(pgettext_lazy("url", "bureau/voorstellen/"), proposals.proposals_office, name="proposals_office"),
    path(pgettext_lazy("url", "agenda/"), calendar.calendar, name="calendar"),
    path(pgettext_lazy("url", "agenda/nieuw-adres/"), calendar.feed_regenerate, name="feed_regenerate"),
    path(pgettext_lazy("url", "agenda/uitzetten/"), calendar.feed_revoke, name="feed_revoke"),
    path(pgettext_lazy("url", "agenda/groep/<str:token>.ics"), calendar.group_feed, name="group_feed"),
    path(pgettext_lazy("url", "agenda/persoonlijk/<str:token>.ics"), calendar.member_feed, name="member_feed"),
]
