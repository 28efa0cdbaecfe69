"""Check-in by the office, the host and oneself; the CPD activity and the certificate that follow."""

import datetime
import io
import zoneinfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from kring.core.refusals import Refused
from kring.cpd.models import Activity, ActivityKind
from kring.events import services
from kring.events.models import Registration
from kring.events.tests.helpers import make_event, make_member, register
from kring.events.views import participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def today_event():
    return make_event(
        starts_at=timezone.now() - datetime.timedelta(minutes=30),
        registration_closes_at=timezone.now() + datetime.timedelta(hours=2),
    )


def test_the_office_checks_someone_in_and_the_cpd_log_gets_the_hours(today_event, trainer, office, client):
    registration = register(today_event, trainer)
    client.force_login(office.user)
    list_page = client.get(reverse("events:attendance", kwargs={"pk": today_event.pk}))
    assert trainer.full_name in list_page.content.decode()
    client.post(reverse("events:attendance_checkin", kwargs={"pk": registration.pk}))
    registration.refresh_from_db()
    assert registration.attended
    activity = Activity.objects.get(person=trainer)
    assert activity.kind == ActivityKind.EVENT and activity.hours == today_event.cpd_hours
    assert activity.source == f"events.registration:{registration.pk}" and activity.is_automatic
    services.attendance_checkin(registration.pk, by=office.user)  # twice: still one activity
    assert Activity.objects.filter(person=trainer).count() == 1


def test_self_check_in_with_the_code_and_the_certificate(today_event, member, client):
    registration = register(today_event, member)
    url = reverse("events:checkin", kwargs={"token": registration.token})
    client.post(url, {"code": "WRONG1"})
    registration.refresh_from_db()
    assert not registration.attended
    client.post(url, {"code": today_event.checkin_code.lower()})
    registration.refresh_from_db()
    assert registration.attended and registration.certificate_code

    pdf = client.get(reverse("events:certificate", kwargs={"token": registration.token}))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert member.full_name in text and today_event.title in text
    check = client.get(reverse("events:certificate_check", kwargs={"code": registration.certificate_code}))
    assert check.status_code == 200 and member.full_name in check.content.decode()
    assert client.get(reverse("events:certificate_check", kwargs={"code": "onzin"})).status_code == 404


def test_the_certificate_is_a_tagged_pdf(today_event, member):
    from kring.events import certificates

    registration = register(today_event, member)
    services.attendance_checkin(registration.pk, by=None)
    registration.refresh_from_db()
    pdf = certificates.certificate_pdf(registration)
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_guessing_the_code_is_rate_limited(today_event, member, client, settings):
    cache.clear()
    registration = register(today_event, member)
    url = reverse("events:checkin", kwargs={"token": registration.token})
    statuses = [client.post(url, {"code": f"GUES{n:02d}"}).status_code for n in range(6)]
    assert statuses[:5] == [302] * 5 and statuses[5] == 429
    response = client.post(url, {"code": today_event.checkin_code})
    assert response.status_code == 429  # even the right code waits now
    registration.refresh_from_db()
    assert not registration.attended


def test_check_in_before_the_event_is_refused(member):
    registration = register(make_event(), member)
    with pytest.raises(Refused, match="opens an hour"):
        services.attendance_self(registration.token, code=registration.event.checkin_code)


def _registration_page(client, registration) -> str:
    return client.get(reverse("events:registration", kwargs={"token": registration.token})).content.decode()


