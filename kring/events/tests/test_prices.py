"""Prices by audience and the early-bird date at its boundary; structured payment references."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from stdnum import iso11649
from stdnum.be import ogm_vcs

from kring.events import payments, services
from kring.events.models import PaymentStatus, PriceGroup
from kring.events.tests.helpers import make_event, register
from tests import factories as t

pytestmark = pytest.mark.django_db

EARLY = datetime.date(2026, 9, 1)


@pytest.fixture
def event():
    return make_event(
        audience="public",
        price_member=Decimal("60"),
        price_non_member=Decimal("95"),
        price_student=Decimal("30"),
        early_bird_until=EARLY,
        early_price_member=Decimal("45"),
        early_price_non_member=Decimal("80"),
    )


@pytest.mark.parametrize(
    ("group", "on", "expected"),
    [
        (PriceGroup.MEMBER, EARLY, "45"),
        (PriceGroup.MEMBER, EARLY + datetime.timedelta(days=1), "60"),
        (PriceGroup.NON_MEMBER, EARLY - datetime.timedelta(days=30), "80"),
        (PriceGroup.NON_MEMBER, EARLY + datetime.timedelta(days=1), "95"),
        (PriceGroup.STUDENT, EARLY, "30"),  # no early-bird price for students: the normal one
    ],
)
def test_the_price_by_audience_and_early_bird_date(event, group, on, expected):
    assert payments.price(event, group, on) == Decimal(expected)


def test_the_price_group_follows_the_membership(event, member, outsider):
    student = t.PersonFactory()
    t.make_member(student, "student")
    assert register(event, member).price_group == PriceGroup.MEMBER
    assert register(event, student).price_group == PriceGroup.STUDENT
    assert services.register(event.pk, person=outsider, roles={"user"}, mode="live", by=None).price_group == (
        PriceGroup.NON_MEMBER
    )


def test_places_for_colleagues_multiply_the_amount(event, member):
    registration = register(event, member, places=3)
    assert registration.amount_due == payments.price(event, "member", datetime.date.today()) * 3
    assert registration.charge_description.startswith(event.title)


def test_the_charge_names_the_day_of_the_event_as_it_is_here(member):
    # Half past midnight in Amsterdam is still the evening before in UTC: the charge names Saturday.
    starts = datetime.datetime(2027, 3, 6, 0, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    event = make_event(starts_at=starts, price_member=Decimal("60"))
    assert ", 6 March 2027, 1 × " in register(event, member).charge_description


def test_a_free_event_asks_for_no_payment(member):
    registration = register(make_event(), member)
    assert registration.payment_status == PaymentStatus.NONE and registration.payment_reference == ""


def test_visitors_get_a_valid_structured_reference_and_the_office_marks_it_paid(event, office):
    dutch = services.visitor_register(event.pk, name="Ans", email="ans@example.org", mode="live", country="NL")
    belgian = services.visitor_register(event.pk, name="Bert", email="bert@example.be", mode="live", country="BE")
    assert iso11649.is_valid(dutch.payment_reference)
    assert ogm_vcs.is_valid(belgian.payment_reference.strip("+"))
    services.payment_mark_paid(dutch.pk, by=office.user)
    dutch.refresh_from_db()
    assert dutch.payment_status == PaymentStatus.PAID and dutch.paid_at
    services.payment_mark_paid(dutch.pk, by=office.user)  # twice: nothing changes


def test_a_cancelled_registration_owes_nothing(event, member):
    registration = register(event, member)
    services.registration_cancel(registration.pk, by=member.user)
    registration.refresh_from_db()
    assert registration.payment_status == PaymentStatus.CANCELLED


def test_an_invoiced_registration_cancelled_stays_on_the_invoice_for_the_office_to_credit(member, office):
    from kring.finance import services as finance
    from kring.finance.models import Charge

    event = make_event(price_member=Decimal("35"))
    registration = services.register(event.pk, person=member, roles={"member"}, mode="live", by=member.user)
    invoice = finance.invoice_open_charges(member, by=office.user, notify=False)
    assert Charge.objects.get().invoice == invoice
    services.registration_cancel(registration.pk, by=member.user)
    registration.refresh_from_db()
    assert registration.payment_status == "invoiced"  # an issued invoice is never rewritten
    assert Charge.objects.get().invoice == invoice
