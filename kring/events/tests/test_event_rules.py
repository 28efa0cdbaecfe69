"""The office's bad input for an event: refused with a clear message, nothing saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kring.events import services
from kring.events.models import Event
from kring.events.tests.helpers import make_event, make_member, register

pytestmark = pytest.mark.django_db


def test_an_event_gets_its_place_from_the_postcode():
    event = make_event(postcode="9000", country="BE")
    assert event.place == "Gent" and event.latitude


@pytest.mark.parametrize(
    ("field", "change", "message"),
    [
        ("ends_at", lambda e: setattr(e, "ends_at", e.starts_at - datetime.timedelta(hours=1)), "after the start"),
        ("price_member", lambda e: setattr(e, "price_member", Decimal("-1")), "below zero"),
        ("online_link", lambda e: (setattr(e, "mode", "both"), setattr(e, "online_link", "http://x.example")), "https"),
        ("postcode", lambda e: setattr(e, "postcode", "0000"), "do not know"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(field, change, message):
    event = make_event()
    before = Event.objects.values().get(pk=event.pk)
    change(event)
    with pytest.raises(ValidationError) as refused:
        services.event_save(event, by=None)
    assert message in str(refused.value.message_dict[field])
    assert Event.objects.values().get(pk=event.pk) == before


def test_the_capacity_cannot_go_below_the_places_taken():
    event = make_event(capacity_live=3)
    register(event, make_member(), places=2)
    event.capacity_live = 1
    with pytest.raises(ValidationError) as refused:
        services.event_save(event, by=None)
    assert "2 places are already taken" in str(refused.value.message_dict["capacity_live"])


def test_the_admin_refuses_the_same_bad_input_on_its_form(office, client):
    client.force_login(office.user)
    event = make_event()
    data = {
        "title": event.title,
        "kind": "workshop",
        "language": "nl",
        "mode": "online",
        "online_link": "http://niet-veilig.example",
        "starts_at_0": "2026-12-10",
        "starts_at_1": "10:00",
        "ends_at_0": "2026-12-09",
        "ends_at_1": "10:00",
        "country": "NL",
        "capacity_live": "5",
        "capacity_online": "5",
        "audience": "members",
        "registration_opens_at_0": "2026-01-01",
        "registration_opens_at_1": "10:00",
        "registration_closes_at_0": "2026-12-01",
        "registration_closes_at_1": "10:00",
        "price_member": "0",
        "price_non_member": "0",
        "price_student": "0",
        "cpd_hours": "2",
        "cpd_kind": "event",
        "offer_hours": "48",
        "checkin_code": "ABCDEF",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
    }
    from django.urls import reverse

    response = client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "https://" in text and Event.objects.count() == 1
