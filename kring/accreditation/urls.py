from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.accreditation.views import board, committee, institute, public

app_name = "accreditation"

urlpatterns = [
    path("", public.public_list, name="public_list"),
    path(pgettext_lazy("url", "instituut/"), institute.institute_home, name="institute_home"),
    path(
        pgettext_lazy("url", "instituut/<int:pk>/opleiding-toevoegen/"), institute.programme_new, name="programme_new"
    ),
    path(pgettext_lazy("url", "instituut/<int:pk>/docenten/"), institute.teachers, name="teachers"),
    path(
        pgettext_lazy("url", "instituut/opleiding/<int:pk>/wijzigen/"), institute.programme_edit, name="programme_edit"
    ),
    path(
        pgettext_lazy("url", "instituut/opleiding/<int:pk>/aanvragen/"),
        institute.application_start,
        name="application_start",
    ),
    path(
        pgettext_lazy("url", "instituut/opleiding/<int:pk>/afgestudeerden/"), institute.graduates_page, name="graduates"
    ),
    path(pgettext_lazy("url", "instituut/aanvraag/<int:pk>/"), institute.application, name="application"),
    path(
        pgettext_lazy("url", "instituut/aanvraag/<int:pk>/criterium/<slug:kind>/"),
        institute.criterion,
        name="criterion",
    ),
    path(pgettext_lazy("url", "instituut/aanvraag/<int:pk>/document/"), institute.document_add, name="document_add"),
    path(
        pgettext_lazy("url", "instituut/aanvraag/<int:pk>/indienen/"),
        institute.application_submit,
        name="application_submit",
    ),
    path(pgettext_lazy("url", "instituut/vraag/<int:pk>/"), institute.question_answer, name="question_answer"),
    path(pgettext_lazy("url", "instituut/besluit/<int:pk>/bezwaar/"), institute.objection, name="objection"),
    path("document/<int:pk>/", institute.document, name="document"),
    path(pgettext_lazy("url", "commissie/"), committee.queue, name="committee_queue"),
    path(pgettext_lazy("url", "commissie/aanvraag/<int:pk>/"), committee.application, name="committee_application"),
    path(pgettext_lazy("url", "commissie/aanvraag/<int:pk>/toewijzen/"), committee.assign, name="assign"),
    path(pgettext_lazy("url", "commissie/aanvraag/<int:pk>/vraag/"), committee.ask, name="ask"),
    path(pgettext_lazy("url", "commissie/aanvraag/<int:pk>/besluit/"), committee.decide, name="decide"),
    path(pgettext_lazy("url", "commissie/beoordelaar/<int:pk>/verklaring/"), committee.statement, name="statement"),
    path(pgettext_lazy("url", "commissie/beoordelaar/<int:pk>/beoordeling/"), committee.assess, name="assess"),
    path(pgettext_lazy("url", "commissie/voorwaarde/<int:pk>/"), committee.condition_met, name="condition_met"),
    path(pgettext_lazy("url", "bestuur/bezwaren/"), board.objections, name="board_objections"),
    path(pgettext_lazy("url", "bestuur/bezwaren/<int:pk>/"), board.objection, name="board_objection"),
    path(pgettext_lazy("url", "bureau/opleiding/<int:pk>/status/"), public.programme_status, name="programme_status"),
    path("<slug:slug>/", public.public_programme, name="public_programme"),
]
