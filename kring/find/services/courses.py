"""Announcing, changing and withdrawing a course."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit
from kring.core.refusals import Refused
from kring.find.models import Course
from kring.find.services.common import check_starts_ahead, check_valid_on, lock, place_of, registration_of

FIELDS = ("programme", "starts_on", "time", "sessions", "language", "price", "places_left", "text", "signup_url")


def _checked(data: dict) -> dict:
    check_starts_ahead(data["starts_on"])
    if Decimal(data["price"]) < 0:
        raise Refused(_("The price cannot be below zero. Enter 0 for a free course."), field="price")
    if not 1 <= int(data["sessions"]) <= 52:
        raise Refused(_("A course has 1 to 52 sessions."), field="sessions")
    if int(data["places_left"]) < 0:
        raise Refused(_("The number of places left cannot be below zero."), field="places_left")
    return {**{name: data[name] for name in FIELDS if name in data}, **place_of(data)}


@transaction.atomic
def course_announce(*, person, data: dict, by) -> Course:
    """Announce a course. Announcing the same course again (a double click) returns the first one."""
    values = _checked(data)
    registration = registration_of(person, values["starts_on"])
    check_valid_on(registration, values["starts_on"], _("course"))
    lock(registration)
    same = Course.objects.filter(
        registration=registration,
        withdrawn_at__isnull=True,
        programme=values["programme"],
        starts_on=values["starts_on"],
        time=values["time"],
        online=values["online"],
        postcode=values["postcode"],
    ).first()
    if same is not None:
        return same
    course = Course.objects.create(registration=registration, **values)
    audit.record("kring.find.course.announced", by=by, person_id=person.pk, obj=course)
    return course


def _locked_open(course: Course) -> Course:
    course = Course.objects.select_for_update(of=("self",)).get(pk=course.pk)
    if course.withdrawn_at is not None:
        raise Refused(_("This course was withdrawn, so it cannot be changed any more."))
    if course.starts_on <= timezone.localdate():
        raise Refused(_("This course has started, so it cannot be changed any more."))
    return course


@transaction.atomic
def course_change(course: Course, *, data: dict, by) -> Course:
    course = _locked_open(course)
    values = _checked(data)
    check_valid_on(course.registration, values["starts_on"], _("course"))
    changed = sorted(name for name, value in values.items() if getattr(course, name) != value)
    if not changed:
        return course
    for name, value in values.items():
        setattr(course, name, value)
    course.save()
    audit.record(
        "kring.find.course.changed", by=by, person_id=course.registration.person_id, obj=course, fields=changed
    )
    return course


@transaction.atomic
def course_withdraw(course: Course, *, by) -> Course:
    """Take a course off the lists. Withdrawing it twice changes nothing the second time."""
    course = Course.objects.select_for_update(of=("self",)).get(pk=course.pk)
    if course.withdrawn_at is not None:
        return course
    course.withdrawn_at = timezone.now()
    course.save(update_fields=["withdrawn_at", "updated_at"])
    audit.record("kring.find.course.withdrawn", by=by, person_id=course.registration.person_id, obj=course)
    return course
