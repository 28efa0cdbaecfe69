"""Making events and registrations for the tests of events (and the access matrix)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from kring.core.access import roles_of
from kring.events import services
from kring.events.models import Event
from tests import factories as t

ROLES = frozenset({"public", "user", "member"})


def make_event(**fields) -> Event:
    """A live workshop in Utrecht in three weeks, open for registration now, with 10 places."""
    now = timezone.now()
    starts = fields.pop("starts_at", now + datetime.timedelta(days=21))
    values = {
        "title": "Workshop compassie",
        "kind": "workshop",
        "description": "Een dag oefenen met zelfcompassie.",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=6),
        "mode": "live",
        "venue": "Huis van de Stad, Oudegracht 1",
        "postcode": "3511",
        "capacity_live": 10,
        "audience": "members",
        "registration_opens_at": now - datetime.timedelta(days=10),
        "registration_closes_at": starts - datetime.timedelta(hours=1),
        "cpd_hours": Decimal("6"),
    }
    values.update(fields)
    if values["mode"] in ("online", "both") and "online_link" not in fields:
        values["online_link"] = "https://meet.example.org/kring-geheim-42"
    if values["mode"] == "online" and "postcode" not in fields:
        values["postcode"] = ""
    if "capacity_online" not in fields and values["mode"] != "live":
        values["capacity_online"] = 10
    return services.event_save(Event(**values), by=None)


def make_member(**fields):
    person = t.PersonFactory(**fields)
    t.make_member(person, "practitioner")
    return person


def register(event: Event, person, mode: str = "live", places: int = 1):
    return services.register(
        event.pk, person=person, roles=roles_of(person.user), mode=mode, places=places, by=person.user
    )


def join_waiting(event: Event, person, mode: str = "live", places: int = 1):
    return services.waiting_join(
        event.pk, person=person, roles=roles_of(person.user), mode=mode, places=places, by=person.user
    )


def full_event(places: int = 1, **fields):
    """An event whose places are all taken by other members; returns (event, the registrations)."""
    event = make_event(capacity_live=places, **fields)
    taken = [register(event, make_member(), mode=event.modes[0]) for _ in range(places)]
    return event, taken
