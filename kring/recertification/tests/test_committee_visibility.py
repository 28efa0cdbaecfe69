"""The committees see only what is before them: submitted dossiers put to the certification committee,
never a draft, and nothing of people a member has a conflict of interest with; the board never its own."""

import pytest
from django.utils import translation

from kring.core.refusals import Refused
from kring.intervision.models import GroupMember
from kring.intervision.tests.helpers import make_group
from kring.recertification.models import Decision, Dossier, DossierStatus, Objection, SampleSetting
from kring.recertification.services import committee, dossiers
from kring.recertification.tests.conftest import complete_dossier, en
from tests import factories as t

SECRET = "Wat ik nog aan niemand liet lezen."


def draft_with_reflection(cycle):
    dossier = dossiers.dossier_for_cycle(cycle)
    return dossiers.dossier_save_reflection(
        dossier, reflections={"reflection_inquiry": SECRET}, by=cycle.registration.person.user
    )


def submit(cycle):
    return dossiers.dossier_submit(dossiers.dossier_for_cycle(cycle), by=cycle.registration.person.user).dossier


@pytest.fixture
def in_one_group(trainer, certification):
    """The committee member and the trainer meet in the same intervision group."""
    group = make_group(trainer)
    GroupMember.objects.create(group=group, person=certification)
    return group


def test_the_committee_does_not_read_a_draft(certification, cycle, login):
    dossier = draft_with_reflection(cycle)
    client = login(certification)
    response = client.get(en("recertification:committee_dossier", dossier.pk))
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert str(dossier.person) not in client.get(en("recertification:committee_queue")).content.decode()


def test_the_committee_reads_a_submitted_dossier(certification, trainer, cycle, login):
    draft_with_reflection(cycle)
    dossier = submit(cycle)
    client = login(certification)
    assert SECRET in client.get(en("recertification:committee_dossier", dossier.pk)).content.decode()
    assert str(trainer) in client.get(en("recertification:committee_queue")).content.decode()


def test_a_dossier_the_committee_decided_stays_readable(certification, cycle, login):
    dossier = submit(cycle)
    committee.dossier_decide(dossier, outcome="basis", reason="Te weinig supervisie.", by=certification.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED
    assert login(certification).get(en("recertification:committee_dossier", dossier.pk)).status_code == 200


def test_a_dossier_accepted_on_trust_was_never_before_the_committee(
    certification, trainer, cycle, colleague, second_colleague, add_activity, login
):
    SampleSetting.objects.create(percentage=0, salt="zout")
    dossier = complete_dossier(trainer, cycle, colleague, second_colleague, add_activity)
    dossiers.dossier_submit(dossier, by=trainer.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED
    assert login(certification).get(en("recertification:committee_dossier", dossier.pk)).status_code == 404


def test_a_member_in_the_trainers_intervision_group_neither_reads_nor_acts(
    certification, trainer, cycle, in_one_group, login
):
    draft_with_reflection(cycle)
    dossier = submit(cycle)
    client = login(certification)
    page = client.get(en("recertification:committee_dossier", dossier.pk))
    assert page.status_code == 404 and SECRET not in page.content.decode()
    decide = client.post(en("recertification:committee_decide", dossier.pk), {"outcome": "accept", "reason": "Prima."})
    assert decide.status_code == 404
    assert not Decision.objects.exists()
    queue = client.get(en("recertification:committee_queue")).content.decode()
    assert str(trainer) not in queue
    assert "One dossier is not in your list because of a conflict of interest" in queue


def test_another_member_still_reads_it(trainer, cycle, in_one_group, login):
    dossier = submit(cycle)
    other = t.PersonFactory()
    t.grant(other.user, "certification")
    t.add_totp(other.user)
    client = login(other)
    assert client.get(en("recertification:committee_dossier", dossier.pk)).status_code == 200
    assert "conflict of interest" not in client.get(en("recertification:committee_queue")).content.decode()


def test_a_member_who_left_the_group_reads_it_again(certification, cycle, in_one_group, login):
    import datetime

    dossier = submit(cycle)
    GroupMember.objects.filter(person=certification).update(left_on=datetime.date.today())
    assert login(certification).get(en("recertification:committee_dossier", dossier.pk)).status_code == 200


def test_a_committee_member_does_not_see_their_own_dossier(trainer, cycle, login):
    t.grant(trainer.user, "certification")
    t.add_totp(trainer.user)
    dossier = submit(cycle)
    assert Dossier.objects.filter(pk=dossier.pk, status=DossierStatus.COMMITTEE).exists()
    assert login(trainer).get(en("recertification:committee_dossier", dossier.pk)).status_code == 404


def test_the_board_does_not_see_an_objection_of_its_own(board, certification, login):
    t.make_registration(board)
    from kring.recertification.services import cycles

    dossier = submit(cycles.current_cycle(board))
    decision = committee.dossier_decide(dossier, outcome="basis", reason="Te weinig.", by=certification.user)
    objection = committee.objection_file(decision, text="Niet eens.", by=board.user)
    client = login(board)
    assert client.get(en("recertification:board_objection", objection.pk)).status_code == 404
    assert "Niet eens." not in client.get(en("recertification:board_objections")).content.decode()
    assert Objection.objects.filter(pk=objection.pk).exists()


def test_the_board_cannot_decide_its_own_objection_even_past_the_page(board, certification):
    t.make_registration(board)
    from kring.recertification.services import cycles

    dossier = submit(cycles.current_cycle(board))
    decision = committee.dossier_decide(dossier, outcome="basis", reason="Te weinig.", by=certification.user)
    objection = committee.objection_file(decision, text="Niet eens.", by=board.user)
    with translation.override("en"), pytest.raises(Refused, match="You cannot decide on your own objection"):
        committee.objection_decide(objection, outcome="upheld", reason="Ik heb gelijk.", by=board.user)
    objection.refresh_from_db()
    assert objection.board_outcome == ""
    assert not dossier.decisions.filter(by_board=True).exists()
