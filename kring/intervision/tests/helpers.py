"""Building blocks for intervision tests: trainers, groups with members, meetings that took place."""

from __future__ import annotations

import datetime
import threading
import time

from django.db import OperationalError, connection
from django.utils import timezone

from kring.core.refusals import Refused
from kring.intervision import services
from kring.intervision.models import Attendance, Group, GroupMember, Meeting
from kring.members.models import Person
from tests import factories as t


def make_trainer(postcode: str = "3512", **names) -> Person:
    person = t.PersonFactory(**names)
    t.make_member(person, "trainer")
    t.add_practice(person, postcode)
    t.make_registration(person)
    return person


def make_group(coordinator: Person, *, members: int = 0, **fields) -> Group:
    """A live group in Utrecht with the coordinator and ``members`` more trainers in it."""
    values = {"name": "Kring Utrecht", "mode": "live", "postcode": "3512", "country": "NL", "capacity": 6}
    values.update(fields)
    group = services.group_offer(by=coordinator.user, **values)
    for _ in range(members):
        GroupMember.objects.create(
            group=group, person=make_trainer(), joined_on=timezone.localdate() - datetime.timedelta(days=60)
        )
    GroupMember.objects.filter(group=group, person=coordinator).update(
        joined_on=timezone.localdate() - datetime.timedelta(days=60)
    )
    return group


def make_past_meeting(group: Group, *, days_ago: int = 7, **fields) -> Meeting:
    values = {
        "starts_at": timezone.now() - datetime.timedelta(days=days_ago),
        "duration_minutes": 120,
        "method": "inquiry",
    }
    values.update(fields)
    return services.meeting_plan(group, by=group.coordinator.user, **values)


def attend(meeting: Meeting, *people: Person) -> list[Attendance]:
    return [services.attendance_register(meeting, by=person.user) for person in people]


def others(group: Group) -> list[Person]:
    return [m.person for m in group.current_members().select_related("person") if m.person_id != group.coordinator_id]


def meeting_with_records(trainer: Person):
    """A past meeting of "Kring Utrecht" where the coordinator confirmed one colleague; both wrote a record."""
    group = make_group(trainer, members=1, name="Kring Utrecht")
    meeting = make_past_meeting(group, days_ago=2, method="balint")
    colleague = others(group)[0]
    mine, theirs = attend(meeting, trainer, colleague)
    services.attendance_confirm(theirs, by=trainer.user)
    services.record_save(
        meeting,
        by=colleague.user,
        topics="Stilte in de groep",
        report="Goed gesprek",
        reflection="Mijn geheime gedachte",
    )
    services.record_save(meeting, by=trainer.user, topics="Tempo", reflection="Wat de coordinator dacht")
    return group, meeting, colleague


def make_seekers(count: int, postcode: str = "3512", **wishes) -> list[Person]:
    """``count`` trainers near ``postcode`` looking for a live group on weekday evenings."""
    values = {
        "mode": "live",
        "postcode": postcode,
        "country": "NL",
        "max_distance_km": 30,
        "moments": ["weekday-evening"],
    }
    values.update(wishes)
    people = []
    for _ in range(count):
        person = make_trainer(postcode)
        services.seeker_register(by=person.user, **values)
        people.append(person)
    return people


def race(action, arguments: list, refusals: tuple[type[Exception], ...] = (Refused,)) -> list[str]:
    """Call ``action(argument)`` for each argument in its own thread, all at the same moment.

    Returns "done" or "refused" (one of ``refusals``) per call, in the order they finished; any
    other error is returned as its class name, so a test sees it instead of losing the thread. SQLite's
    shared in-memory test database answers "locked" at once instead of waiting like a file database
    (busy_timeout) or PostgreSQL (row lock) do, so a locked call waits briefly and tries again.
    """
    barrier = threading.Barrier(len(arguments))
    outcomes: list[str] = []

    def run(argument):
        barrier.wait()
        try:
            for _attempt in range(200):
                try:
                    action(argument)
                    outcomes.append("done")
                    return
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            outcomes.append("locked")  # still waiting after two seconds
        except refusals:
            outcomes.append("refused")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
