from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.find.views import manage, public, supervision

app_name = "find"
urlpatterns = [
    path("", public.home, name="home"),
    path(pgettext_lazy("url", "cursussen/"), public.course_list, name="courses"),
    path(pgettext_lazy("url", "cursussen/<int:pk>/"), public.course_detail, name="course"),
    path(pgettext_lazy("url", "cursussen/<int:pk>/agenda.ics"), public.course_ics, name="course_ics"),
    path(pgettext_lazy("url", "retraites/"), public.retreat_list, name="retreats"),
    path(pgettext_lazy("url", "retraites/<int:pk>/"), public.retreat_detail, name="retreat"),
    path(pgettext_lazy("url", "retraites/<int:pk>/agenda.ics"), public.retreat_ics, name="retreat_ics"),
    path(pgettext_lazy("url", "supervisoren/"), supervision.supervisor_list, name="supervisors"),
    path(
        pgettext_lazy("url", "supervisoren/<str:number>/vragen/"), supervision.supervision_ask, name="supervision_ask"
    ),
    path(pgettext_lazy("url", "supervisie/"), supervision.my_supervision, name="my_supervision"),
    path(
        pgettext_lazy("url", "supervisie/<int:pk>/antwoord/"), supervision.supervision_decide, name="supervision_decide"
    ),
    path(pgettext_lazy("url", "supervisie/<int:pk>/sessie/"), supervision.supervision_log, name="supervision_log"),
    path(pgettext_lazy("url", "mijn-aanbod/"), manage.my_offers, name="my_offers"),
    path(pgettext_lazy("url", "mijn-aanbod/cursus/nieuw/"), manage.course_add, name="course_add"),
    path(pgettext_lazy("url", "mijn-aanbod/cursus/<int:pk>/"), manage.course_edit, name="course_edit"),
    path(
        pgettext_lazy("url", "mijn-aanbod/cursus/<int:pk>/intrekken/"), manage.course_withdraw, name="course_withdraw"
    ),
    path(pgettext_lazy("url", "mijn-aanbod/retraite/nieuw/"), manage.retreat_add, name="retreat_add"),
    path(
        pgettext_lazy("url", "mijn-aanbod/instituut/<int:institute_pk>/retraite/nieuw/"),
        manage.retreat_add,
        name="institute_retreat_add",
    ),
    path(pgettext_lazy("url", "mijn-aanbod/retraite/<int:pk>/"), manage.retreat_edit, name="retreat_edit"),
    path(
        pgettext_lazy("url", "mijn-aanbod/retraite/<int:pk>/intrekken/"),
        manage.retreat_withdraw,
        name="retreat_withdraw",
    ),
    path(
        pgettext_lazy("url", "mijn-aanbod/retraite/<int:pk>/aanwezig/"),
        manage.retreat_attendance,
        name="retreat_attendance",
    ),
]
