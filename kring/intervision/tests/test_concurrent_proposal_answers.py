"""Two late yeses for the last place of a group that started from a proposal, at the same moment."""

import pytest

from kring.intervision import proposals
from kring.intervision.models import Group
from kring.intervision.tests.helpers import make_seekers, race
from kring.members import vocabulary


@pytest.mark.django_db(transaction=True)
def test_two_late_yeses_never_push_the_group_past_its_capacity():
    vocabulary.load()  # transactional tests flush the database
    make_seekers(6)
    (proposal,) = proposals.proposals_run(seed=1).proposals.all()
    people = [a.person for a in proposal.answers.select_related("person")]
    for person in people[:4]:
        proposals.proposal_answer(proposal, by=person.user, accept=True)
    group = Group.objects.get()
    Group.objects.filter(pk=group.pk).update(capacity=5)  # one place left
    outcomes = race(lambda person: proposals.proposal_answer(proposal, by=person.user, accept=True), people[4:])
    assert sorted(outcomes) == ["done", "refused"]
    assert group.current_members().count() == 5
