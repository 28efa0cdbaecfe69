from django.urls import path

from kring.recertification import committee_views, views

app_name = "recertification"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("activiteiten/", views.activity_list, name="activity_list"),
    path("activiteiten/nieuw/", views.activity_add, name="activity_add"),
    path("activiteiten/<int:pk>/wijzigen/", views.activity_edit, name="activity_edit"),
    path("activiteiten/<int:pk>/verwijderen/", views.activity_delete, name="activity_delete"),
    path("activiteiten/<int:pk>/bewijs/", views.activity_evidence, name="activity_evidence"),
    path("dossier/", views.dossier, name="dossier"),
    path("dossier/erecode/", views.dossier_ethics, name="dossier_ethics"),
    path("dossier/reflectie/", views.dossier_reflection, name="dossier_reflection"),
    path("dossier/collegas/", views.dossier_peers, name="dossier_peers"),
    path("dossier/indienen/", views.dossier_submit, name="dossier_submit"),
    path("dossier/vragen/<int:pk>/antwoord/", views.question_answer, name="question_answer"),
    path("dossier/besluiten/<int:pk>/bezwaar/", views.objection, name="objection"),
    path("collegagesprekken/", views.peer_requests, name="peer_requests"),
    path("collegagesprekken/<int:pk>/bevestigen/", views.peer_confirm, name="peer_confirm"),
    path("aanvraag/", views.application, name="application"),
    path("commissie/", committee_views.queue, name="committee_queue"),
    path("commissie/dossiers/<int:pk>/", committee_views.dossier, name="committee_dossier"),
    path("commissie/dossiers/<int:pk>/vraag/", committee_views.ask, name="committee_ask"),
    path("commissie/dossiers/<int:pk>/notitie/", committee_views.note, name="committee_note"),
    path("commissie/dossiers/<int:pk>/besluit/", committee_views.decide, name="committee_decide"),
    path(
        "commissie/besluiten/<int:pk>/voorwaarden-vervuld/",
        committee_views.conditions_met,
        name="committee_conditions_met",
    ),
    path("commissie/bewijs/<int:pk>/", committee_views.evidence, name="committee_evidence"),
    path(
        "commissie/antwoorden/<int:pk>/bijlage/", committee_views.answer_attachment, name="committee_answer_attachment"
    ),
    path("commissie/aanvragen/<int:pk>/", committee_views.application, name="committee_application"),
    path("commissie/aanvragen/<int:pk>/certificaat/", committee_views.certificate, name="committee_certificate"),
    path("bureau/", committee_views.office_overview, name="office_overview"),
    path("bestuur/bezwaren/", committee_views.board_objections, name="board_objections"),
    path("bestuur/bezwaren/<int:pk>/", committee_views.board_objection, name="board_objection"),
]
