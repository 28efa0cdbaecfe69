from django.urls import path

from kring.accreditation.views import board, committee, institute, public

app_name = "accreditation"

urlpatterns = [
    path("", public.public_list, name="public_list"),
    path("instituut/", institute.institute_home, name="institute_home"),
    path("instituut/<int:pk>/opleiding-toevoegen/", institute.programme_new, name="programme_new"),
    path("instituut/<int:pk>/docenten/", institute.teachers, name="teachers"),
    path("instituut/opleiding/<int:pk>/wijzigen/", institute.programme_edit, name="programme_edit"),
    path("instituut/opleiding/<int:pk>/aanvragen/", institute.application_start, name="application_start"),
    path("instituut/opleiding/<int:pk>/afgestudeerden/", institute.graduates_page, name="graduates"),
    path("instituut/aanvraag/<int:pk>/", institute.application, name="application"),
    path("instituut/aanvraag/<int:pk>/criterium/<slug:kind>/", institute.criterion, name="criterion"),
    path("instituut/aanvraag/<int:pk>/document/", institute.document_add, name="document_add"),
    path("instituut/aanvraag/<int:pk>/indienen/", institute.application_submit, name="application_submit"),
    path("instituut/vraag/<int:pk>/", institute.question_answer, name="question_answer"),
    path("instituut/besluit/<int:pk>/bezwaar/", institute.objection, name="objection"),
    path("document/<int:pk>/", institute.document, name="document"),
    path("commissie/", committee.queue, name="committee_queue"),
    path("commissie/aanvraag/<int:pk>/", committee.application, name="committee_application"),
    path("commissie/aanvraag/<int:pk>/toewijzen/", committee.assign, name="assign"),
    path("commissie/aanvraag/<int:pk>/vraag/", committee.ask, name="ask"),
    path("commissie/aanvraag/<int:pk>/besluit/", committee.decide, name="decide"),
    path("commissie/beoordelaar/<int:pk>/verklaring/", committee.statement, name="statement"),
    path("commissie/beoordelaar/<int:pk>/beoordeling/", committee.assess, name="assess"),
    path("commissie/voorwaarde/<int:pk>/", committee.condition_met, name="condition_met"),
    path("bestuur/bezwaren/", board.objections, name="board_objections"),
    path("bestuur/bezwaren/<int:pk>/", board.objection, name="board_objection"),
    path("bureau/opleiding/<int:pk>/status/", public.programme_status, name="programme_status"),
    path("<slug:slug>/", public.public_programme, name="public_programme"),
]
