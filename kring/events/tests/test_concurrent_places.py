"""Places decided at the same moment, in threads with their own connections, on PostgreSQL.

Two people taking the last place, two cancellations each offering "the" freed place, two answers to
two offers for one place, and a cancellation racing an answer: the event row lock makes each wait for
the other, so never more places are given away than exist. On SQLite these cannot overlap (one writer
at a time), so they run on PostgreSQL only.
"""

import pytest

from kring.core.access import roles_of
from kring.core.models import Association
from kring.events import services
from kring.events.models import Registration, RegistrationStatus, WaitingEntry, WaitingStatus
from kring.events.tests.helpers import full_event, join_waiting, make_event, make_member, register
from kring.members import vocabulary
from tests.races import POSTGRES_ONLY, race

pytestmark = [pytest.mark.django_db(transaction=True), POSTGRES_ONLY]


@pytest.fixture(autouse=True)
def _vocabulary(transactional_db):
    vocabulary.load()  # transactional tests flush the database; members need membership types
    Association.objects.get_or_create(
        pk=1, defaults={"name": "Vereniging Kring", "short_name": "Kring"}
    )  # the e-mails name it


def confirmed_places(event) -> int:
    return sum(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).values_list("places", flat=True)
    )


def test_two_people_for_the_last_place():
    event = make_event(capacity_live=1)
    people = [make_member(), make_member()]
    outcomes = race(
        lambda p: services.register(event.pk, person=p, roles=roles_of(p.user), mode="live", by=p.user), people
    )
    assert sorted(outcomes) == ["done", "refused"]
    assert confirmed_places(event) == 1


def test_two_cancellations_offer_each_freed_place_once():
    event, taken = full_event(2)
    waiting = [join_waiting(event, make_member()) for _ in range(3)]
    outcomes = race(lambda r: services.registration_cancel(r.pk, by=None, by_office=True), taken)
    assert outcomes == ["done", "done"]
    statuses = [WaitingEntry.objects.get(pk=w.pk).status for w in waiting]
    assert statuses == [WaitingStatus.OFFERED, WaitingStatus.OFFERED, WaitingStatus.WAITING]
    assert services.places_taken(event, "live") == 2


def test_two_answers_at_the_same_moment_never_exceed_the_places():
    event, taken = full_event(2)
    waiting = [join_waiting(event, make_member()) for _ in range(2)]
    for registration in taken:
        services.registration_cancel(registration.pk, by=None, by_office=True)
    tokens = [WaitingEntry.objects.get(pk=w.pk).token for w in waiting]
    outcomes = race(lambda token: services.offer_accept(token, person=None, by=None), tokens)
    assert outcomes == ["done", "done"]
    assert confirmed_places(event) == 2 == event.capacity_live


def test_a_cancellation_racing_a_registration_and_an_answer():
    event, (one, two) = full_event(2)
    first = join_waiting(event, make_member())
    services.registration_cancel(one.pk, by=None, by_office=True)
    token = WaitingEntry.objects.get(pk=first.pk).token
    second = join_waiting(event, make_member())
    newcomer = make_member()
    actions = [
        lambda: services.offer_accept(token, person=None, by=None),
        lambda: services.registration_cancel(two.pk, by=None, by_office=True),
        lambda: register(event, newcomer),
    ]
    outcomes = race(lambda action: action(), actions)
    assert "IntegrityError" not in outcomes and "OperationalError" not in outcomes
    # Whatever the order: confirmed places plus held offers never exceed the two places.
    assert services.places_taken(event, "live") <= 2
    assert WaitingEntry.objects.get(pk=second.pk).status in (WaitingStatus.OFFERED, WaitingStatus.WAITING)


def test_the_same_answer_twice_at_once_gives_one_registration():
    event, (taken,) = full_event(1)
    entry = join_waiting(event, make_member())
    services.registration_cancel(taken.pk, by=None, by_office=True)
    token = WaitingEntry.objects.get(pk=entry.pk).token
    outcomes = race(lambda _n: services.offer_accept(token, person=None, by=None), [1, 2])
    assert sorted(outcomes) == ["done", "refused"]
    assert Registration.objects.filter(event=event, person=entry.person).count() == 1
