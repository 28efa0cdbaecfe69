"""What a registration costs, and how it will be paid: the one module of events that knows money.

Kring has no payment provider. A paid registration keeps its charge on the registration itself
(``amount_due``, ``charge_description`` and ``payment_reference``):

- a **member** gets an *invoice line*: ``hand_to_finance`` adds it as a charge in finance
  (``kring.finance.services.charge_add``, inside the registration's transaction), and finance puts it
  on the member's next invoice, paid by transfer or direct debit. Finance stands *below* events on the
  ladder: events calls finance, never the other way round. A cancelled registration takes its charge
  back while it is not yet invoiced; an invoiced one is credited by the office.
- a **visitor** gets a payment request with a structured reference: an RF creditor reference
  (ISO 11649) or, for a Belgian payer, the Belgian structured message (OGM/VCS) that Belgian banks
  expect. The office marks it paid (``services.payment_mark_paid``), later the bank import will.

Free events (every price zero) skip all of this.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from stdnum import iso11649
from stdnum.be import ogm_vcs
from stdnum.iso7064 import mod_97_10

from kring.events.models import Event, PaymentStatus, PriceGroup, Registration
from kring.finance import services as finance

PRICE_FIELDS = {
    PriceGroup.MEMBER: ("price_member", "early_price_member"),
    PriceGroup.NON_MEMBER: ("price_non_member", "early_price_non_member"),
    PriceGroup.STUDENT: ("price_student", "early_price_student"),
}


def price(event: Event, group: str, on: datetime.date) -> Decimal:
    """The price for one place: the early-bird price when one is set and ``on`` is on or before the
    early-bird date (that day still counts), otherwise the normal price of the group."""
    normal, early = (getattr(event, name) for name in PRICE_FIELDS[group])
    if early is not None and event.early_bird_until is not None and on <= event.early_bird_until:
        return early
    return normal


def reference_rf(registration_pk: int) -> str:
    """An RF creditor reference (ISO 11649) for a registration: ``RF`` + two check digits + the
    registration's number with a fixed prefix, so a bank line points at exactly one registration."""
    body = f"{registration_pk:09d}"
    reference = "RF" + mod_97_10.calc_check_digits(body + "RF") + body
    return iso11649.validate(reference)


def reference_ogm(registration_pk: int) -> str:
    """The Belgian structured message (OGM/VCS, +++123/4567/89012+++) for the same registration."""
    body = f"{registration_pk:010d}"
    return "+++" + ogm_vcs.format(body + ogm_vcs.calc_check_digits(body)) + "+++"


def format_reference(reference: str) -> str:
    if reference.startswith("RF"):
        return iso11649.format(reference)
    return reference


def charge(registration: Registration, *, on: datetime.date) -> None:
    """Put the amount due and what it is for on a new registration (not yet saved)."""
    event = registration.event
    amount = price(event, registration.price_group, on) * registration.places
    registration.amount_due = amount
    if not amount:
        registration.payment_status = PaymentStatus.NONE
        return
    registration.payment_status = PaymentStatus.OPEN
    registration.charge_description = _("%(event)s, %(date)s, %(places)s × %(group)s") % {
        "event": event.title,
        "date": date_format(timezone.localdate(event.starts_at), "j F Y"),
        "places": registration.places,
        "group": PriceGroup(registration.price_group).label,
    }


def reference_for(registration: Registration, *, by=None) -> None:
    """Give a saved registration that costs money its reference (it needs the primary key): a visitor a
    structured reference for the transfer, a member a charge on the next invoice in finance."""
    if registration.payment_status != PaymentStatus.OPEN:
        return
    if registration.person_id is None:
        use_ogm = registration.payer_country == "BE"
        registration.payment_reference = reference_ogm(registration.pk) if use_ogm else reference_rf(registration.pk)
    else:
        registration.payment_reference = f"EV{registration.event_id}-{registration.pk}"
        hand_to_finance(registration, by=by)


def finance_reference(registration: Registration) -> str:
    return f"events.registration.{registration.pk}"


def hand_to_finance(registration: Registration, *, by) -> None:
    """A member's registration becomes a charge on their next invoice (idempotent on the registration)."""
    finance.charge_add(
        registration.person,
        registration.charge_description,
        int(registration.amount_due * 100),
        source_reference=finance_reference(registration),
        by=by,
    )
    registration.payment_status = PaymentStatus.INVOICED


def cancel_charge(registration: Registration, *, by=None) -> None:
    """A cancelled registration owes nothing any more: a member's charge is taken back from finance
    while it is not yet invoiced. A paid or invoiced one stays as it is: the office refunds or credits."""
    status = registration.payment_status
    invoiced = status == PaymentStatus.INVOICED
    if status == PaymentStatus.OPEN or (invoiced and finance.charge_withdraw(finance_reference(registration), by=by)):
        registration.payment_status = PaymentStatus.CANCELLED
