"""Decisions update the register's history, are explained by e-mail, and can go to the board once."""

import datetime

import pytest

from kring.core.refusals import Refused
from kring.recertification import rules
from kring.recertification.models import DossierStatus, Outcome
from kring.recertification.services import committee as services
from kring.recertification.services import dossiers
from kring.register.history import standing_on, with_history
from kring.register.models import Level, Status


@pytest.fixture
def dossier(trainer, cycle):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)  # incomplete: goes to the committee
    dossier.refresh_from_db()
    return dossier


def standing(cycle, on):
    return standing_on(with_history().get(pk=cycle.registration_id), on)


def test_acceptance_gives_a_new_cycle_of_validity(dossier, cycle, certification, mailoutbox):
    services.dossier_decide(dossier, outcome=Outcome.ACCEPT, reason="Een mooi dossier.", by=certification.user)
    after = cycle.ends_on + datetime.timedelta(days=1)
    assert standing(cycle, cycle.ends_on).registered
    assert standing(cycle, after).registered and standing(cycle, after).level == Level.SPECIALIST
    new_end = rules.cycle_end(after, 5)
    assert standing(cycle, new_end).registered
    assert not standing(cycle, new_end + datetime.timedelta(days=1)).registered
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED
    assert mailoutbox[-1].to == [dossier.person.email] and "Een mooi dossier." in mailoutbox[-1].body


def test_moving_to_basis_changes_the_level_after_the_cycle(dossier, cycle, certification):
    services.dossier_decide(
        dossier, outcome=Outcome.BASIS, reason="Geen MBSR-cursussen gegeven.", by=certification.user
    )
    assert standing(cycle, cycle.ends_on).level == Level.SPECIALIST
    after = standing(cycle, cycle.ends_on + datetime.timedelta(days=1))
    assert after.registered and after.level == Level.BASIS
    assert not after.counts_for_reimbursement


def test_refusal_ends_the_registration_after_the_cycle(dossier, cycle, certification):
    services.dossier_decide(dossier, outcome=Outcome.REFUSE, reason="Geen dossier.", by=certification.user)
    assert standing(cycle, cycle.ends_on).registered
    after = standing(cycle, cycle.ends_on + datetime.timedelta(days=1))
    assert not after.registered and after.status == Status.EXPIRED


def test_extension_lengthens_the_cycle_and_the_validity(dossier, cycle, certification):
    until = cycle.ends_on + datetime.timedelta(days=180)
    services.dossier_decide(
        dossier,
        outcome=Outcome.EXTEND,
        reason="Meer tijd voor de retraite.",
        extended_until=until,
        by=certification.user,
    )
    assert standing(cycle, until).registered
    assert not standing(cycle, until + datetime.timedelta(days=1)).registered
    cycle.refresh_from_db()
    dossier.refresh_from_db()
    assert cycle.ends_on == until
    assert dossier.status == DossierStatus.DRAFT  # the trainer completes it and submits again


@pytest.mark.parametrize(
    "data",
    [
        {"outcome": Outcome.ACCEPT, "reason": "  "},
        {"outcome": Outcome.ACCEPT_WITH_CONDITIONS, "reason": "Goed.", "conditions": ""},
        {"outcome": Outcome.EXTEND, "reason": "Meer tijd.", "extended_until": None},
    ],
)
def test_it_refuses_a_decision_without_what_it_needs(dossier, cycle, certification, data):
    periods = cycle.registration.periods.count()
    with pytest.raises(Refused):
        services.dossier_decide(dossier, by=certification.user, **data)
    assert cycle.registration.periods.count() == periods
    assert not dossier.decisions.exists()


def test_the_trainer_can_object_within_four_weeks_and_the_board_decides_finally(dossier, cycle, certification, board):
    decision = services.dossier_decide(
        dossier, outcome=Outcome.BASIS, reason="Te weinig cursussen.", by=certification.user
    )
    late = decision.objection_deadline + datetime.timedelta(days=1)
    with pytest.raises(Refused):
        services.objection_file(decision, text="Ik gaf wel cursussen.", by=dossier.person.user, today=late)
    objection = services.objection_file(
        decision, text="Ik gaf wel cursussen.", by=dossier.person.user, today=decision.objection_deadline
    )
    with pytest.raises(Refused):
        services.objection_file(decision, text="Nog eens.", by=dossier.person.user)
    services.objection_decide(
        objection, outcome="upheld", reason="De cursussen zijn aangetoond.", new_outcome=Outcome.ACCEPT, by=board.user
    )
    after = standing(cycle, cycle.ends_on + datetime.timedelta(days=1))
    assert after.level == Level.SPECIALIST and after.registered
    board_decision = dossier.decisions.get(by_board=True)
    with pytest.raises(Refused):
        services.objection_file(board_decision, text="En nu?", by=dossier.person.user)
    with pytest.raises(Refused):
        services.objection_decide(objection, outcome="dismissed", reason="Toch niet.", by=board.user)
