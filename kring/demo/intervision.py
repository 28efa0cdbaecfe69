"""Demo intervision for ``manage.py seed_demo``: groups around the demo trainers' practices, meetings
held this year with confirmed attendance (so the CPD log and "x of 4" show something), and a few
people looking for a group. Everything goes through the app's services, as a coordinator would do it;
only the members' join dates are set directly, so that past meetings count for them."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from kring.intervision import services
from kring.intervision.models import GroupMember, Method, Mode, Moment
from kring.members.models import Person, WorkDomain

GROUP_NAMES = [
    "Stilte in de Stad",
    "Ademruimte",
    "De Lindeboom",
    "Open Aandacht",
    "Het Wakkere Hart",
    "Mildheid",
    "Tussen de Golven",
    "Zachte Focus",
    "Kring van Zeven",
    "De Waarnemers",
]
PRACTICES = [
    "bodyscan (10 minuten)",
    "ademruimte van drie minuten",
    "zitmeditatie met geluiden",
    "loopmeditatie",
    "meditatie van liefdevolle vriendelijkheid",
]


def _practice_place(person: Person):
    practice = person.practices.first()
    return (practice.postcode, practice.country) if practice else ("3512", "NL")


def seed(rng: random.Random, *, demo_trainer: Person | None, groups: int = 8) -> int:
    """Make ``groups`` groups of 5–7 trainers that live near each other; returns the number made."""
    today = timezone.localdate()
    trainers = list(
        Person.objects.filter(registrations__isnull=False, user__isnull=False, practices__isnull=False)
        .exclude(pk=getattr(demo_trainer, "pk", None))
        .distinct()
        .order_by("pk")[:400]
    )
    if len(trainers) < 6:
        return 0
    domains = list(WorkDomain.objects.all())
    made, used = 0, set()
    for index in range(groups):
        coordinator = next((p for p in trainers if p.pk not in used), None)
        if coordinator is None:
            break
        postcode, country = _practice_place(coordinator)
        group = services.group_offer(
            by=coordinator.user,
            name=GROUP_NAMES[index % len(GROUP_NAMES)],
            mode=rng.choice(list(Mode)),
            is_open=index % 3 != 2,
            postcode=postcode,
            country=country,
            work_domain=rng.choice(domains),
            capacity=rng.choice([6, 7, 8]),
            moment=rng.choice(list(Moment)),
            description="Een vaste kring collega's die elkaar vier keer per jaar ziet, live of online.",
        )
        used.add(coordinator.pk)
        members = [p for p in trainers if p.pk not in used][: rng.randint(3, 5)]
        if index == 0 and demo_trainer is not None:
            members = [demo_trainer, *members[:3]]
        joined = today - datetime.timedelta(days=400)
        GroupMember.objects.filter(group=group).update(joined_on=joined)
        for person in members:
            GroupMember.objects.create(group=group, person=person, joined_on=joined)
            used.add(person.pk)
        _hold_meetings(rng, group, coordinator, members, today)
        made += 1
    return made


def _hold_meetings(rng, group, coordinator, members, today) -> None:
    """Two meetings held this year, confirmed by the coordinator, and one still to come."""
    start_of_year = datetime.date(today.year, 1, 1)
    held = sorted(
        start_of_year + datetime.timedelta(days=rng.randint(0, max(1, (today - start_of_year).days - 1)))
        for _ in range(2)
    )
    for day in held + [today + datetime.timedelta(days=rng.randint(10, 60))]:
        starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(19, 30)))
        meeting = services.meeting_plan(
            group,
            by=coordinator.user,
            starts_at=starts_at,
            duration_minutes=120,
            mode=group.mode if group.mode != Mode.BOTH else Mode.LIVE,
            location=group.place,
            opening_practice=rng.choice(PRACTICES),
            check_in="Korte ronde: hoe kom je binnen?",
            method=rng.choice(list(Method)),
            mbi_tac_domain=str(rng.randint(1, 6)),
            closing_practice=rng.choice(PRACTICES),
        )
        if day >= today:
            continue
        services.attendance_register(meeting, by=coordinator.user)
        for person in members:
            attendance = services.attendance_register(meeting, by=coordinator.user, person=person)
            services.attendance_confirm(attendance, by=coordinator.user)


def seekers(rng: random.Random, count: int = 6) -> int:
    """A few trainers without a group say they are looking for one."""
    grouped = GroupMember.objects.values_list("person_id", flat=True)
    people = list(
        Person.objects.filter(registrations__isnull=False, user__isnull=False, practices__isnull=False)
        .exclude(pk__in=grouped)
        .distinct()
        .order_by("-pk")[:count]
    )
    for person in people:
        postcode, country = _practice_place(person)
        services.seeker_register(
            by=person.user,
            mode=rng.choice(list(Mode)),
            postcode=postcode,
            country=country,
            max_distance_km=rng.choice([15, 25, 40]),
            moments=[rng.choice(list(Moment)).value],
            visible_to_coordinators=True,
        )
    return len(people)
