"""The conditions of "accept with conditions" stay open until the committee marks them met."""

import pytest

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.recertification.models import Decision, Outcome
from kring.recertification.services import committee, conditions, dossiers


@pytest.fixture
def decision(trainer, cycle, certification):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    dossier.refresh_from_db()
    return committee.dossier_decide(
        dossier,
        outcome=Outcome.ACCEPT_WITH_CONDITIONS,
        reason="Een goed dossier.",
        conditions="Volg dit jaar nog een stilteretraite.",
        by=certification.user,
    )


def test_open_conditions_show_on_the_queue_and_the_dashboard(decision, login, trainer, certification, client):
    assert list(conditions.open_conditions()) == [decision]
    page = login(trainer).get("/herregistratie/").content.decode()
    assert "Volg dit jaar nog een stilteretraite." in page
    queue = login(certification).get("/herregistratie/commissie/").content.decode()
    assert "Volg dit jaar nog een stilteretraite." in queue


def test_the_committee_marks_them_met_once(decision, login, certification, trainer):
    client = login(certification)
    url = f"/herregistratie/commissie/besluiten/{decision.pk}/voorwaarden-vervuld/"
    response = client.post(url, {"note": "Retraite in mei gevolgd."})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.conditions_met_at and decision.conditions_met_by == certification.user
    assert decision.conditions_met_note == "Retraite in mei gevolgd."
    assert not list(conditions.open_conditions())
    client.post(url, {"note": "Nog eens."})  # a double click: refused kindly, nothing changes
    decision.refresh_from_db()
    assert decision.conditions_met_note == "Retraite in mei gevolgd."
    assert AuditEntry.objects.filter(action="kring.recertification.conditions.met").count() == 1
    page = login(trainer).get("/herregistratie/").content.decode()
    assert "Volg dit jaar nog een stilteretraite." not in page


def test_a_decision_without_conditions_cannot_be_marked(trainer, cycle, certification):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    decision = committee.dossier_decide(dossier, outcome=Outcome.ACCEPT, reason="Mooi.", by=certification.user)
    with pytest.raises(Refused):
        conditions.decision_conditions_meet(decision, by=certification.user)
    assert Decision.objects.get(pk=decision.pk).conditions_met_at is None


def test_too_long_a_note_changes_nothing(decision, login, certification):
    login(certification).post(
        f"/herregistratie/commissie/besluiten/{decision.pk}/voorwaarden-vervuld/", {"note": "x" * 3001}
    )
    decision.refresh_from_db()
    assert decision.conditions_met_at is None


def test_the_trainer_cannot_mark_their_own_conditions(decision, login, trainer):
    login(trainer).post(f"/herregistratie/commissie/besluiten/{decision.pk}/voorwaarden-vervuld/", {})
    decision.refresh_from_db()
    assert decision.conditions_met_at is None
