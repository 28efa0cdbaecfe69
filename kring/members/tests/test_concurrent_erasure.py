"""The office erases while the person withdraws their request, at the same moment: one of them wins,
and what happened is whole (threads with their own connections, on PostgreSQL)."""

import threading

import pytest
from django.conf import settings

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.members import services, vocabulary
from kring.members.models import ErasureRequest, Person
from tests import factories as t

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "sqlite" in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite writes one transaction at a time; run on PostgreSQL to show the race.",
    ),
]


def race(actions) -> list[str]:
    """Each action in its own thread (own connection), all at once: "done" or "refused" per action."""
    from django.db import connection

    barrier = threading.Barrier(len(actions))
    outcomes: dict[str, str] = {}

    def run(name, action):
        barrier.wait()
        try:
            action()
            outcomes[name] = "done"
        except Refused:
            outcomes[name] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in actions.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.parametrize("attempt", range(3))
def test_erasing_and_withdrawing_at_the_same_moment_do_one_of_the_two(transactional_db, attempt):
    vocabulary.load()
    person = t.PersonFactory(first_name="Marieke", last_name="Bakker")
    office = t.PersonFactory().user
    t.grant(office, "office")
    request = services.erasure_request(person, by=person.user)

    outcomes = race(
        {
            "erase": lambda: services.person_erase(Person.objects.get(pk=person.pk), by=office, request=request),
            "withdraw": lambda: services.erasure_withdraw(ErasureRequest.objects.get(pk=request.pk), by=person.user),
        }
    )

    assert sorted(outcomes.values()) == ["done", "refused"]
    request.refresh_from_db()
    person.refresh_from_db()
    erased = AuditEntry.objects.filter(action="kring.members.person.erased").count()
    withdrawn = AuditEntry.objects.filter(action="kring.members.erasure.withdrawn").count()
    if outcomes["erase"] == "done":
        assert request.status == "done" and person.erased_at is not None and person.first_name == ""
        assert (erased, withdrawn) == (1, 0)
    else:
        assert request.status == "withdrawn" and person.erased_at is None and person.first_name == "Marieke"
        assert person.user.is_active and (erased, withdrawn) == (0, 1)
