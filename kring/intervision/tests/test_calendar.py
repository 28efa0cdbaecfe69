import datetime

import icalendar
from django.urls import reverse

from kring.intervision import feeds, services
from kring.intervision.models import MemberFeed
from kring.intervision.tests.helpers import attend, make_group, make_past_meeting, others


def _address(group, person):
    return reverse("intervision:group_feed", args=[feeds.group_feed_token(group.current_members().get(person=person))])


def _meeting(group, when):
    return services.meeting_plan(
        group, by=group.coordinator.user, starts_at=when, duration_minutes=120, location="Oudegracht 1, Utrecht"
    )


def test_the_group_feed_parses_back_with_times_in_utc(trainer, client):
    group = make_group(trainer, name="Kring Utrecht")
    _meeting(group, datetime.datetime(2026, 6, 1, 17, 0, tzinfo=datetime.UTC))
    response = client.get(_address(group, trainer))
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
    old = _address(group, trainer)
    login(trainer).post(reverse("intervision:feed_regenerate"), {"group": group.pk})
    group.refresh_from_db()
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(_address(group, trainer)).status_code == 200


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


def test_a_group_address_stops_working_for_whoever_leaves_the_group(trainer, client):
    group = make_group(trainer, members=2, mode="online", postcode="")
    _meeting(group, datetime.datetime(2030, 6, 1, 17, 0, tzinfo=datetime.UTC))
    leaver, stayer = others(group)
    leavers_address, stayers_address = _address(group, leaver), _address(group, stayer)
    assert leavers_address != stayers_address
    assert client.get(leavers_address).status_code == 200
    services.group_leave(group, by=leaver.user)
    assert client.get(leavers_address).status_code == 404
    assert client.get(stayers_address).status_code == 200


def test_a_group_address_cannot_be_changed_into_someone_elses(trainer, client):
    group = make_group(trainer, members=1)
    token = feeds.group_feed_token(group.current_members().get(person=trainer))
    pk, rest = token.split(".", 1)
    forged = f"{int(pk) + 1}.{rest}"  # the colleague's membership, with the trainer's signature
    assert client.get(reverse("intervision:group_feed", args=[token])).status_code == 200
    assert client.get(reverse("intervision:group_feed", args=[forged])).status_code == 404


def test_my_feed_leaves_out_a_group_i_left_even_meetings_i_attended(trainer, client):
    group = make_group(trainer, members=1, mode="online", postcode="")
    link = "https://meet.example.org/kring-utrecht-geheim"
    meeting = make_past_meeting(group, days_ago=3, link=link)
    (colleague,) = others(group)
    attend(meeting, colleague)
    _meeting(group, datetime.datetime(2030, 6, 1, 17, 0, tzinfo=datetime.UTC))
    feed = MemberFeed.objects.create(person=colleague)
    assert link.encode() in client.get(reverse("intervision:member_feed", args=[feed.token])).content
    services.group_leave(group, by=colleague.user)
    calendar = icalendar.Calendar.from_ical(client.get(reverse("intervision:member_feed", args=[feed.token])).content)
    assert calendar.walk("VEVENT") == []
