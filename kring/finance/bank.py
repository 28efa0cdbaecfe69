"""The bank: import a camt.053 statement (pycamt), match its entries to invoices, record returns.

Matching, in this order: the end-to-end id of one of our collections, then the structured reference
(RF or OGM/VCS) in the description, then the payer's IBAN with the exact amount of their one open
invoice. What matches nothing (or would pay an invoice twice) waits on the office's list.

The import is one transaction and idempotent: the same file is recognised by its digest, and every
entry is unique by the bank's own reference, so importing a statement again changes nothing.
"""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree
from pycamt.parser import Camt053ParseError, Camt053Parser

from kring.core import audit
from kring.core.refusals import Refused
from kring.finance import rules, sepa, services
from kring.finance.models import BankEntry, CollectionItem, Invoice, Mandate, Statement

# Returns after which the mandate cannot be used again (account closed, no mandate, refund of an
# unauthorised debit, debtor deceased): the mandate ends. Other codes (MD06 refund, AM04 no funds)
# leave it, and the invoice open, for the office to follow up.
ENDING_CODES = {"AC01", "AC04", "AC06", "MD01", "MD07", "SL01"}


def parse(data: bytes) -> Camt053Parser:
    try:
        parser = Camt053Parser(data)
    except (etree.XMLSyntaxError, ValueError):
        raise Refused(_("This file is not a bank statement in camt.053 format (it is not XML).")) from None
    try:
        parser._find_statements_or_reports()
    except Camt053ParseError:
        parser.version = "unknown"
    if parser.version == "unknown" or "camt.053" not in parser.tree.tag:
        raise Refused(
            _("This file is not a bank statement in camt.053 format. Download it from your bank as camt.053.")
        )
    return parser


def _return_codes(parser: Camt053Parser) -> list[str]:
    """The return reason per transaction, in pycamt's order (statements, entries, details): pycamt
    reads no return information, so this walks the same tree for RtrInf/Rsn/Cd."""
    ns = parser.namespaces
    codes = []
    for statement in parser._find_statements_or_reports():
        for entry in statement.findall(".//Ntry", ns):
            details = [tx for nd in entry.findall(".//NtryDtls", ns) for tx in nd.findall(".//TxDtls", ns)]
            for element in details or [entry]:
                code = element.find(".//RtrInf//Rsn//Cd", ns)
                codes.append(code.text.strip() if code is not None and code.text else "")
    return codes


def _cents(text: str | None) -> int:
    try:
        return int((Decimal(text or "0") * 100).to_integral_value())
    except InvalidOperation:
        raise Refused(_("The statement has an amount that cannot be read.")) from None


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def entries_of(parser: Camt053Parser, message_id: str) -> list[dict]:
    rows, seen = [], {}
    for tx, code in zip(parser.get_transactions(), _return_codes(parser), strict=True):
        debit = tx.get("CreditDebitIndicator") == "DBIT"
        amount = _cents(tx.get("Amount"))
        base = tx.get("TransactionID") or f"{message_id}:{tx.get('BookingDate')}:{tx.get('EndToEndId', '')}:{amount}"
        # One bank booking may hold several transactions (a batch): number them within it.
        seen[base] = seen.get(base, 0) + 1
        reference = base if seen[base] == 1 else f"{base}/{seen[base]}"
        name = tx.get("DebtorName") if not debit else tx.get("CreditorName")
        iban = tx.get("DebtorIBAN") if not debit else tx.get("CreditorIBAN")
        end_to_end = tx.get("EndToEndId") or ""
        rows.append(
            {
                "bank_reference": reference[:120],
                "booked_on": _date(tx.get("BookingDate")),
                "amount_cents": -amount if debit else amount,
                "counterparty_name": (name or "")[:140],
                "counterparty_iban": (iban or "").replace(" ", "")[:34],
                "end_to_end_id": "" if end_to_end == "NOTPROVIDED" else end_to_end[:35],
                "remittance": (tx.get("RemittanceInformationFull") or tx.get("RemittanceInformation") or "")[:300],
                "return_code": code[:4],
            }
        )
    return rows


class Matcher:
    """Finds the invoice of an entry; loads what it needs once per statement, so 10,000 entries cost
    a handful of queries, not 10,000."""

    def __init__(self, rows: list[dict]):
        ids = {r["end_to_end_id"] for r in rows if r["end_to_end_id"]}
        self.items = {
            item.end_to_end_id: item
            for item in CollectionItem.objects.filter(end_to_end_id__in=ids).select_related("invoice", "mandate")
        }
        references = {rules.normalise_reference(r["remittance"]) for r in rows if r["remittance"]}
        self.by_reference = {i.reference: i for i in Invoice.objects.filter(reference__in=references - {None})}
        ibans = {r["counterparty_iban"] for r in rows if r["counterparty_iban"] and r["amount_cents"] > 0}
        person_of_iban: dict[str, set[int]] = {}
        for iban, person_id in Mandate.objects.filter(iban__in=ibans).values_list("iban", "person_id"):
            person_of_iban.setdefault(iban, set()).add(person_id)
        self.person_of_iban = person_of_iban
        self.open_by_person: dict[int, list[Invoice]] = {}
        people = {p for ps in person_of_iban.values() for p in ps}
        for invoice in Invoice.objects.filter(
            person_id__in=people, status=Invoice.Status.OPEN, kind=Invoice.Kind.INVOICE
        ):
            self.open_by_person.setdefault(invoice.person_id, []).append(invoice)

    def by_iban_and_amount(self, iban: str, amount: int) -> Invoice | None:
        people = self.person_of_iban.get(iban, set())
        candidates = [i for p in people for i in self.open_by_person.get(p, []) if i.outstanding_cents == amount]
        return candidates[0] if len(candidates) == 1 else None


