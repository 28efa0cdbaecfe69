"""The online link is shown only to registered participants: page, e-mail, calendar files and feed."""

import pytest
from django.core import mail
from django.urls import reverse

from kring.events import services
from kring.events.tests.helpers import full_event, join_waiting, make_event, make_member, register

pytestmark = pytest.mark.django_db
LINK = "https://meet.example.org/kring-geheim-42"


@pytest.fixture
def event():
    return make_event(mode="online", audience="public", online_link=LINK)


def test_the_page_shows_the_link_only_to_a_registered_participant(event, client, member, login):
    assert LINK not in client.get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    login(member)
    page = reverse("events:detail", kwargs={"pk": event.pk})
    assert LINK not in client.get(page).content.decode()
    registration = register(event, member, mode="online")
    assert LINK in client.get(page).content.decode()
    assert LINK in client.get(reverse("events:registration", kwargs={"token": registration.token})).content.decode()
    services.registration_cancel(registration.pk, by=member.user)
    assert LINK not in client.get(page).content.decode()
    registration_page = reverse("events:registration", kwargs={"token": registration.token})
    assert LINK not in client.get(registration_page).content.decode()


def test_the_feed_and_the_public_calendar_file_never_carry_it(event, client, member):
    register(event, member, mode="online")
    assert LINK.encode() not in client.get(reverse("events:feed")).content
    assert LINK.encode() not in client.get(reverse("events:event_ics", kwargs={"pk": event.pk})).content


def test_only_the_confirmation_mail_carries_it(event, member):
    services.visitor_register(event.pk, name="Gast", email="gast@example.org", mode="online")
    (verify_mail,) = mail.outbox
    assert LINK not in verify_mail.body
    registration = register(event, member, mode="online")
    confirmation = mail.outbox[-1]
    assert LINK in confirmation.body and LINK in confirmation.attachments[0][1]
    own = reverse("events:registration_ics", kwargs={"token": registration.token})
    assert registration.is_active and own


def test_an_offer_from_the_waiting_list_does_not_carry_it():
    event, (taken,) = full_event(1, mode="online", capacity_online=1, online_link=LINK)
    waiting = join_waiting(event, make_member(), mode="online")
    mail.outbox.clear()
    services.registration_cancel(taken.pk, by=None, by_office=True)
    (offer_mail,) = mail.outbox
    assert LINK not in offer_mail.body
    waiting.refresh_from_db()
    services.offer_accept(waiting.token, person=None, by=None)
    assert LINK in mail.outbox[-1].body


def test_a_live_place_at_an_event_with_both_gets_no_link(member):
    event = make_event(mode="both", capacity_online=5, online_link=LINK)
    register(event, member, mode="live")
    assert LINK not in mail.outbox[-1].body
