"""The public list with filters in the URL, the event page, "my events" and the office's pages."""

import datetime
import io

import openpyxl
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kring.events import services
from kring.events.models import Registration, RegistrationStatus, WaitingStatus
from kring.events.tests.helpers import full_event, join_waiting, make_event, make_member, register

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [e.title for e in response.context["events"]]


def test_the_list_filters_by_kind_mode_month_and_postcode(client):
    start = timezone.now() + datetime.timedelta(days=40)
    utrecht = make_event(title="Jaardag Utrecht", kind="annual_day", starts_at=start)
    gent = make_event(title="Congres Gent", kind="congress", postcode="9000", country="BE", starts_at=start)
    online = make_event(title="Online oefenen", kind="online_session", mode="online", starts_at=start)
    url = reverse("events:list")
    assert set(titles(client.get(url))) == {utrecht.title, gent.title, online.title}
    assert titles(client.get(url, {"kind": "congress"})) == [gent.title]
    assert titles(client.get(url, {"mode": "online"})) == [online.title]
    near = titles(client.get(url, {"postcode": "3512", "country": "NL", "distance": "25"}))
    assert utrecht.title in near and gent.title not in near and online.title in near
    month = start.strftime("%Y-%m")
    assert len(titles(client.get(url, {"month": month}))) == 3
    other = (start + datetime.timedelta(days=62)).strftime("%Y-%m")
    assert titles(client.get(url, {"month": other})) == []


def test_bad_filters_get_a_message_and_the_whole_list(client):
    make_event()
    response = client.get(reverse("events:list"), {"postcode": "0000", "month": "2026-13"})
    text = response.content.decode()
    assert response.status_code == 200 and len(response.context["events"]) == 1
    assert "postcode" in text.lower()


def test_the_list_has_a_constant_number_of_queries(client, django_assert_max_num_queries):
    for n in range(3):
        event = make_event(title=f"Workshop {n}")
        register(event, make_member())
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("events:list"))
    for n in range(12):
        event = make_event(title=f"Meer {n}")
        register(event, make_member())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("events:list"))


def test_the_event_page_has_open_graph_tags(client):
    event = make_event(audience="public", title="Jaardag 2026")
    text = client.get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    assert '<meta property="og:title" content="Jaardag 2026">' in text
    assert f"/en/events/{event.pk}/" in text  # the tests here read English


def test_an_unpublished_event_is_not_found(client):
    event = make_event(published=False)
    assert client.get(reverse("events:detail", kwargs={"pk": event.pk})).status_code == 404


def test_my_events_shows_registrations_offers_and_place_in_line(member, login):
    mine = make_event(title="Mijn workshop")
    register(mine, member)
    full, (taken,) = full_event(1, title="Volle dag")
    join_waiting(full, member)
    text = login(member).get(reverse("events:mine")).content.decode()
    assert "Mijn workshop" in text and "Volle dag" in text
    services.registration_cancel(taken.pk, by=None, by_office=True)
    text = login(member).get(reverse("events:mine")).content.decode()
    assert reverse("events:offer", kwargs={"token": full.waiting.get().token}) in text


def test_the_offer_is_answered_with_one_click_on_its_page(member, client):
    event, (taken,) = full_event(1)
    entry = join_waiting(event, member)
    services.registration_cancel(taken.pk, by=None, by_office=True)
    entry.refresh_from_db()
    page = reverse("events:offer", kwargs={"token": entry.token})
    assert client.get(page).status_code == 200
    response = client.post(reverse("events:offer_accept", kwargs={"token": entry.token}))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.ACCEPTED
    again = client.post(reverse("events:offer_decline", kwargs={"token": entry.token}))
    assert again.status_code == 409


def test_the_command_moves_the_waiting_lists():
    out = io.StringIO()
    call_command("events_move_waiting_lists", stdout=out)
    assert "0 offers lapsed" in out.getvalue()


def test_the_office_page_export_and_message(office, client):
    event = make_event()
    english = make_member()
    english.user.language = "en"
    english.user.save()
    register(event, english)
    dutch = register(event, make_member(first_name="=HYPERLINK"))
    client.force_login(office.user)
    assert client.get(reverse("events:office_event", kwargs={"pk": event.pk})).status_code == 200
    csv = client.get(reverse("events:office_export", kwargs={"pk": event.pk})).content.decode()
    assert "'=HYPERLINK" in csv and dutch.email in csv
    xlsx = client.get(reverse("events:office_export_xlsx", kwargs={"pk": event.pk}))
    assert xlsx["Content-Disposition"] == f'attachment; filename="event-{event.pk}-registrations.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("name", "email") and len(rows) == 3
    hyperlink = next(row for row in rows if row[1] == dutch.email)
    assert hyperlink[0].startswith("=HYPERLINK")  # the name as typed, as text
    assert sheet.cell(row=rows.index(hyperlink) + 1, column=1).data_type == "s"  # never a formula
    mail.outbox.clear()
    client.post(
        reverse("events:office_message", kwargs={"pk": event.pk}),
        {
            "subject": "Parkeren",
            "body": "Parkeer bij het station.",
            "subject_en": "Parking",
            "body_en": "Park at the station.",
        },
    )
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Parkeren", "Parking"]
    english_mail = next(m for m in mail.outbox if m.subject == "Parking")
    assert "Park at the station." in english_mail.body and "Dear" in english_mail.body


def test_the_office_registers_and_cancels_on_its_page_and_a_member_pays_by_invoice(office, member, client):
    from decimal import Decimal

    from kring.finance.models import Charge

    event = make_event(price_member=Decimal("20"))
    client.force_login(office.user)
    client.post(
        reverse("events:office_register", kwargs={"pk": event.pk}),
        {"email": member.email, "mode": "live", "places": "1"},
    )
    registration = Registration.objects.get(person=member)
    assert registration.payment_status == "invoiced"
    assert Charge.objects.get(person=member).amount_cents == 2000
    client.post(reverse("events:office_paid", kwargs={"pk": registration.pk}))  # paid through the invoice
    registration.refresh_from_db()
    assert registration.payment_status == "invoiced"
    client.post(reverse("events:office_cancel", kwargs={"pk": registration.pk}))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED and registration.payment_status == "cancelled"
    assert not Charge.objects.exists()  # not invoiced yet: taken back


def test_the_event_page_has_a_constant_number_of_queries(client, member, django_assert_max_num_queries):
    small = make_event()
    register(small, make_member())
    client.force_login(member.user)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("events:detail", kwargs={"pk": small.pk}))
    big = make_event(capacity_live=40, kind="congress")
    for _ in range(15):
        register(big, make_member())
    for n in range(4):
        big.sessions.create(title=f"Sessie {n}", starts_at=big.starts_at, ends_at=big.ends_at)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("events:detail", kwargs={"pk": big.pk}))
