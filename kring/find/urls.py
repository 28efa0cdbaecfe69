from django.urls import path

from kring.find.views import manage, public, supervision

app_name = "find"
urlpatterns = [
    path("", public.home, name="home"),
    path("cursussen/", public.course_list, name="courses"),
    path("cursussen/<int:pk>/", public.course_detail, name="course"),
    path("cursussen/<int:pk>/agenda.ics", public.course_ics, name="course_ics"),
    path("retraites/", public.retreat_list, name="retreats"),
    path("retraites/<int:pk>/", public.retreat_detail, name="retreat"),
    path("retraites/<int:pk>/agenda.ics", public.retreat_ics, name="retreat_ics"),
    path("supervisoren/", supervision.supervisor_list, name="supervisors"),
    path("supervisoren/<str:number>/vragen/", supervision.supervision_ask, name="supervision_ask"),
    path("supervisie/", supervision.my_supervision, name="my_supervision"),
    path("supervisie/<int:pk>/antwoord/", supervision.supervision_decide, name="supervision_decide"),
    path("supervisie/<int:pk>/sessie/", supervision.supervision_log, name="supervision_log"),
    path("mijn-aanbod/", manage.my_offers, name="my_offers"),
    path("mijn-aanbod/cursus/nieuw/", manage.course_add, name="course_add"),
    path("mijn-aanbod/cursus/<int:pk>/", manage.course_edit, name="course_edit"),
    path("mijn-aanbod/cursus/<int:pk>/intrekken/", manage.course_withdraw, name="course_withdraw"),
    path("mijn-aanbod/retraite/nieuw/", manage.retreat_add, name="retreat_add"),
    path("mijn-aanbod/instituut/<int:institute_pk>/retraite/nieuw/", manage.retreat_add, name="institute_retreat_add"),
    path("mijn-aanbod/retraite/<int:pk>/", manage.retreat_edit, name="retreat_edit"),
    path("mijn-aanbod/retraite/<int:pk>/intrekken/", manage.retreat_withdraw, name="retreat_withdraw"),
    path("mijn-aanbod/retraite/<int:pk>/aanwezig/", manage.retreat_attendance, name="retreat_attendance"),
]
