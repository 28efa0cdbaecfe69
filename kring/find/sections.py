"""What "find" adds to the pages of lower apps through their hooks: the trainer's public page
(``kring.register.page_hook``), "Beheer mijn gegevens" (``kring.members.sections``) and "download my
data" (``kring.members.export``)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from kring.core.access import TRAINER
from kring.find import courses
from kring.find.models import Course, Retreat
from kring.members.sections import Card


def trainer_courses(registration, today) -> str:
    """The trainer's listed courses, soonest first, on their public page (one query)."""
    found = courses.listed_of(registration.pk, today)
    return render_to_string("find/_trainer_courses.html", {"courses": found}) if found else ""


def my_offers_card(person, roles) -> Card | None:
    if TRAINER not in roles:
        return None
    return Card(
        key="find",
        title=_("My courses and retreats"),
        texts=(_("Announce your courses and retreats, so people near you find them. Also: supervision."),),
        url=reverse("find:my_offers"),
        link_text=_("Manage my courses and retreats"),
    )


def export_of(person) -> list:
    """The courses and retreats a person announced, for "download my data"."""
    rows = []
    for course in Course.objects.filter(registration__person=person).select_related("programme", "language"):
        rows.append(
            {
                "kind": "course",
                "programme": course.programme.code,
                "starts_on": course.starts_on.isoformat(),
                "place": course.place,
                "online": course.online,
                "price": str(course.price),
                "text": course.text,
            }
        )
    for retreat in Retreat.objects.filter(registration__person=person):
        rows.append(
            {
                "kind": "retreat",
                "title": retreat.title,
                "starts_on": retreat.starts_on.isoformat(),
                "days": retreat.days,
            }
        )
    return rows
