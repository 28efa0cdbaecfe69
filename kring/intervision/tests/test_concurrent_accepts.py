"""Two coordinators' clicks on "accept" for the last place, at the same moment, in two threads."""

import pytest

from kring.intervision import services
from kring.intervision.models import JoinRequest
from kring.intervision.tests.helpers import make_group, make_trainer, race
from kring.members import vocabulary


@pytest.mark.django_db(transaction=True)
def test_it_never_exceeds_capacity_when_two_accepts_race():
    vocabulary.load()  # transactional tests flush the database
    coordinator = make_trainer()
    group = make_group(coordinator, members=2, capacity=5)  # one place left after the first accept
    requests = [services.join_request_create(group, by=make_trainer().user) for _ in range(3)]
    services.join_request_accept(requests[0], by=coordinator.user, message="Welkom")
    outcomes = race(
        lambda request: services.join_request_accept(request, by=coordinator.user, message="Welkom"), requests[1:]
    )
    assert sorted(outcomes) == ["done", "refused"]
    assert group.current_members().count() == group.capacity == 5
    assert JoinRequest.objects.filter(status="accepted").count() == 2
