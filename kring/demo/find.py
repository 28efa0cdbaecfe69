"""Demo courses, retreats and supervisors for ``manage.py seed_demo``: courses of registered trainers at
their practices across the Netherlands and Flanders over the coming half year (some online), a few
silent retreats, and supervisors recognised by the office. ``courses=20000`` gives the benchmark's size.

Rows are written in bulk (a seed is a process creating demo data, not trainers announcing courses);
the supervisors go through the app's service, so each recognition checks the criteria as the office's would.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kring.core import audit, geo
from kring.find import services
from kring.find.models import Course, Retreat
from kring.members.models import SpokenLanguage, TaughtProgramme
from kring.register import history

TEXTS = [
    "Een kleine groep van hoogstens twaalf mensen. Je hoeft geen ervaring te hebben.",
    "Op een rustige plek, met koffie en thee. Een kennismakingsgesprek vooraf hoort erbij.",
    "Voor iedereen die meer rust wil in een druk leven.",
    "In de avond, zodat je het naast je werk kunt doen.",
]
RETREATS = [
    ("Stilteretraite in de Ardennen", "6600", "BE", 5),
    ("Vijf dagen stilte op de Veluwe", "6731", "NL", 5),
    ("Weekend in stilte aan zee", "8400", "BE", 2),
    ("Zeven dagen stilte in Drenthe", "9411", "NL", 7),
    ("Stilte in het Kempenland", "2400", "BE", 5),
]


def _trainers(today: datetime.date, limit: int) -> list[tuple[int, int, tuple | None]]:
    """(registration id, person id, practice place) of registered trainers, at most ``limit``."""
    found = []
    rows = history.registered_on(today).values_list("pk", "person_id")[:limit]
    practices = {}
    from kring.members.models import PracticeAddress

    for person_id, postcode, country in PracticeAddress.objects.filter(person_id__in=[p for _r, p in rows]).values_list(
        "person_id", "postcode", "country"
    ):
        practices.setdefault(person_id, (postcode, country))
    for registration_id, person_id in rows:
        found.append((registration_id, person_id, practices.get(person_id)))
    return found


def plan_courses(rng: random.Random, count: int, today: datetime.date) -> list[Course]:
    trainers = _trainers(today, 5000)
    if not trainers:
        return []
    programmes = {p.code: p for p in TaughtProgramme.objects.all()}
    weights = [("mbsr", 6), ("mbct", 3), ("mbcl", 1), ("msc", 1), ("mindful-parenting", 1)]
    languages = {lang.code: lang for lang in SpokenLanguage.objects.all()}
    places = geo.all_places()
    planned = []
    for _ in range(count):
        registration_id, _person, practice = rng.choice(trainers)
        place = geo.lookup(*practice) if practice else rng.choice(places)
        online = rng.random() < 0.12
        code = rng.choices([c for c, _w in weights], [w for _c, w in weights])[0]
        planned.append(
            Course(
                registration_id=registration_id,
                programme=programmes.get(code, programmes["mbsr"]),
                starts_on=today + datetime.timedelta(days=rng.randint(3, 182)),
                time=datetime.time(rng.choice([9, 10, 14, 19, 19, 20]), rng.choice([0, 30])),
                sessions=8,
                online=online,
                postcode="" if online else place.postcode,
                country="" if online else place.country,
                place="" if online else place.name,
                latitude=None if online else place.latitude,
                longitude=None if online else place.longitude,
                language=languages["en"] if rng.random() < 0.08 else languages["nl"],
                price=Decimal(rng.choice([295, 345, 375, 395, 425, 450, 495])),
                places_left=rng.randint(0, 12),
                text=rng.choice(TEXTS),
                signup_url="https://example.org/aanmelden",
            )
        )
    return planned


def _retreats(rng: random.Random, today: datetime.date) -> list[Retreat]:
    trainers = _trainers(today, 200)
    nl = SpokenLanguage.objects.get(code="nl")
    planned = []
    for index, (title, postcode, country, days) in enumerate(RETREATS):
        if not trainers:
            break
        registration_id, _person, _practice = rng.choice(trainers)
        place = geo.lookup(postcode, country)
        starts_on = today + datetime.timedelta(days=20 + 30 * index)
        planned.append(
            Retreat(
                registration_id=registration_id,
                title=title,
                starts_on=starts_on,
                ends_on=starts_on + datetime.timedelta(days=days - 1),
                days=days,
                teacher=rng.choice(["Hanna de Wit", "Pieter Claes", "Miriam Bos"]),
                postcode=place.postcode,
                country=country,
                place=place.name,
                latitude=place.latitude,
                longitude=place.longitude,
                language=nl,
                text="Dagen van stilte, zitten en lopen, met een leraar die je begeleidt.",
                signup_url="https://example.org/retraite",
            )
        )
    return planned


def _supervisors(rng: random.Random, today: datetime.date, count: int) -> int:
    recognised = 0
    for _registration_id, person_id, _practice in _trainers(today, 400)[::37][:count]:
        from kring.members.models import Person

        services.supervisor_recognise(
            person=Person.objects.get(pk=person_id),
            starts_on=today - datetime.timedelta(days=rng.randint(0, 300)),
            years_experience=rng.randint(5, 20),
            courses_given=rng.randint(20, 120),
            training_days=Decimal(rng.choice([4, 5, 6])),
            training_completed_on=today - datetime.timedelta(days=400),
            by=None,
        )
        recognised += 1
    return recognised


def seed(rng: random.Random, *, courses: int = 80, supervisors: int = 6) -> dict:
    today = timezone.localdate()
    with transaction.atomic():
        made = Course.objects.bulk_create(plan_courses(rng, courses, today), batch_size=2000)
        retreats = Retreat.objects.bulk_create(_retreats(rng, today))
        audit.record("kring.demo.find.seeded", process="seed_demo", courses=len(made), retreats=len(retreats))
    return {"courses": len(made), "retreats": len(retreats), "supervisors": _supervisors(rng, today, supervisors)}
