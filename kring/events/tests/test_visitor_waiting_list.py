"""A visitor waits for a place at a full public event by name and e-mail address: the joined mail lets
them leave again, the offer's link proves the address, and yes makes the place theirs."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from stdnum import iso11649

from kring.events import services
from kring.events.models import Registration, RegistrationStatus, WaitingEntry, WaitingStatus
from kring.events.tests.helpers import full_event, join_waiting, make_member

VISITOR = {"name": "Vera Bezoeker", "email": "vera@example.org", "mode": "live", "country": "NL"}


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def offer_link(message) -> str:
    """The offer's link, in the reader's language: /evenementen/aanbod/... or /en/events/offer/..."""
    return path_of(re.search(r"https?://\S+/(?:aanbod|offer)/\S+/", message.body).group(0))


@pytest.fixture
def full(db):
    event, taken = full_event(audience="public", price_non_member=Decimal("25"))
    return event, taken


def test_a_visitor_joins_the_waiting_list_on_the_page_and_hears_it(client, full):
    event, _taken = full
    url = reverse("events:visitor_register", kwargs={"pk": event.pk})
    page = client.get(url).content.decode()
    assert 'name="wait"' in page  # a full event offers the waiting list, not the link
    mail.outbox.clear()
    response = client.post(url, {**VISITOR, "wait": "1"})
    assert response.status_code == 200
    entry = WaitingEntry.objects.get(email="vera@example.org")
    assert entry.person is None and entry.status == WaitingStatus.WAITING and entry.name == "Vera Bezoeker"
    (joined,) = mail.outbox
    assert joined.to == ["vera@example.org"] and event.title in joined.subject
    leave_page = client.get(offer_link(joined))
    assert leave_page.status_code == 200 and reverse("events:waiting_leave_link", args=[entry.token]) in (
        leave_page.content.decode()
    )
    assert not Registration.objects.filter(email="vera@example.org").exists()


def test_a_freed_place_is_offered_to_the_visitor_and_yes_makes_it_theirs(client, full):
    event, taken = full
    services.visitor_waiting_join(event.pk, **{k: v for k, v in VISITOR.items()})
    mail.outbox.clear()
    services.registration_cancel(taken[0].pk, by=taken[0].person.user)
    (offer,) = [m for m in mail.outbox if m.to == ["vera@example.org"]]
    link = offer_link(offer)
    assert client.get(link).status_code == 200
    token = link.rstrip("/").rsplit("/", 1)[-1]
    response = client.post(reverse("events:offer_accept", args=[token]))
    assert response.status_code == 302
    registration = Registration.objects.get(email="vera@example.org")
    assert registration.status == RegistrationStatus.CONFIRMED and registration.person is None
    assert registration.name == "Vera Bezoeker" and registration.amount_due == Decimal("25")
    assert iso11649.is_valid(registration.payment_reference)  # a visitor pays by transfer with a reference


def test_the_visitor_leaves_with_the_link_and_the_next_in_line_moves_up(client, full):
    event, taken = full
    entry = services.visitor_waiting_join(event.pk, **VISITOR)
    member = make_member()
    join_waiting(event, member)
    response = client.post(reverse("events:waiting_leave_link", args=[entry.token]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.DECLINED
    again = client.post(reverse("events:waiting_leave_link", args=[entry.token]))
    assert again.status_code == 409  # kindly: no longer on the list
    mail.outbox.clear()
    services.registration_cancel(taken[0].pk, by=taken[0].person.user)
    assert [m.to for m in mail.outbox if "aanbod" in m.body] == [[member.email]]


def test_twice_on_the_list_or_a_members_only_event_is_refused_and_nothing_changes(client, full):
    from kring.core.refusals import Refused

    event, _taken = full
    services.visitor_waiting_join(event.pk, **VISITOR)
    with pytest.raises(Refused):
        services.visitor_waiting_join(event.pk, **{**VISITOR, "email": "VERA@example.org"})
    members_only, _ = full_event(audience="members")
    with pytest.raises(Refused):
        services.visitor_waiting_join(members_only.pk, **VISITOR)
    assert WaitingEntry.objects.filter(person__isnull=True).count() == 1
