"""Calendar files (iCal): the public feed, one event, and a participant's own file with the link.

Times are written in UTC (``...Z``), which every calendar understands without a VTIMEZONE. The
online link is only ever written into a participant's own file (``registration_calendar``): the
public feed and the public file of an event never carry it.
"""

from __future__ import annotations

import datetime

import icalendar
from django.utils.translation import gettext as _

from kring.core import links
from kring.events.models import Event, Registration


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kring//Evenementen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT6H")
    return calendar


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def page_url(event: Event) -> str:
    return links.absolute_reverse("events:detail", kwargs={"pk": event.pk})


def _event(event: Event, *, link: str = "") -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", f"event-{event.pk}@kring")
    item.add("dtstamp", _utc(event.updated_at))
    item.add("last-modified", _utc(event.updated_at))
    item.add("dtstart", _utc(event.starts_at))
    item.add("dtend", _utc(event.ends_at))
    item.add("summary", event.title)
    item.add("url", page_url(event))
    location = ", ".join(part for part in (event.venue, event.place) if part) if event.is_live else ""
    if link:
        location = f"{location} · {link}" if location else link
    elif event.is_online and not location:
        location = _("Online")
    if location:
        item.add("location", location)
    description = [event.description[:1500], page_url(event)]
    if link:
        description.insert(0, _("Online link: %(link)s") % {"link": link})
    item.add("description", "\n\n".join(part for part in description if part))
    return item


def events_calendar(events, name: str) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_event(event))
    return calendar.to_ical()


def registration_calendar(registration: Registration) -> bytes:
    """A participant's own calendar file: the online link is in it for a confirmed online place."""
    event = registration.event
    link = event.online_link if registration.is_active and registration.mode == "online" else ""
    calendar = _calendar(event.title)
    calendar.add_component(_event(event, link=link))
    return calendar.to_ical()
