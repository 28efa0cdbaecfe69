"""The waiting list moves by itself: cancel → offer → yes / no / lapse → next."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from kring.core.refusals import Refused
from kring.events import services
from kring.events.models import RegistrationStatus, WaitingStatus
from kring.events.tests.helpers import full_event, join_waiting, make_member, register

pytestmark = pytest.mark.django_db


def test_a_full_event_refuses_kindly_and_the_waiting_list_takes_people_in_order():
    event, (taken,) = full_event(1)
    first, second = make_member(), make_member()
    with pytest.raises(Refused, match="full"):
        register(event, first)
    a, b = join_waiting(event, first), join_waiting(event, second)
    assert a.status == b.status == WaitingStatus.WAITING
    mail.outbox.clear()

    services.registration_cancel(taken.pk, by=taken.person.user)

    a.refresh_from_db(), b.refresh_from_db()
    assert a.status == WaitingStatus.OFFERED and b.status == WaitingStatus.WAITING
    assert a.offer_expires_at - a.offered_at == datetime.timedelta(hours=48)
    (offer_mail,) = mail.outbox
    assert offer_mail.to == [first.email] and f"/evenementen/aanbod/{a.token}/" in offer_mail.body
    assert services.places_taken(event, "live") == 1  # the offer holds the place

    registration = services.offer_accept(a.token, person=first, by=first.user)
    assert registration.status == RegistrationStatus.CONFIRMED and registration.person == first
    assert services.places_taken(event, "live") == 1
    b.refresh_from_db()
    assert b.status == WaitingStatus.WAITING  # nothing more was free


def test_no_longer_interested_passes_the_offer_on():
    event, (taken,) = full_event(1)
    first, second = make_member(), make_member()
    a, b = join_waiting(event, first), join_waiting(event, second)
    services.registration_cancel(taken.pk, by=None, by_office=True)
    a.refresh_from_db()
    services.offer_decline(a.token, person=None, by=None)
    a.refresh_from_db(), b.refresh_from_db()
    assert a.status == WaitingStatus.DECLINED and b.status == WaitingStatus.OFFERED


def test_an_unanswered_offer_lapses_and_goes_to_the_next():
    event, (taken,) = full_event(1)
    first, second = make_member(), make_member()
    a, b = join_waiting(event, first), join_waiting(event, second)
    services.registration_cancel(taken.pk, by=None, by_office=True)
    a.refresh_from_db()
    assert services.move_waiting_lists(now=a.offer_expires_at - datetime.timedelta(seconds=1))["lapsed"] == 0
    assert services.move_waiting_lists(now=a.offer_expires_at + datetime.timedelta(seconds=1))["lapsed"] == 1
    a.refresh_from_db(), b.refresh_from_db()
    assert a.status == WaitingStatus.LAPSED and b.status == WaitingStatus.OFFERED
    with pytest.raises(Refused, match="already been answered or has lapsed"):
        services.offer_accept(a.token, person=first, by=first.user)


def test_an_offer_answered_after_it_lapsed_is_refused_and_passes_on():
    event, (taken,) = full_event(1)
    first, second = make_member(), make_member()
    a, b = join_waiting(event, first), join_waiting(event, second)
    services.registration_cancel(taken.pk, by=None, by_office=True)
    a.refresh_from_db()
    a.offer_expires_at = timezone.now() - datetime.timedelta(seconds=1)
    a.save()
    with pytest.raises(Refused, match="lapsed"):
        services.offer_accept(a.token, person=first, by=first.user)
    a.refresh_from_db(), b.refresh_from_db()
    assert a.status == WaitingStatus.LAPSED and b.status == WaitingStatus.OFFERED
    assert event.registrations.filter(person=first).count() == 0


def test_an_offer_answered_by_someone_else_is_refused():
    event, (taken,) = full_event(1)
    first, stranger = make_member(), make_member()
    a = join_waiting(event, first)
    services.registration_cancel(taken.pk, by=None, by_office=True)
    a.refresh_from_db()
    with pytest.raises(Refused, match="someone else"):
        services.offer_accept(a.token, person=stranger, by=stranger.user)
    a.refresh_from_db()
    assert a.status == WaitingStatus.OFFERED


def test_a_party_waits_until_enough_places_are_free_and_keeps_its_turn():
    event, (one, two) = full_event(2)
    party, single = make_member(), make_member()
    a = join_waiting(event, party, places=2)
    b = join_waiting(event, single)
    services.registration_cancel(one.pk, by=None, by_office=True)
    a.refresh_from_db(), b.refresh_from_db()
    assert a.status == b.status == WaitingStatus.WAITING  # one free place: the party of two goes first
    services.registration_cancel(two.pk, by=None, by_office=True)
    a.refresh_from_db()
    assert a.status == WaitingStatus.OFFERED and a.places == 2
    registration = services.offer_accept(a.token, person=party, by=party.user)
    assert registration.places == 2


def test_joining_twice_or_while_registered_is_refused():
    event, (taken,) = full_event(1)
    person = make_member()
    join_waiting(event, person)
    with pytest.raises(Refused, match="already on the waiting list"):
        join_waiting(event, person)
    with pytest.raises(Refused, match="already registered"):
        join_waiting(event, taken.person)


def test_more_capacity_moves_the_waiting_list():
    event, _taken = full_event(1)
    a = join_waiting(event, make_member())
    event.capacity_live = 2
    services.event_save(event, by=None, fields=["capacity_live"])
    a.refresh_from_db()
    assert a.status == WaitingStatus.OFFERED


def test_a_visitor_who_never_confirms_gives_the_place_back():
    event, (taken,) = full_event(1, audience="public")
    services.registration_cancel(taken.pk, by=None, by_office=True)
    visitor = services.visitor_register(event.pk, name="Gast", email="gast@example.org", mode="live")
    waiting = join_waiting(event, make_member())
    assert waiting.status == WaitingStatus.WAITING
    visitor.verify_before = timezone.now() - datetime.timedelta(minutes=1)
    visitor.save()
    assert services.move_waiting_lists()["expired"] == 1
    visitor.refresh_from_db(), waiting.refresh_from_db()
    assert visitor.status == RegistrationStatus.EXPIRED and waiting.status == WaitingStatus.OFFERED
    with pytest.raises(Refused, match="expired"):
        services.visitor_verify(visitor.token)
