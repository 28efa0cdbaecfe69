from django.urls import path

from kring.events.views import office, participant, public

app_name = "events"
urlpatterns = [
    path("", public.event_list, name="list"),
    path("agenda.ics", public.feed, name="feed"),
    path("<int:pk>/", public.event_detail, name="detail"),
    path("<int:pk>.ics", public.event_ics, name="event_ics"),
    path("<int:pk>/aanmelden/", public.register, name="register"),
    path("<int:pk>/aanmelden-als-gast/", public.visitor_register, name="visitor_register"),
    path("bevestigen/<str:token>/", public.verify, name="verify"),
    path("aanmelding/<str:token>/", participant.registration, name="registration"),
    path("aanmelding/<str:token>/agenda.ics", participant.registration_ics, name="registration_ics"),
    path("aanmelding/<str:token>/afmelden/", participant.registration_cancel, name="registration_cancel"),
    path("aanmelding/<str:token>/inchecken/", participant.checkin, name="checkin"),
    path("aanmelding/<str:token>/certificaat.pdf", participant.certificate, name="certificate"),
    path("certificaat/<str:code>/", participant.certificate_check, name="certificate_check"),
    path("aanbod/<str:token>/", participant.offer, name="offer"),
    path("aanbod/<str:token>/ja/", participant.offer_answer, {"accept": True}, name="offer_accept"),
    path("aanbod/<str:token>/nee/", participant.offer_answer, {"accept": False}, name="offer_decline"),
    path("aanbod/<str:token>/van-de-wachtlijst/", participant.waiting_leave_link, name="waiting_leave_link"),
    path("mijn/", participant.mine, name="mine"),
    path("wachtlijst/<int:pk>/verlaten/", participant.waiting_leave, name="waiting_leave"),
    path("bureau/", office.office_list, name="office_list"),
    path("bureau/<int:pk>/", office.office_event, name="office_event"),
    path("bureau/<int:pk>/export.csv", office.office_export, name="office_export"),
    path("bureau/<int:pk>/export.xlsx", office.office_export, {"kind": "xlsx"}, name="office_export_xlsx"),
    path("bureau/<int:pk>/bericht/", office.office_message, name="office_message"),
    path("bureau/<int:pk>/inschrijven/", office.office_register, name="office_register"),
    path("bureau/aanmelding/<int:pk>/annuleren/", office.office_cancel, name="office_cancel"),
    path("bureau/aanmelding/<int:pk>/betaald/", office.office_paid, name="office_paid"),
    path("<int:pk>/aanwezigheid/", office.attendance, name="attendance"),
    path("aanwezigheid/<int:pk>/", office.attendance_checkin, name="attendance_checkin"),
]
