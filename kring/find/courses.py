"""Courses: finding them, and what their public page says about reimbursement."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.core.access import PUBLIC
from kring.find import kinds, offers
from kring.find.models import Course
from kring.register import history, search


def with_card_data():
    """Courses with what a card or page shows, in the same query."""
    return Course.objects.select_related("programme", "language", "registration__person")


def find(criteria: offers.Criteria, today: datetime.date) -> search.Results:
    courses = with_card_data()
    if criteria.programmes:
        courses = courses.filter(programme__code__in=criteria.programmes)
    return offers.find(courses, criteria, today, extra="price")


def listed_of(registration_id: int, today: datetime.date) -> list[Course]:
    """The listed courses of one registration, soonest first (for the trainer's public page)."""
    return list(offers.listed(with_card_data().filter(registration_id=registration_id), today).order_by("starts_on"))


def is_listed(course: Course, today: datetime.date) -> bool:
    return offers.listed(Course.objects.filter(pk=course.pk), today).exists()


def reimbursable(course: Course) -> bool:
    """Whether insurers may reimburse this course: the register's own rule on the course's first day
    (registered, specialist level, a programme that counts) for the course's programme. The same answer
    the insurers' API gives for that number and date, so the page never promises more than they see."""
    registration = history.with_history().get(pk=course.registration_id)
    standing = history.standing_on(registration, course.starts_on)
    return standing.counts_for_reimbursement and course.programme.code in standing.reimbursable_codes


def hint(near: kinds.Near, today: datetime.date) -> kinds.Hint | None:
    courses = Course.objects.filter(programme__code=near.programme) if near.programme else Course.objects.all()
    count, first = offers.count_near(courses, near, today)
    if not count:
        return None
    text = ngettext(
        "%(count)d course near you starts in %(month)s.",
        "%(count)d courses near you; the first starts in %(month)s.",
        count,
    ) % {"count": count, "month": date_format(first, "F")}
    return kinds.Hint(text, reverse("find:courses") + kinds.query_for(near))


kinds.register(
    kinds.Kind(
        key="courses",
        order=10,
        title=lambda: str(_("Find a course")),
        lead=lambda: str(_("An 8-week mindfulness course near you or online, with a trainer from the register.")),
        url_name="find:courses",
        roles=frozenset({PUBLIC}),
        hint=hint,
    )
)
