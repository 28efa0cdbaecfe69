import datetime

import icalendar
from django.urls import reverse

from kring.intervision import services
from kring.intervision.models import MemberFeed
from kring.intervision.tests.helpers import make_group


def _meeting(group, when):
    return services.meeting_plan(
        group, by=group.coordinator.user, starts_at=when, duration_minutes=120, location="Oudegracht 1, Utrecht"
    )


def test_the_group_feed_parses_back_with_times_in_utc(trainer, client):
    group = make_group(trainer, name="Kring Utrecht")
    _meeting(group, datetime.datetime(2026, 6, 1, 17, 0, tzinfo=datetime.UTC))
    response = client.get(reverse("intervision:group_feed", args=[group.feed_token]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime.datetime(2026, 6, 1, 17, 0, tzinfo=datetime.UTC)
    assert event.decoded("dtend") == datetime.datetime(2026, 6, 1, 19, 0, tzinfo=datetime.UTC)
    assert b"DTSTART:20260601T170000Z" in response.content
    assert "Kring Utrecht" in str(event["summary"]) and str(event["location"]) == "Oudegracht 1, Utrecht"


def test_the_member_feed_holds_meetings_of_all_my_groups(trainer, client):
    _meeting(make_group(trainer, name="A"), datetime.datetime(2026, 6, 1, 17, 0, tzinfo=datetime.UTC))
    _meeting(
        make_group(trainer, name="B", mode="online", postcode=""),
        datetime.datetime(2026, 7, 1, 17, 0, tzinfo=datetime.UTC),
    )
    feed = MemberFeed.objects.create(person=trainer)
    calendar = icalendar.Calendar.from_ical(client.get(reverse("intervision:member_feed", args=[feed.token])).content)
    assert len(calendar.walk("VEVENT")) == 2


def test_a_new_address_revokes_the_old_one(trainer, login, client):
    group = make_group(trainer)
    old = group.feed_token
    login(trainer).post(reverse("intervision:feed_regenerate"), {"group": group.pk})
    group.refresh_from_db()
    assert group.feed_token != old
    client.logout()
    assert client.get(reverse("intervision:group_feed", args=[old])).status_code == 404
    assert client.get(reverse("intervision:group_feed", args=[group.feed_token])).status_code == 200


def test_a_member_switches_their_feed_off(trainer, login):
    client = login(trainer)
    client.post(reverse("intervision:feed_regenerate"))
    token = MemberFeed.objects.get(person=trainer).token
    client.post(reverse("intervision:feed_revoke"))
    assert client.get(reverse("intervision:member_feed", args=[token])).status_code == 404


def test_only_the_coordinator_renews_a_group_address(trainer, member, login):
    group = make_group(trainer)
    response = login(member).post(reverse("intervision:feed_regenerate"), {"group": group.pk})
    assert response.status_code == 404
