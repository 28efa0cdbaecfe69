"""Courses, retreats and supervisors for the tests of "find", made through the services."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from kring.find import services
from kring.members.models import SpokenLanguage, TaughtProgramme
from kring.register.models import Level
from tests import factories as t


def make_trainer(postcode="9000", country="BE", *, level=Level.SPECIALIST, programmes=("mbsr", "mbct"), **extra):
    """A registered trainer whose registration covers ``programmes`` (and so counts for reimbursement
    when specialist)."""
    person = t.PersonFactory(**extra)
    t.make_member(person, "trainer")
    t.add_practice(person, postcode, country)
    registration = t.make_registration(person, level=level)
    registration.programmes.set(TaughtProgramme.objects.filter(code__in=programmes))
    return person


def course_data(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "programme": TaughtProgramme.objects.get(code="mbsr"),
        "starts_on": today + datetime.timedelta(days=30),
        "time": datetime.time(19, 30),
        "sessions": 8,
        "online": False,
        "postcode": "9000",
        "country": "BE",
        "language": SpokenLanguage.objects.get(code="nl"),
        "price": Decimal("395.00"),
        "places_left": 6,
        "text": "Een rustige groep op maandagavond.",
        "signup_url": "https://example.org/aanmelden",
    }
    for key, value in overrides.items():
        if key == "programme" and isinstance(value, str):
            value = TaughtProgramme.objects.get(code=value)
        if key == "language" and isinstance(value, str):
            value = SpokenLanguage.objects.get(code=value)
        data[key] = value
    return data


def make_course(person, **overrides):
    return services.course_announce(person=person, data=course_data(**overrides), by=person.user)


def retreat_data(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "title": "Stilteretraite in de Ardennen",
        "starts_on": today + datetime.timedelta(days=40),
        "ends_on": today + datetime.timedelta(days=44),
        "days": 5,
        "teacher": "Hanna de Wit",
        "online": False,
        "postcode": "6600",
        "country": "BE",
        "language": SpokenLanguage.objects.get(code="nl"),
        "text": "Vijf dagen in stilte.",
        "signup_url": "https://example.org/retraite",
    }
    data.update(overrides)
    return data


def make_retreat(person, **overrides):
    return services.retreat_announce(person=person, data=retreat_data(**overrides), by=person.user)


CRITERIA = {"years_experience": 6, "courses_given": 25, "training_days": Decimal(4)}


def recognise(person, office, **overrides):
    today = timezone.localdate()
    values = {
        "starts_on": today - datetime.timedelta(days=10),
        "training_completed_on": today - datetime.timedelta(days=40),
        **CRITERIA,
        **overrides,
    }
    return services.supervisor_recognise(person=person, by=office.user, **values)
