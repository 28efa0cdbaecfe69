"""A double click on "I was there" or on "yes" to a proposal, both requests at the same moment."""

import pytest

from kring.core.models import AuditEntry
from kring.intervision import proposals, services
from kring.intervision.models import Attendance, ProposalMember
from kring.intervision.tests.helpers import make_group, make_past_meeting, make_seekers, make_trainer, race
from kring.members import vocabulary


@pytest.mark.django_db(transaction=True)
def test_noting_my_attendance_twice_at_the_same_moment_notes_it_once():
    vocabulary.load()  # transactional tests flush the database
    coordinator = make_trainer()
    meeting = make_past_meeting(make_group(coordinator))
    outcomes = race(lambda _click: services.attendance_register(meeting, by=coordinator.user), [1, 2])
    assert sorted(outcomes) == ["done", "refused"]  # the second click is told it is already noted
    assert Attendance.objects.filter(meeting=meeting).count() == 1
    assert AuditEntry.objects.filter(action="kring.intervision.attendance.registered").count() == 1


@pytest.mark.django_db(transaction=True)
def test_saying_yes_twice_at_the_same_moment_answers_once():
    vocabulary.load()
    make_seekers(5)
    (proposal,) = proposals.proposals_run(seed=1).proposals.all()
    person = proposal.answers.first().person
    outcomes = race(lambda _click: proposals.proposal_answer(proposal, by=person.user, accept=True), [1, 2])
    assert outcomes == ["done", "done"]  # both clicks end on the same answer
    assert ProposalMember.objects.get(proposal=proposal, person=person).answer == "accepted"
    assert AuditEntry.objects.filter(action="kring.intervision.proposal.answered").count() == 1
