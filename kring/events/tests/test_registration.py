"""Registering: members in two steps, visitors with a verified address, cancelling, refusals."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kring.core.refusals import Refused
from kring.events import services
from kring.events.models import PaymentStatus, Registration, RegistrationStatus
from kring.events.tests.helpers import make_event, make_member, register
from kring.finance.models import Charge

pytestmark = pytest.mark.django_db


def test_a_member_registers_in_two_steps_and_only_the_second_writes(member, login):
    event = make_event(price_member=Decimal("40"))
    client = login(member)
    url = reverse("events:register", kwargs={"pk": event.pk})
    assert client.get(url).status_code == 200
    step_one = client.post(url, {"mode": "live", "places": "1"})
    assert step_one.status_code == 200 and "€ 40" in step_one.content.decode()
    assert not Registration.objects.exists()
    step_two = client.post(url, {"mode": "live", "places": "1", "confirm": "1"})
    registration = Registration.objects.get()
    assert step_two.status_code == 302 and step_two["Location"] == reverse(
        "events:registration", kwargs={"token": registration.token}
    )
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.amount_due == Decimal("40") and registration.payment_status == PaymentStatus.INVOICED
    assert registration.payment_reference == f"EV{event.pk}-{registration.pk}"
    charge = Charge.objects.get(person=member)  # on the member's next invoice
    assert charge.amount_cents == 4000 and charge.source_reference == f"events.registration.{registration.pk}"
    assert event.title in charge.description
    (confirmation,) = mail.outbox
    assert confirmation.attachments[0][0] == "event.ics"


def test_registering_twice_over_capacity_or_outside_the_window_is_refused_kindly(member):
    event = make_event(capacity_live=1)
    register(event, member)
    with pytest.raises(Refused, match="already registered"):
        register(event, member)
    with pytest.raises(Refused, match="full"):
        register(event, make_member())
    later = make_event(registration_opens_at=timezone.now() + datetime.timedelta(days=2))
    with pytest.raises(Refused, match="opens on"):
        register(later, member)
    closed = make_event(
        registration_opens_at=timezone.now() - datetime.timedelta(days=5),
        registration_closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    with pytest.raises(Refused, match="closed"):
        register(closed, member)
    with pytest.raises(Refused, match="no such places"):
        register(make_event(), member, mode="online")
    assert Registration.objects.count() == 1


def test_a_refusal_on_the_page_is_shown_on_the_form_and_changes_nothing(member, login):
    event = make_event(capacity_live=1)
    register(event, make_member())
    response = login(member).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"mode": "live", "places": "1", "confirm": "1"}
    )
    assert (
        response.status_code == 200
        and "full" in response.content.decode().lower()
        or "vol" in response.content.decode()
    )
    assert Registration.objects.count() == 1


def test_a_trainers_only_event_refuses_a_member(member, trainer):
    event = make_event(audience="trainers")
    with pytest.raises(Refused, match="registered trainers"):
        register(event, member)
    assert register(event, trainer).status == RegistrationStatus.CONFIRMED


def test_a_visitor_confirms_the_address_before_the_place_is_theirs(client):
    event = make_event(audience="public", price_non_member=Decimal("25"))
    response = client.post(
        reverse("events:visitor_register", kwargs={"pk": event.pk}),
        {"name": "Greet Gast", "email": "Greet@Example.org", "mode": "live", "country": "BE"},
    )
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.PENDING and registration.email == "greet@example.org"
    assert registration.payment_reference.startswith("+++")  # Belgian structured message
    (verify_mail,) = mail.outbox
    link = reverse("events:verify", kwargs={"token": registration.token})
    assert link in verify_mail.body
    assert client.get(link).status_code == 200  # GET shows a button, changes nothing
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING
    assert client.post(link).status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert len(mail.outbox) == 2  # the confirmation
    assert client.post(link).status_code == 302  # a second click changes nothing
    unknown = client.get(reverse("events:verify", kwargs={"token": "mistyped"}))
    assert unknown.status_code == 404 and "This link is not known" in unknown.content.decode()


def test_visitors_may_not_register_for_members_events(client):
    event = make_event()
    with pytest.raises(Refused, match="members"):
        services.visitor_register(event.pk, name="X", email="x@example.org", mode="live")
    response = client.get(reverse("events:visitor_register", kwargs={"pk": event.pk}))
    assert response.status_code == 403


def test_the_same_visitor_address_twice_is_refused():
    event = make_event(audience="public")
    services.visitor_register(event.pk, name="A", email="a@example.org", mode="live")
    with pytest.raises(Refused, match="already registered"):
        services.visitor_register(event.pk, name="A", email="A@example.org", mode="live")


def test_cancelling_until_the_deadline_and_the_office_after_it(member, office, client):
    event = make_event(cancel_until=timezone.now() + datetime.timedelta(days=1))
    registration = register(event, member)
    client.post(reverse("events:registration_cancel", kwargs={"token": registration.token}))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    with pytest.raises(Refused, match="already cancelled"):
        services.registration_cancel(registration.pk, by=member.user)

    late = make_event(cancel_until=timezone.now() - datetime.timedelta(hours=1))
    other = register(late, member)
    with pytest.raises(Refused, match="deadline"):
        services.registration_cancel(other.pk, by=member.user)
    services.registration_cancel(other.pk, by=office.user, by_office=True)
    other.refresh_from_db()
    assert other.status == RegistrationStatus.CANCELLED


def test_the_office_registers_someone_outside_the_window(office, member):
    event = make_event(
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1),
        registration_opens_at=timezone.now() - datetime.timedelta(days=3),
    )
    registration = services.office_register(event.pk, person=member, mode="live", by=office.user)
    assert registration.status == RegistrationStatus.CONFIRMED


def test_sessions_of_a_programme_have_their_own_places(member):
    event = make_event(kind="congress")
    small = event.sessions.create(
        title="Verdiepingsworkshop",
        starts_at=event.starts_at,
        ends_at=event.starts_at + datetime.timedelta(hours=1),
        capacity=1,
    )
    services.register(event.pk, person=member, roles={"member"}, mode="live", sessions=[small], by=member.user)
    with pytest.raises(Refused, match="is full"):
        services.register(event.pk, person=make_member(), roles={"member"}, mode="live", sessions=[small], by=None)
