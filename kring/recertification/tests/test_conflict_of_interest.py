"""A committee member does not decide on their own dossier or on someone's in their intervision group."""

import pytest

from kring.core.refusals import Refused
from kring.intervision.models import Group, GroupMember
from kring.recertification.models import Decision, DossierStatus
from kring.recertification.services import committee as services
from kring.recertification.services import dossiers
from kring.recertification.tests.conftest import en
from tests import factories as t


@pytest.fixture
def committee_trainer(trainer):
    """The trainer also sits on the certification committee."""
    t.grant(trainer.user, "certification")
    t.add_totp(trainer.user)
    return trainer


def with_committee(cycle):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=cycle.registration.person.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.COMMITTEE
    return dossier


def test_it_refuses_a_decision_on_your_own_dossier(committee_trainer, cycle, login):
    dossier = with_committee(cycle)
    with pytest.raises(Refused):
        services.dossier_decide(dossier, outcome="accept", reason="Prima.", by=committee_trainer.user)
    response = login(committee_trainer).post(
        en("recertification:committee_decide", dossier.pk), {"outcome": "accept", "reason": "Prima."}
    )
    assert response.status_code == 404  # not before this member: as if it did not exist
    assert not Decision.objects.exists()


def test_it_refuses_questions_on_your_own_dossier(committee_trainer, cycle):
    dossier = with_committee(cycle)
    with pytest.raises(Refused):
        services.question_ask(dossier, question="?", by=committee_trainer.user)


def test_another_committee_member_can_decide(certification, cycle):
    dossier = with_committee(cycle)
    services.dossier_decide(dossier, outcome="accept", reason="Prima.", by=certification.user)
    assert Decision.objects.get().outcome == "accept"


def test_it_refuses_a_decision_on_someone_in_your_intervision_group(certification, trainer, cycle):
    group = Group.objects.create(name="Utrecht", coordinator=trainer)
    GroupMember.objects.create(group=group, person=trainer)
    GroupMember.objects.create(group=group, person=certification)
    assert services.shares_intervision_group(trainer, certification)
    with pytest.raises(Refused):
        services.dossier_decide(with_committee(cycle), outcome="accept", reason="Prima.", by=certification.user)
