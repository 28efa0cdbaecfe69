from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.recertification import committee_views, views

app_name = "recertification"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(pgettext_lazy("url", "activiteiten/"), views.activity_list, name="activity_list"),
    path(pgettext_lazy("url", "activiteiten/nieuw/"), views.activity_add, name="activity_add"),
    path(pgettext_lazy("url", "activiteiten/<int:pk>/wijzigen/"), views.activity_edit, name="activity_edit"),
    path(pgettext_lazy("url", "activiteiten/<int:pk>/verwijderen/"), views.activity_delete, name="activity_delete"),
    path(pgettext_lazy("url", "activiteiten/<int:pk>/bewijs/"), views.activity_evidence, name="activity_evidence"),
    path("dossier/", views.dossier, name="dossier"),
    path(pgettext_lazy("url", "dossier/erecode/"), views.dossier_ethics, name="dossier_ethics"),
    path(pgettext_lazy("url", "dossier/reflectie/"), views.dossier_reflection, name="dossier_reflection"),
    path(pgettext_lazy("url", "dossier/collegas/"), views.dossier_peers, name="dossier_peers"),
    path(pgettext_lazy("url", "dossier/indienen/"), views.dossier_submit, name="dossier_submit"),
    path(pgettext_lazy("url", "dossier/vragen/<int:pk>/antwoord/"), views.question_answer, name="question_answer"),
    path(pgettext_lazy("url", "dossier/besluiten/<int:pk>/bezwaar/"), views.objection, name="objection"),
    path(pgettext_lazy("url", "collegagesprekken/"), views.peer_requests, name="peer_requests"),
    path(pgettext_lazy("url", "collegagesprekken/<int:pk>/bevestigen/"), views.peer_confirm, name="peer_confirm"),
    path(pgettext_lazy("url", "aanvraag/"), views.application, name="application"),
    path(pgettext_lazy("url", "commissie/"), committee_views.queue, name="committee_queue"),
    path(pgettext_lazy("url", "commissie/dossiers/<int:pk>/"), committee_views.dossier, name="committee_dossier"),
    path(pgettext_lazy("url", "commissie/dossiers/<int:pk>/vraag/"), committee_views.ask, name="committee_ask"),
    path(pgettext_lazy("url", "commissie/dossiers/<int:pk>/notitie/"), committee_views.note, name="committee_note"),
    path(pgettext_lazy("url", "commissie/dossiers/<int:pk>/besluit/"), committee_views.decide, name="committee_decide"),
    path(
        pgettext_lazy("url", "commissie/besluiten/<int:pk>/voorwaarden-vervuld/"),
        committee_views.conditions_met,
        name="committee_conditions_met",
    ),
    path(pgettext_lazy("url", "commissie/bewijs/<int:pk>/"), committee_views.evidence, name="committee_evidence"),
    path(
        pgettext_lazy("url", "commissie/antwoorden/<int:pk>/bijlage/"),
        committee_views.answer_attachment,
        name="committee_answer_attachment",
    ),
    path(
        pgettext_lazy("url", "commissie/aanvragen/<int:pk>/"), committee_views.application, name="committee_application"
    ),
    path(
        pgettext_lazy("url", "commissie/aanvragen/<int:pk>/certificaat/"),
        committee_views.certificate,
        name="committee_certificate",
    ),
    path(pgettext_lazy("url", "bureau/"), committee_views.office_overview, name="office_overview"),
    path(pgettext_lazy("url", "bestuur/bezwaren/"), committee_views.board_objections, name="board_objections"),
    path(pgettext_lazy("url", "bestuur/bezwaren/<int:pk>/"), committee_views.board_objection, name="board_objection"),
]
