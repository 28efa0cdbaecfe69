"""Demo events for ``manage.py seed_demo``: a year of the association's meetings — a jaardag in
Utrecht, online workshops, a congress in Gent — with registrations, a full workshop with a waiting
list, and past events that people attended (so "my events", certificates and the CPD log show
something). Everything goes through the events app's services, as the office and members would."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from kring.core.access import MEMBER
from kring.events import services
from kring.events.models import Event
from kring.members.models import Membership, Person

ONLINE_TOPICS = [
    "Mildheid in de trainingsruimte",
    "Onderzoek (inquiry) verdiepen",
    "Mindfulness voor jongeren",
    "Lesgeven met MBI:TAC",
    "Stilte en de leraar",
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _event(**fields) -> Event:
    starts = fields["starts_at"]
    values = {
        "registration_opens_at": starts - datetime.timedelta(days=90),
        "registration_closes_at": starts - datetime.timedelta(hours=2),
        "language": "nl",
    }
    values.update(fields)
    return services.event_save(Event(**values), by=None)


def plan(today: datetime.date) -> list[Event]:
    link = "https://meet.kring.example/"
    events = [
        _event(
            title="Jaardag 2026: Aandacht in verbinding",
            kind="annual_day",
            description="De jaardag van de vereniging: lezingen, workshops en samen stil zijn.",
            starts_at=_at(today + datetime.timedelta(days=45), 9),
            ends_at=_at(today + datetime.timedelta(days=45), 17),
            mode="live",
            venue="Tivoli, Vredenburgkade 11",
            postcode="3511",
            capacity_live=120,
            audience="members",
            price_member=Decimal("65"),
            price_student=Decimal("35"),
            early_bird_until=today + datetime.timedelta(days=14),
            early_price_member=Decimal("55"),
            cpd_hours=Decimal("6"),
        ),
        _event(
            title="Congres Mindfulness en Compassie, Gent",
            kind="congress",
            description="Twee dagen met onderzoekers en trainers uit Vlaanderen en Nederland.",
            starts_at=_at(today + datetime.timedelta(days=150), 9),
            ends_at=_at(today + datetime.timedelta(days=151), 17),
            mode="both",
            venue="ICC Gent, Van Rysselberghedreef 2",
            postcode="9000",
            country="BE",
            capacity_live=250,
            capacity_online=300,
            online_link=link + "congres-gent",
            audience="public",
            price_member=Decimal("180"),
            price_non_member=Decimal("260"),
            price_student=Decimal("90"),
            cpd_hours=Decimal("12"),
        ),
        _event(
            title="Workshop Lichaamswerk (vol)",
            kind="workshop",
            description="Een kleine groep, veel oefenen met de bodyscan en beweging.",
            starts_at=_at(today + datetime.timedelta(days=20), 10),
            ends_at=_at(today + datetime.timedelta(days=20), 16),
            mode="live",
            venue="Het Ateliergebouw",
            postcode="1012",
            capacity_live=4,
            audience="trainers",
            price_member=Decimal("45"),
            cpd_hours=Decimal("5"),
        ),
    ]
    for month, topic in enumerate(ONLINE_TOPICS, start=1):
        day = today + datetime.timedelta(days=30 * month - 10)
        events.append(
            _event(
                title=f"Online workshop: {topic}",
                kind="online_session",
                starts_at=_at(day, 19),
                ends_at=_at(day, 21),
                mode="online",
                online_link=link + f"workshop-{month}",
                capacity_online=40,
                audience="members",
                cpd_hours=Decimal("2"),
            )
        )
    return events


def past(today: datetime.date) -> list[Event]:
    """Events that already happened: registration closed, attendance noted."""
    result = []
    for weeks, title in ((6, "Online workshop: De ademruimte onderwijzen"), (20, "Jaardag 2025, Utrecht")):
        day = today - datetime.timedelta(weeks=weeks)
        online = weeks == 6
        result.append(
            _event(
                title=title,
                kind="online_session" if online else "annual_day",
                starts_at=_at(day, 19 if online else 9),
                ends_at=_at(day, 21 if online else 17),
                mode="online" if online else "live",
                online_link=link_for(online),
                postcode="" if online else "3511",
                venue="" if online else "Tivoli, Vredenburgkade 11",
                capacity_online=40 if online else 0,
                capacity_live=0 if online else 120,
                audience="members",
                cpd_hours=Decimal("2" if online else "6"),
            )
        )
    return result


def link_for(online: bool) -> str:
    return "https://meet.kring.example/ademruimte" if online else ""


def seed(rng: random.Random, *, demo_trainer: Person | None, demo_member: Person | None) -> int:
    today = timezone.localdate()
    members = list(
        Person.objects.filter(memberships__in=Membership.objects.current(today), user__isnull=False)
        .exclude(pk__in=[p.pk for p in (demo_trainer, demo_member) if p])
        .select_related("user")
        .distinct()[:80]
    )
    if len(members) < 12:
        return 0
    upcoming, done = plan(today), past(today)
    count = 0
    jaardag, congress, full = upcoming[0], upcoming[1], upcoming[2]
    for person in rng.sample(members, 30):
        services.office_register(jaardag.pk, person=person, mode="live", by=None)
        count += 1
    for person in rng.sample(members, 20):
        services.office_register(congress.pk, person=person, mode=rng.choice(["live", "online"]), by=None)
        count += 1
    trainers = [p for p in members if p.registrations.exists()] or members
    for person in trainers[:4]:
        services.office_register(full.pk, person=person, mode="live", by=None)
    for person in trainers[4:7]:
        services.waiting_join(full.pk, person=person, roles={MEMBER, "trainer"}, mode="live", by=None)
    if demo_trainer:
        services.waiting_join(full.pk, person=demo_trainer, roles={MEMBER, "trainer"}, mode="live", by=None)
        services.office_register(jaardag.pk, person=demo_trainer, mode="live", by=None)
    for event in done:
        attendees = rng.sample(members, 15) + [p for p in (demo_trainer, demo_member) if p]
        for person in attendees:
            registration = services.office_register(event.pk, person=person, mode=event.modes[0], by=None)
            services.attendance_checkin(registration.pk, by=None)
            count += 1
    return count
