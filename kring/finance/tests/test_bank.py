"""camt.053 import: matching in its order, idempotency, returns with their reason, bad files."""

import datetime

import pytest
from django.utils import timezone

from kring.core.refusals import Refused
from kring.finance import bank, rules, sepa, services
from kring.finance.camt_sample import Booking, statement
from kring.finance.models import BankEntry, CollectionItem, Invoice, Mandate, Statement
from tests import factories as t

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _bank():
    t.association_with_bank()


def invoice_for(person, cents=8500):
    return services.invoice_issue(person, [{"description": "Contributie", "amount_cents": cents}], by=None)


@pytest.fixture
def collected(member):
    """A member whose invoice is in a pending collection."""
    t.make_mandate(member)
    invoice = invoice_for(member)
    day = rules.next_target2_day(timezone.localdate() + datetime.timedelta(days=20))
    collection = sepa.collection_create(day, by=None)
    return invoice, collection.items.get()


def test_a_collected_payment_is_matched_on_its_end_to_end_id(collected):
    invoice, item = collected
    bank.statement_import(statement([Booking("B1", 8500, end_to_end_id=item.end_to_end_id)]), by=None)
    invoice.refresh_from_db()
    item.refresh_from_db()
    assert invoice.status == Invoice.Status.PAID and item.status == CollectionItem.Status.PAID
    assert BankEntry.objects.get().matched_by == "end_to_end_id"


def test_a_transfer_is_matched_on_its_structured_reference(trainer):
    invoice = invoice_for(trainer)
    data = statement(
        [
            Booking(
                "B1", 8500, name="T van Dijk", iban="NL20INGB0001234567", remittance=f"contributie {invoice.reference}"
            ),
        ]
    )
    bank.statement_import(data, by=None)
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.PAID and invoice.paid_cents == 8500
    assert BankEntry.objects.get().matched_by == "reference"


def test_a_structured_creditor_reference_block_is_read_too(trainer):
    invoice = invoice_for(trainer)
    bank.statement_import(statement([Booking("B1", 8500, structured=invoice.reference)]), by=None)
    assert Invoice.objects.get(pk=invoice.pk).status == Invoice.Status.PAID


def test_without_reference_the_iban_and_exact_amount_match_the_one_open_invoice(member):
    mandate = t.make_mandate(member)
    sepa.mandate_end(mandate, by=None)  # pays by transfer now, from the same account
    invoice = invoice_for(member, 4250)
    bank.statement_import(statement([Booking("B1", 4250, iban=mandate.iban, remittance="lidmaatschap")]), by=None)
    assert Invoice.objects.get(pk=invoice.pk).status == Invoice.Status.PAID
    assert BankEntry.objects.get().matched_by == "iban_amount"


def test_the_same_statement_twice_changes_nothing(trainer):
    invoice = invoice_for(trainer)
    data = statement([Booking("B1", 8500, remittance=invoice.reference)])
    bank.statement_import(data, by=None)
    with pytest.raises(Refused, match="already|al ingelezen"):
        bank.statement_import(data, by=None)
    invoice.refresh_from_db()
    assert invoice.paid_cents == 8500 and Statement.objects.count() == 1 and BankEntry.objects.count() == 1


def test_entries_already_imported_from_another_file_are_skipped(trainer):
    invoice = invoice_for(trainer)
    bank.statement_import(statement([Booking("B1", 8500, remittance=invoice.reference)], message_id="A"), by=None)
    overlapping = statement(
        [Booking("B1", 8500, remittance=invoice.reference), Booking("B2", 1000, remittance="gift")], message_id="B"
    )
    second = bank.statement_import(overlapping, by=None)
    assert second.entry_count == 1
    assert Invoice.objects.get(pk=invoice.pk).paid_cents == 8500  # never paid twice


