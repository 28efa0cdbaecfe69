"""The calendar files, parsed back: METHOD:PUBLISH, times in UTC, one event each."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from kring.events.tests.helpers import make_event, register

pytestmark = pytest.mark.django_db


def _parse(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def test_the_calendar_file_of_an_event_parses_back(client):
    event = make_event(audience="public", title="Jaardag 2026")
    response = client.get(reverse("events:event_ics", kwargs={"pk": event.pk}))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = _parse(response.content)
    assert calendar["METHOD"] == "PUBLISH" and calendar["VERSION"] == "2.0"
    (item,) = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "Jaardag 2026"
    start = item.decoded("DTSTART")
    assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)
    assert start == event.starts_at.replace(microsecond=0)
    assert item.decoded("DTEND") == event.ends_at.replace(microsecond=0)
    assert "Utrecht" in str(item["LOCATION"])
    assert str(item["UID"]) == f"event-{event.pk}@kring"


def test_the_feed_holds_only_public_published_events(client):
    public = make_event(audience="public", title="Open dag")
    make_event(audience="members", title="Ledenavond")
    make_event(audience="public", title="Verborgen", published=False)
    calendar = _parse(client.get(reverse("events:feed")).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [public.title]


def test_a_participants_own_file_parses_back_with_the_link(client, member):
    event = make_event(mode="online")
    registration = register(event, member, mode="online")
    calendar = _parse(client.get(reverse("events:registration_ics", kwargs={"token": registration.token})).content)
    (item,) = calendar.walk("VEVENT")
    assert event.online_link in str(item["DESCRIPTION"])
