from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.events.views import office, participant, public

app_name = "events"
urlpatterns = [
    path("", public.event_list, name="list"),
    path(pgettext_lazy("url", "agenda.ics"), public.feed, name="feed"),
    path("<int:pk>/", public.event_detail, name="detail"),
    path("<int:pk>.ics", public.event_ics, name="event_ics"),
    path(pgettext_lazy("url", "<int:pk>/aanmelden/"), public.register, name="register"),
    path(pgettext_lazy("url", "<int:pk>/aanmelden-als-gast/"), public.visitor_register, name="visitor_register"),
    path(pgettext_lazy("url", "bevestigen/<str:token>/"), public.verify, name="verify"),
    path(pgettext_lazy("url", "aanmelding/<str:token>/"), participant.registration, name="registration"),
    path(
        pgettext_lazy("url", "aanmelding/<str:token>/agenda.ics"), participant.registration_ics, name="registration_ics"
    ),
    path(
        pgettext_lazy("url", "aanmelding/<str:token>/afmelden/"),
        participant.registration_cancel,
        name="registration_cancel",
    ),
    path(pgettext_lazy("url", "aanmelding/<str:token>/inchecken/"), participant.checkin, name="checkin"),
    path(pgettext_lazy("url", "aanmelding/<str:token>/certificaat.pdf"), participant.certificate, name="certificate"),
    path(pgettext_lazy("url", "certificaat/<str:code>/"), participant.certificate_check, name="certificate_check"),
    path(pgettext_lazy("url", "aanbod/<str:token>/"), participant.offer, name="offer"),
    path(
        pgettext_lazy("url", "aanbod/<str:token>/ja/"), participant.offer_answer, {"accept": True}, name="offer_accept"
    ),
    path(
        pgettext_lazy("url", "aanbod/<str:token>/nee/"),
        participant.offer_answer,
        {"accept": False},
        name="offer_decline",
    ),
    path(
        pgettext_lazy("url", "aanbod/<str:token>/van-de-wachtlijst/"),
        participant.waiting_leave_link,
        name="waiting_leave_link",
    ),
    path(pgettext_lazy("url", "mijn/"), participant.mine, name="mine"),
    path(pgettext_lazy("url", "wachtlijst/<int:pk>/verlaten/"), participant.waiting_leave, name="waiting_leave"),
    path(pgettext_lazy("url", "bureau/"), office.office_list, name="office_list"),
    path(pgettext_lazy("url", "bureau/<int:pk>/"), office.office_event, name="office_event"),
    path(pgettext_lazy("url", "bureau/<int:pk>/export.csv"), office.office_export, name="office_export"),
    path(
        pgettext_lazy("url", "bureau/<int:pk>/export.xlsx"),
        office.office_export,
        {"kind": "xlsx"},
        name="office_export_xlsx",
    ),
    path(pgettext_lazy("url", "bureau/<int:pk>/bericht/"), office.office_message, name="office_message"),
    path(pgettext_lazy("url", "bureau/<int:pk>/inschrijven/"), office.office_register, name="office_register"),
    path(pgettext_lazy("url", "bureau/aanmelding/<int:pk>/annuleren/"), office.office_cancel, name="office_cancel"),
    path(pgettext_lazy("url", "bureau/aanmelding/<int:pk>/betaald/"), office.office_paid, name="office_paid"),
    path(pgettext_lazy("url", "<int:pk>/aanwezigheid/"), office.attendance, name="attendance"),
    path(pgettext_lazy("url", "aanwezigheid/<int:pk>/"), office.attendance_checkin, name="attendance_checkin"),
]