def test_the_page_offers_check_in_exactly_while_the_code_is_accepted(member, client):
    now = timezone.now()
    starts = now + datetime.timedelta(minutes=50)
    soon = register(make_event(starts_at=starts, registration_closes_at=starts), member)
    assert 'name="code"' in _registration_page(client, soon)
    client.post(reverse("events:checkin", kwargs={"token": soon.token}), {"code": soon.event.checkin_code})
    soon.refresh_from_db()
    assert soon.attended

    earlier_today = make_event(
        starts_at=now - datetime.timedelta(hours=6),
        ends_at=now - datetime.timedelta(hours=3),
        registration_closes_at=now + datetime.timedelta(hours=1),
    )
    over = register(earlier_today, member)
    assert 'name="code"' not in _registration_page(client, over)  # closed two hours after the end
    with pytest.raises(Refused, match="has closed"):
        services.attendance_self(over.token, code=earlier_today.checkin_code)

    later = register(make_event(starts_at=now + datetime.timedelta(hours=3)), member)
    assert 'name="code"' not in _registration_page(client, later)


AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("now", "state"),
    [
        (datetime.datetime(2027, 3, 5, 8, 0), ""),  # the day before
        (datetime.datetime(2027, 3, 6, 0, 5), "later"),  # the same day, from midnight here
        (datetime.datetime(2027, 3, 6, 9, 59), "later"),
        (datetime.datetime(2027, 3, 6, 10, 0), "open"),  # an hour before the start
        (datetime.datetime(2027, 3, 6, 19, 0), "open"),  # two hours after the end
        (datetime.datetime(2027, 3, 6, 19, 1), ""),
    ],
)
def test_check_in_follows_the_clock_here(now, state):
    event = make_event(starts_at=datetime.datetime(2027, 3, 6, 11, 0, tzinfo=AMSTERDAM))  # until 17:00
    assert event.checkin_state(now.replace(tzinfo=AMSTERDAM)) == state


def test_an_event_just_after_midnight_is_not_checked_in_the_evening_before():
    event = make_event(starts_at=datetime.datetime(2027, 3, 6, 0, 30, tzinfo=AMSTERDAM))
    # 22:00 here is 21:00 UTC on the 5th; the event starts on the 6th here, 23:30 UTC on the 5th.
    assert event.checkin_state(datetime.datetime(2027, 3, 5, 22, 0, tzinfo=AMSTERDAM)) == ""
    assert event.checkin_state(datetime.datetime(2027, 3, 5, 23, 30, tzinfo=AMSTERDAM)) == "open"


@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", "Je kunt hier inchecken vanaf 10:00"), ("en", "You can check in here from 10:00")],
)
def test_on_the_day_the_page_says_from_when_check_in_opens(member, rf, language, words):
    registration = register(make_event(starts_at=datetime.datetime(2027, 3, 6, 11, 0, tzinfo=AMSTERDAM)), member)
    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override(language):
        for now, shown in ((datetime.datetime(2027, 3, 6, 8, 0), True), (datetime.datetime(2027, 3, 5, 20, 0), False)):
            page = participant.registration_page(request, registration, now=now.replace(tzinfo=AMSTERDAM))
            assert (words in page.content.decode()) is shown
            assert 'name="code"' not in page.content.decode()


def test_the_host_confirms_online_attendance_of_their_event_only(trainer, client):
    event = make_event(
        mode="online",
        host=trainer,
        starts_at=timezone.now() - datetime.timedelta(minutes=10),
        registration_closes_at=timezone.now() + datetime.timedelta(hours=1),
    )
    other = make_event(
        starts_at=timezone.now() - datetime.timedelta(minutes=10),
        registration_closes_at=timezone.now() + datetime.timedelta(hours=1),
    )
    participant = make_member()
    registration = register(event, participant, mode="online")
    stranger = register(other, make_member())
    client.force_login(trainer.user)
    assert client.get(reverse("events:attendance", kwargs={"pk": event.pk})).status_code == 200
    assert client.get(reverse("events:attendance", kwargs={"pk": other.pk})).status_code == 404
    client.post(reverse("events:attendance_checkin", kwargs={"pk": registration.pk}))
    assert client.post(reverse("events:attendance_checkin", kwargs={"pk": stranger.pk})).status_code == 404
    assert Registration.objects.get(pk=registration.pk).attended
    assert not Registration.objects.get(pk=stranger.pk).attended
