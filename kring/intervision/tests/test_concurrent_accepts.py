"""Two coordinators' clicks on "accept" for the last place, at the same moment, in two threads."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

from kring.intervision import services
from kring.intervision.models import JoinRequest
from kring.intervision.tests.helpers import make_group, make_trainer
from kring.members import vocabulary


@pytest.mark.django_db(transaction=True)
def test_it_never_exceeds_capacity_when_two_accepts_race():
    vocabulary.load()  # transactional tests flush the database
    coordinator = make_trainer()
    group = make_group(coordinator, members=2, capacity=5)  # one place left after the first accept
    requests = [services.join_request_create(group, by=make_trainer().user) for _ in range(3)]
    services.join_request_accept(requests[0], by=coordinator.user, message="Welkom")
    barrier = threading.Barrier(2)
    outcomes = []

    def accept(request):
        barrier.wait()
        try:
            for _attempt in range(200):
                try:
                    services.join_request_accept(request, by=coordinator.user, message="Welkom")
                    outcomes.append("accepted")
                    return
                except OperationalError as error:
                    # SQLite's shared in-memory test database answers "locked" at once instead of
                    # waiting like a file database (busy_timeout) or PostgreSQL (row lock) do: wait here.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
        except ValidationError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(r,)) for r in requests[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "full"]
    assert group.current_members().count() == group.capacity == 5
    assert JoinRequest.objects.filter(status="accepted").count() == 2