@transaction.atomic
def statement_import(data: bytes, *, by) -> Statement:
    """Import a camt.053 file and match it; importing the same file or entries again changes nothing."""
    parser = parse(data)
    digest = hashlib.sha256(data).hexdigest()
    if Statement.objects.filter(digest=digest).exists():
        raise Refused(_("This statement was already imported; nothing has changed."))
    header = parser.get_group_header()
    message_id = header.get("MessageID", "") if isinstance(header, dict) else ""
    info = (parser.get_statement_info() or [{}])[0]
    rows = entries_of(parser, message_id or digest[:16])
    known = set(
        BankEntry.objects.filter(bank_reference__in=[r["bank_reference"] for r in rows]).values_list(
            "bank_reference", flat=True
        )
    )
    rows = [r for r in rows if r["bank_reference"] not in known]
    statement = Statement.objects.create(
        digest=digest,
        message_id=message_id[:100],
        account_iban=(info.get("IBAN") or "")[:34],
        imported_by=by if getattr(by, "pk", None) else None,
        entry_count=len(rows),
    )
    matcher = Matcher(rows)
    entries = [_book(statement, row, matcher, by) for row in rows]
    BankEntry.objects.bulk_create(entries)
    audit.record(
        "kring.finance.statement.imported",
        by=by,
        obj=statement,
        entries=len(entries),
        skipped=len(known),
        matched=sum(1 for e in entries if e.outcome == BankEntry.Outcome.MATCHED),
    )
    return statement


def _book(statement: Statement, row: dict, matcher: Matcher, by) -> BankEntry:
    entry = BankEntry(statement=statement, outcome=BankEntry.Outcome.UNMATCHED, **row)
    item = matcher.items.get(row["end_to_end_id"]) if row["end_to_end_id"] else None
    if row["amount_cents"] < 0:
        if item is not None and (row["return_code"] or item.status == CollectionItem.Status.PAID):
            _record_return(entry, item, by)
        else:
            entry.outcome = BankEntry.Outcome.IGNORED  # money going out that is not a return of ours
        return entry
    if item is not None and item.status == CollectionItem.Status.PENDING and item.amount_cents == row["amount_cents"]:
        item.status = CollectionItem.Status.PAID
        item.save(update_fields=["status"])
        return _pay(entry, item.invoice, "end_to_end_id", by)
    reference = rules.normalise_reference(row["remittance"]) if row["remittance"] else None
    invoice = matcher.by_reference.get(reference) if reference else None
    if invoice is not None:
        return _pay(entry, invoice, "reference", by)
    invoice = matcher.by_iban_and_amount(row["counterparty_iban"], row["amount_cents"])
    if invoice is not None:
        return _pay(entry, invoice, "iban_amount", by)
    return entry


def _pay(entry: BankEntry, invoice: Invoice, how: str, by) -> BankEntry:
    """Pay only what is still open: an invoice already paid (or credited) is never paid twice; the
    entry then waits for the office."""
    invoice = Invoice.objects.get(pk=invoice.pk)
    if invoice.status != Invoice.Status.OPEN or entry.amount_cents > invoice.outstanding_cents:
        entry.invoice, entry.note = invoice, _("Would pay more than is open; check and refund if needed.")
        return entry
    services.payment_record(invoice, entry.amount_cents, by=by, how=how)
    entry.invoice, entry.outcome, entry.matched_by = invoice, BankEntry.Outcome.MATCHED, how
    return entry


def _record_return(entry: BankEntry, item: CollectionItem, by) -> None:
    """A collected amount came back (refusal, return, refund): the invoice is open again."""
    entry.outcome, entry.invoice, entry.matched_by = BankEntry.Outcome.RETURNED, item.invoice, "end_to_end_id"
    was_paid = item.status == CollectionItem.Status.PAID
    item.status, item.return_code = CollectionItem.Status.RETURNED, entry.return_code
    item.save(update_fields=["status", "return_code"])
    if was_paid:
        services.payment_record(item.invoice, entry.amount_cents, by=by, how=f"return:{entry.return_code}")
    if entry.return_code in ENDING_CODES and item.mandate.status == Mandate.Status.ACTIVE:
        sepa.mandate_end(item.mandate, by=by, reason=f"return {entry.return_code}")
    audit.record(
        "kring.finance.collection.returned",
        by=by,
        obj=item.invoice,
        person_id=item.invoice.person_id,
        code=entry.return_code,
    )


def entry_resolve(entry: BankEntry, *, invoice: Invoice | None, note: str, by) -> BankEntry:
    """The office settles an unmatched entry: it pays ``invoice``, or (no invoice) is noted as not
    about an invoice."""
    with transaction.atomic():
        entry = BankEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.outcome != BankEntry.Outcome.UNMATCHED:
            raise Refused(_("This entry has already been dealt with."))
        if invoice is not None:
            invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
            if invoice.status != Invoice.Status.OPEN:
                raise Refused(_("That invoice is not open; it cannot be paid again."), field="invoice")
            if entry.amount_cents <= 0:
                raise Refused(_("Only money received can pay an invoice."), field="invoice")
            services.payment_record(invoice, entry.amount_cents, by=by, how="office")
            entry.invoice, entry.outcome = invoice, BankEntry.Outcome.RESOLVED
        else:
            if not note.strip():
                raise Refused(_("Choose an invoice or say what this entry is about."), field="note")
            entry.outcome = BankEntry.Outcome.IGNORED
        entry.note = note[:300]
        entry.matched_by = "office"
        entry.save(update_fields=["invoice", "outcome", "note", "matched_by"])
        audit.record("kring.finance.bank_entry.resolved", by=by, obj=entry, invoice=invoice.number if invoice else "")
    return entry
