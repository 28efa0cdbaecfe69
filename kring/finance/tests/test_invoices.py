"""Fees, the yearly run, invoices as tagged PDFs by e-mail, credit notes and the charge entry point."""

import datetime
import io

import pytest
from django.core import mail
from pypdf import PdfReader

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.finance import documents, services
from kring.finance.models import Charge, Fee, Invoice, Reduction
from kring.members.models import MembershipType
from tests import factories as t

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _bank():
    t.association_with_bank()


def test_yearly_run_invoices_the_full_fee_and_emails_a_tagged_pdf(member, django_capture_on_commit_callbacks):
    t.make_fee("practitioner", 2026, 8500)
    with django_capture_on_commit_callbacks(execute=True):
        invoices = services.yearly_run(2026, by=None)
    assert [i.person for i in invoices] == [member]
    invoice = invoices[0]
    assert invoice.number == "2026-000001"
    assert invoice.total_cents == 8500 and invoice.vat_cents == 0
    assert invoice.method == Invoice.Method.TRANSFER and invoice.reference.startswith("RF")
    line = invoice.lines.get()
    assert line.vat_exemption  # the association is exempt: its ground is on the line
    assert invoice.seller["iban"] == t.ASSOCIATION_IBAN
    message = mail.outbox[-1]
    assert message.to == [member.user.email] and "2026-000001" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name == "2026-000001.pdf" and mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA-1)
    text = reader.pages[0].extract_text()
    for expected in ("2026-000001", "85,00", invoice.reference, member.full_name, "Vrijgesteld"):
        assert expected in text


def test_the_yearly_run_twice_bills_nothing_twice(member):
    t.make_fee("practitioner", 2026, 8500)
    services.yearly_run(2026, by=None)
    assert services.yearly_run(2026, by=None) == []
    assert Invoice.objects.count() == 1


def test_joining_during_the_year_pays_pro_rata_with_a_reduction(member):
    member.memberships.update(starts_on=datetime.date(2026, 10, 15))
    t.make_fee("practitioner", 2026, 12000)
    Reduction.objects.create(person=member, year=2026, percent=50, reason="student")
    invoice = services.invoice_person_for_year(member, 2026, by=None)
    assert invoice.total_cents == 1500  # 3 of 12 months, half
    assert "3" in invoice.lines.get().description and "student" in invoice.lines.get().description


def test_no_fee_for_a_year_means_no_invoice(member):
    assert services.invoice_person_for_year(member, 2026, by=None) is None


def test_vat_per_product_when_the_association_charges_vat(member):
    t.association_with_bank(vat_status="liable", vat_number="NL001234567B01")
    t.make_fee("practitioner", 2026, 12100, vat_rate=21)
    services.charge_add(member, "Boek", 1090, vat_rate=9, source_reference="test.book.1", by=None)
    invoice = services.invoice_person_for_year(member, 2026, by=None)
    assert invoice.total_cents == 13190 and invoice.vat_cents == 2100 + 90
    summary = documents._vat_summary(invoice)
    assert {(str(g["rate"]), g["vat"]) for g in summary} == {("21.0", 2100), ("9.0", 90)}


def test_charge_add_is_idempotent_and_open_charges_are_invoiced(member, trainer):
    first = services.charge_add(member, "Retreat", 12500, source_reference="events.registration.7", by=None)
    again = services.charge_add(member, "Retreat", 99999, source_reference="events.registration.7", by=None)
    assert again.pk == first.pk and Charge.objects.count() == 1
    invoices = services.yearly_run(2026, by=None)  # no fees: only the open charge
    assert [i.total_cents for i in invoices] == [12500]
    assert Charge.objects.get().invoice == invoices[0]


@pytest.mark.parametrize("amount", [0, -100, None])
def test_a_charge_without_a_positive_amount_is_refused(member, amount):
    with pytest.raises(Refused):
        services.charge_add(member, "x", amount, source_reference="x", by=None)
    assert not Charge.objects.exists()


def test_a_fee_below_zero_is_refused():
    fee = Fee(type=MembershipType.objects.get(code="practitioner"), year=2026, amount_cents=-1)
    with pytest.raises(Refused):
        services.fee_save(fee, by=None)
    assert not Fee.objects.exists()


def test_a_credit_note_cancels_an_invoice_with_the_next_number(member):
    t.make_fee("practitioner", 2026, 8500)
    invoice = services.invoice_person_for_year(member, 2026, by=None)
    note = services.invoice_credit(invoice, by=None, reason="dubbel")
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.CREDITED
    assert note.kind == Invoice.Kind.CREDIT and note.credits == invoice
    assert note.number == "2026-000002" and note.total_cents == -8500
    with pytest.raises(Refused):
        services.invoice_credit(invoice, by=None, reason="nog eens")
    assert Invoice.objects.count() == 2
    assert AuditEntry.objects.filter(action="kring.finance.invoice.credited").count() == 1


def test_a_credit_needs_a_reason(member):
    t.make_fee("practitioner", 2026, 8500)
    invoice = services.invoice_person_for_year(member, 2026, by=None)
    with pytest.raises(Refused):
        services.invoice_credit(invoice, by=None, reason=" ")


def test_numbers_run_on_without_gaps_and_restart_each_year(member):
    for _ in range(3):
        services.invoice_issue(member, [{"description": "x", "amount_cents": 100}], by=None)
    services.invoice_issue(
        member, [{"description": "x", "amount_cents": 100}], by=None, issued_on=datetime.date(2027, 1, 2)
    )
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers[-1] == "2027-000001"
    assert [n for n in numbers if n.startswith(str(datetime.date.today().year))][-1].endswith("000003")


def test_a_belgian_payer_gets_an_ogm_reference(member):
    t.make_mandate(member, iban="BE68539007547034")
    invoice = services.invoice_issue(member, [{"description": "x", "amount_cents": 100}], by=None)
    assert invoice.reference.startswith("+++") and invoice.method == Invoice.Method.DEBIT
