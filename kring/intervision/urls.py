from django.urls import path

from kring.intervision.views import calendar, groups, meetings, records

app_name = "intervision"
urlpatterns = [
    path("", records.home, name="home"),
    path("groepen/", groups.group_list, name="group_list"),
    path("groepen/nieuw/", groups.group_offer, name="group_offer"),
    path("groepen/<int:pk>/", groups.group_detail, name="group_detail"),
    path("groepen/<int:pk>/wijzigen/", groups.group_update, name="group_update"),
    path("groepen/<int:pk>/sluiten/", groups.group_close, name="group_close"),
    path("groepen/<int:pk>/aanmelden/", groups.join_request_create, name="join_request_create"),
    path("groepen/<int:pk>/verlaten/", groups.group_leave, name="group_leave"),
    path("groepen/<int:pk>/aanmeldingen/", groups.join_request_list, name="join_request_list"),
    path("groepen/<int:pk>/zoekenden/", groups.group_seekers, name="group_seekers"),
    path("groepen/<int:pk>/bijeenkomsten/nieuw/", meetings.meeting_plan, name="meeting_plan"),
    path("aanmeldingen/<int:pk>/accepteren/", groups.join_request_decide, {"accept": True},
         name="join_request_accept"),
    path("aanmeldingen/<int:pk>/afwijzen/", groups.join_request_decide, {"accept": False},
         name="join_request_decline"),
    path("bijeenkomsten/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("bijeenkomsten/<int:pk>/wijzigen/", meetings.meeting_update, name="meeting_update"),
    path("bijeenkomsten/<int:pk>/aanwezig/", meetings.attendance_register, name="attendance_register"),
    path("aanwezigheid/<int:pk>/bevestigen/", meetings.attendance_confirm, name="attendance_confirm"),
    path("bijeenkomsten/<int:pk>/verslag/", records.record_edit, name="record_edit"),
    path("bijeenkomsten/<int:pk>/verslag.pdf", records.record_pdf, name="record_pdf"),
    path("verslagen/", records.record_list, name="record_list"),
    path("verslagen/<int:year>.pdf", records.record_year_pdf, name="record_year_pdf"),
    path("verslagen/<int:year>.json", records.record_year_json, name="record_year_json"),
    path("ik-zoek-een-groep/", records.seeker, name="seeker"),
    path("ik-zoek-een-groep/stoppen/", records.seeker_withdraw, name="seeker_withdraw"),
    path("agenda/", calendar.calendar, name="calendar"),
    path("agenda/nieuw-adres/", calendar.feed_regenerate, name="feed_regenerate"),
    path("agenda/uitzetten/", calendar.feed_revoke, name="feed_revoke"),
    path("agenda/groep/<str:token>.ics", calendar.group_feed, name="group_feed"),
    path("agenda/persoonlijk/<str:token>.ics", calendar.member_feed, name="member_feed"),
]