def test_a_second_payment_of_a_paid_invoice_waits_for_the_office(trainer):
    invoice = invoice_for(trainer)
    data = statement(
        [Booking("B1", 8500, remittance=invoice.reference), Booking("B2", 8500, remittance=invoice.reference)]
    )
    bank.statement_import(data, by=None)
    assert Invoice.objects.get(pk=invoice.pk).paid_cents == 8500
    assert BankEntry.objects.get(bank_reference="B2").outcome == BankEntry.Outcome.UNMATCHED


def test_a_return_reopens_the_invoice_and_keeps_its_reason(collected):
    invoice, item = collected
    bank.statement_import(statement([Booking("B1", 8500, end_to_end_id=item.end_to_end_id)], message_id="1"), by=None)
    returned = statement([Booking("R1", -8500, end_to_end_id=item.end_to_end_id, return_code="MD06")], message_id="2")
    bank.statement_import(returned, by=None)
    invoice.refresh_from_db()
    item.refresh_from_db()
    assert invoice.status == Invoice.Status.OPEN and invoice.paid_cents == 0
    assert item.status == CollectionItem.Status.RETURNED and item.return_code == "MD06"
    assert BankEntry.objects.get(bank_reference="R1").outcome == BankEntry.Outcome.RETURNED
    assert item.mandate.status == Mandate.Status.ACTIVE  # a refund leaves the mandate


def test_a_refusal_for_a_closed_account_ends_the_mandate(collected):
    invoice, item = collected
    bank.statement_import(
        statement([Booking("R1", -8500, end_to_end_id=item.end_to_end_id, return_code="AC04")]), by=None
    )
    item.refresh_from_db()
    item.mandate.refresh_from_db()
    invoice.refresh_from_db()
    assert item.status == CollectionItem.Status.RETURNED and item.mandate.status == Mandate.Status.ENDED
    assert invoice.status == Invoice.Status.OPEN and invoice.method == Invoice.Method.TRANSFER


def test_an_unknown_payment_is_listed_and_the_office_resolves_it(trainer):
    invoice = invoice_for(trainer)
    bank.statement_import(statement([Booking("B1", 8500, name="Onbekend", remittance="voor Thijs")]), by=None)
    entry = BankEntry.objects.get()
    assert entry.outcome == BankEntry.Outcome.UNMATCHED
    bank.entry_resolve(entry, invoice=invoice, note="", by=None)
    assert Invoice.objects.get(pk=invoice.pk).status == Invoice.Status.PAID
    with pytest.raises(Refused):
        bank.entry_resolve(entry, invoice=invoice, note="", by=None)


def test_resolving_without_an_invoice_needs_a_note(trainer):
    bank.statement_import(statement([Booking("B1", 500, remittance="gift")]), by=None)
    entry = BankEntry.objects.get()
    with pytest.raises(Refused):
        bank.entry_resolve(entry, invoice=None, note="", by=None)
    assert bank.entry_resolve(entry, invoice=None, note="Een gift", by=None).outcome == BankEntry.Outcome.IGNORED


@pytest.mark.parametrize(
    "data",
    [
        b"naam;bedrag\nBakker;85,00\n",
        b"<?xml version='1.0'?><Document xmlns='urn:iso:std:iso:20022:tech:xsd:pain.008.001.02'><x/></Document>",
        b"<Document><BkToCstmrStmt></BkToCstmrStmt></Document>",
        b"",
    ],
    ids=["csv", "pain008", "no-namespace", "empty"],
)
def test_a_file_that_is_not_camt053_is_refused_and_nothing_is_written(data):
    with pytest.raises(Refused):
        bank.statement_import(data, by=None)
    assert not Statement.objects.exists()


def test_matching_a_statement_takes_a_constant_number_of_queries(trainer, django_assert_max_num_queries):
    invoices = [invoice_for(trainer, 100 + n) for n in range(30)]
    data = statement([Booking(f"B{n}", 9999, remittance="niets") for n in range(30)])
    with django_assert_max_num_queries(20):
        bank.statement_import(data, by=None)
    assert len(invoices) == 30
