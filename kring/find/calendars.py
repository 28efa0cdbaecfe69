"""Calendar files (iCalendar) of a course (its weekly sessions) and of a retreat (its days)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

# A course session's length is not announced; 2.5 hours is what an MBSR or MBCT session usually takes.
SESSION_LENGTH = datetime.timedelta(hours=2, minutes=30)


def _calendar() -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kring//Vinden//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    return calendar


def _where(offer) -> str:
    return _("Online") if offer.online else f"{offer.postcode} {offer.place}"


def course_ics(course, page_url: str) -> bytes:
    calendar = _calendar()
    zone = ZoneInfo(settings.TIME_ZONE)
    event = icalendar.Event()
    event.add("uid", f"find-course-{course.pk}@kring")
    event.add("dtstamp", course.updated_at.astimezone(datetime.UTC))
    starts = datetime.datetime.combine(course.starts_on, course.time, tzinfo=zone)
    event.add("dtstart", starts.astimezone(datetime.UTC))
    event.add("dtend", (starts + SESSION_LENGTH).astimezone(datetime.UTC))
    event.add("rrule", {"freq": "weekly", "count": course.sessions})
    event.add("summary", _("%(programme)s course") % {"programme": course.programme.name})
    event.add("location", _where(course))
    event.add("url", page_url)
    event.add("description", "\n".join(filter(None, [course.text, course.signup_url, page_url])))
    calendar.add_component(event)
    return calendar.to_ical()


def retreat_ics(retreat, page_url: str) -> bytes:
    calendar = _calendar()
    event = icalendar.Event()
    event.add("uid", f"find-retreat-{retreat.pk}@kring")
    event.add("dtstamp", retreat.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", retreat.starts_on)
    event.add("dtend", retreat.ends_on + datetime.timedelta(days=1))  # all-day events end the day after
    event.add("summary", retreat.title)
    event.add("location", _where(retreat))
    event.add("url", page_url)
    event.add("description", "\n".join(filter(None, [retreat.text, retreat.signup_url, page_url])))
    calendar.add_component(event)
    return calendar.to_ical()
