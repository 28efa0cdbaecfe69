"""Two late yeses for the last place of a group that started from a proposal, at the same moment."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

from kring.intervision import proposals
from kring.intervision.models import Group
from kring.intervision.tests.helpers import make_seekers
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
    barrier = threading.Barrier(2)
    outcomes = []

    def accept(person):
        barrier.wait()
        try:
            for _attempt in range(200):
                try:
                    proposals.proposal_answer(proposal, by=person.user, accept=True)
                    outcomes.append("joined")
                    return
                except OperationalError as error:
                    # SQLite's shared in-memory test database answers "locked" at once instead of
                    # waiting for the row lock as PostgreSQL does: wait here.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
        except ValidationError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(p,)) for p in people[4:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["full", "joined"]
    assert group.current_members().count() == 5
