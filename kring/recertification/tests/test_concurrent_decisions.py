"""Two people deciding, or one person clicking twice, at the same moment: each decision is stored once.

Every call runs in its own thread with its own database connection, released together by a barrier.
On PostgreSQL the second caller waits on the row lock and is then refused (or, for a repeated submit,
gets the first submission back). The same refusals one after the other are in ``test_decide_once.py``,
which runs on every database.
"""

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.intervision.tests.helpers import race
from kring.members import vocabulary
from kring.recertification import defaults
from kring.recertification.models import (
    Application,
    ApplicationStatus,
    Decision,
    DossierStatus,
    DossierVersion,
    Objection,
    Outcome,
)
from kring.recertification.services import committee as services
from kring.recertification.services import cycles, dossiers
from kring.register.models import Registration, RegistrationPeriod
from tests import factories as t

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "sqlite" in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite writes one transaction at a time and answers 'locked' at once in the shared in-memory "
        "test database, so these decisions (seconds of work) cannot overlap; run on PostgreSQL to show the race.",
    ),
]

APPLICATION = {
    "level": "specialist",
    "programme_name": "Opleiding Aandacht, Utrecht",
    "graduated_on": datetime.date(2026, 6, 30),
    "study_hours": 220,
    "contact_hours": 130,
    "retreat_days": 6,
    "experience": "Twee MBSR-cursussen.",
}


@pytest.fixture(autouse=True)
def _vocabulary(transactional_db):
    vocabulary.load()  # transactional tests flush the database; the personas need membership types


def audits(action: str) -> int:
    return AuditEntry.objects.filter(action=f"kring.recertification.{action}").count()


def staff(role: str):
    person = t.PersonFactory()
    t.grant(person.user, role)
    return person.user


@pytest.fixture(autouse=True)
def _default_scheme(transactional_db):
    """These tests flush the database, data migrations included: put the default scheme back."""
    defaults.load()


@pytest.fixture
def submitted(trainer):
    dossier = dossiers.dossier_for_cycle(cycles.current_cycle(trainer))
    dossiers.dossier_submit(dossier, by=trainer.user)  # incomplete: goes to the committee
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.COMMITTEE
    return dossier


def test_accept_and_refuse_at_the_same_moment_store_one_decision_and_one_register_change(submitted):
    periods = RegistrationPeriod.objects.count()
    choices = [(staff("certification"), Outcome.ACCEPT), (staff("certification"), Outcome.REFUSE)]
    outcomes = race(
        lambda choice: services.dossier_decide(submitted, outcome=choice[1], reason="Gelezen.", by=choice[0]),
        choices,
        refusals=(Refused,),
    )
    assert sorted(outcomes) == ["done", "refused"]
    assert Decision.objects.filter(dossier=submitted).count() == 1
    assert RegistrationPeriod.objects.count() == periods + 1
    assert audits("dossier.decided") == 1


def test_two_board_members_deciding_one_objection_at_the_same_moment_store_one_decision(submitted, board):
    decision = services.dossier_decide(
        submitted, outcome=Outcome.REFUSE, reason="Geen retraite.", by=staff("certification")
    )
    objection = services.objection_file(decision, text="De retraite was in mei.", by=submitted.person.user)
    periods = RegistrationPeriod.objects.count()
    outcomes = race(
        lambda outcome: services.objection_decide(objection, outcome=outcome, reason="Besproken.", by=board.user),
        ["upheld", "dismissed"],
        refusals=(Refused,),
    )
    assert sorted(outcomes) == ["done", "refused"]
    objection.refresh_from_db()
    board_decisions = Decision.objects.filter(dossier=submitted, by_board=True).count()
    assert board_decisions == (1 if objection.board_outcome == "upheld" else 0)
    assert RegistrationPeriod.objects.count() == periods + board_decisions
    assert audits("objection.decided") == 1


def test_accept_and_refuse_of_one_application_at_the_same_moment_decide_it_once(member):
    application = services.application_submit(
        person=member,
        data=APPLICATION,
        certificate=SimpleUploadedFile("x.pdf", b"%PDF-1.7 cert"),
        certificate_type="application/pdf",
        by=member.user,
    )
    choices = [(staff("certification"), True), (staff("certification"), False)]
    outcomes = race(
        lambda choice: services.application_decide(application, accept=choice[1], reason="Gelezen.", by=choice[0]),
        choices,
        refusals=(Refused,),
    )
    assert sorted(outcomes) == ["done", "refused"]
    application.refresh_from_db()
    assert Registration.objects.filter(person=member).count() == (
        1 if application.status == ApplicationStatus.ACCEPTED else 0
    )
    assert audits("application.decided") == 1


def test_submitting_a_dossier_twice_at_the_same_moment_makes_one_version(trainer):
    dossier = dossiers.dossier_for_cycle(cycles.current_cycle(trainer))
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_group": "Stilte."}, by=trainer.user)
    outcomes = race(lambda _click: dossiers.dossier_submit(dossier, by=trainer.user), [1, 2])
    assert outcomes == ["done", "done"]  # both clicks end on the same submitted dossier
    assert DossierVersion.objects.filter(dossier=dossier).count() == 1
    assert audits("dossier.submitted") == 1


def test_applying_twice_at_the_same_moment_stores_one_application(member):
    outcomes = race(
        lambda _click: services.application_submit(
            person=member,
            data=APPLICATION,
            certificate=SimpleUploadedFile("x.pdf", b"%PDF-1.7 cert"),
            certificate_type="application/pdf",
            by=member.user,
        ),
        [1, 2],
        refusals=(Refused,),
    )
    assert outcomes == ["done", "done"]
    assert Application.objects.filter(person=member).count() == 1
    assert audits("application.submitted") == 1


def test_objecting_twice_at_the_same_moment_stores_one_objection(submitted):
    decision = services.dossier_decide(submitted, outcome=Outcome.BASIS, reason="Te weinig.", by=staff("certification"))
    outcomes = race(
        lambda _click: services.objection_file(decision, text="Ik gaf wel cursussen.", by=submitted.person.user),
        [1, 2],
        refusals=(Refused,),
    )
    assert outcomes == ["done", "done"]
    assert Objection.objects.count() == 1
    assert audits("objection.filed") == 1


def test_confirming_a_peer_conversation_twice_at_the_same_moment_counts_once(trainer, colleague):
    dossier = dossiers.dossier_for_cycle(cycles.current_cycle(trainer))
    invitation = dossiers.peer_invite(dossier, identifier=colleague.email, by=trainer.user)
    outcomes = race(lambda _click: dossiers.peer_confirm(invitation, by=colleague.user), [1, 2], refusals=(Refused,))
    assert outcomes == ["done", "done"]
    assert audits("peer.confirmed") == 1


def test_two_members_marking_the_same_conditions_met_give_one_mark(trainer, certification, second_colleague):
    from kring.recertification.services import conditions

    t.grant(second_colleague.user, "certification")
    dossier = dossiers.dossier_for_cycle(cycles.current_cycle(trainer))
    dossiers.dossier_submit(dossier, by=trainer.user)
    decision = services.dossier_decide(
        dossier,
        outcome=Outcome.ACCEPT_WITH_CONDITIONS,
        reason="Goed.",
        conditions="Een retraite.",
        by=certification.user,
    )
    outcomes = race(
        lambda user: conditions.decision_conditions_meet(decision, note="Gedaan.", by=user),
        [certification.user, second_colleague.user],
    )
    assert sorted(outcomes) == ["done", "refused"]
    assert audits("conditions.met") == 1
