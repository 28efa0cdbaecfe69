"""The demo association's money: bank details, fees, members with mandates, a year of invoices, a
collection file and a bank statement with matches, one return and one unknown payment."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone
from schwifty import IBAN

from kring.core.models import Association
from kring.finance import bank, sepa, services
from kring.finance.camt_sample import Booking, statement
from kring.finance.models import Fee, Invoice
from kring.members.models import MembershipType, Person

DEMO_IBAN = "NL91ABNA0417164300"
DEMO_CREDITOR_ID = "NL57ZZZ999999999999"
PEOPLE = 60  # invoiced in the demo: enough to show every list, few enough to keep `make run` fast


def _bank_details() -> None:
    from django.core.cache import cache

    association = Association.objects.get(pk=1)
    if not association.iban:
        Association.objects.filter(pk=1).update(iban=DEMO_IBAN, bic="ABNANL2A", creditor_id=DEMO_CREDITOR_ID)
        cache.clear()


def _iban(rng: random.Random, country: str) -> str:
    if country == "BE":  # schwifty adds the Belgian national check digits
        return IBAN.generate(
            "BE", bank_code=rng.choice(["539", "001", "068"]), account_code=f"{rng.randrange(10**7):07d}"
        ).compact
    return IBAN.generate(
        "NL", bank_code=rng.choice(["RABO", "INGB", "ABNA", "SNSB"]), account_code=f"{rng.randrange(10**9):010d}"
    ).compact


def seed(rng: random.Random) -> None:
    if Fee.objects.exists():
        return
    _bank_details()
    today = timezone.localdate()
    for year in (today.year - 1, today.year):
        for fee_type in MembershipType.objects.all():
            Fee.objects.create(type=fee_type, year=year, amount_cents=int(fee_type.annual_fee * 100))
    people = list(
        Person.objects.filter(memberships__status="active", user__isnull=False).distinct().order_by("pk")[:PEOPLE]
    )
    demo_member = Person.objects.filter(user__email="lid@kring.example").first()
    if demo_member and demo_member not in people:
        people.append(demo_member)
    for n, person in enumerate(people):
        if n % 3 != 2 or person == demo_member:  # two in three pay by direct debit
            belgian = person == demo_member or person.practices.filter(country="BE").exists()
            sepa.mandate_sign(
                person,
                iban=_iban(rng, "BE" if belgian else "NL"),
                holder_name=person.full_name,
                signed_on=today - datetime.timedelta(days=rng.randrange(30, 900)),
                by=None,
            )
        services.invoice_person_for_year(person, today.year, by=None, notify=False)
    day = sepa.rules.next_target2_day(today + datetime.timedelta(days=sepa.prenotification_days() + 1))
    collection = sepa.collection_create(day, by=None)
    sepa.collection_confirm(collection, by=None)
    _statement(rng, collection)


def _statement(rng: random.Random, collection) -> None:
    items = list(collection.items.select_related("mandate").order_by("pk"))
    bookings = [Booking(f"DEMO-{item.pk}", item.amount_cents, end_to_end_id=item.end_to_end_id) for item in items]
    if items:  # one member's bank sends the money back: insufficient funds
        bookings.append(
            Booking("DEMO-R1", -items[-1].amount_cents, end_to_end_id=items[-1].end_to_end_id, return_code="AM04")
        )
    for invoice in Invoice.objects.filter(method=Invoice.Method.TRANSFER, status=Invoice.Status.OPEN)[:5]:
        bookings.append(
            Booking(f"DEMO-T{invoice.pk}", invoice.total_cents, name=invoice.buyer_name, remittance=invoice.reference)
        )
    bookings.append(Booking("DEMO-U1", 5000, name="J. Onbekend", iban="NL20INGB0001234567", remittance="lidmaatschap"))
    bank.statement_import(statement(bookings, message_id="DEMO-STATEMENT-1", iban=DEMO_IBAN), by=None)
