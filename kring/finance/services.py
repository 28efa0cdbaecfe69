"""Fees, charges, invoices and credit notes. Each service is one transaction and one audit entry.

**The entry point for other apps** (events will call it for paid registrations)::

    from kring.finance.services import charge_add
    charge_add(person, "Retreat Zeist 2026", 12500, source_reference="events.registration.42", by=user)

adds a line the person owes; the next yearly run (or ``invoice_open_charges``) puts it on an invoice.
Calling it again with the same ``source_reference`` returns the first charge and changes nothing;
``charge_withdraw(source_reference, by=user)`` takes it back while it is not yet invoiced.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit, identity
from kring.core.access import acting_account
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.finance import rules
from kring.finance.models import Charge, Fee, Invoice, InvoiceCounter, InvoiceLine, Mandate, Reduction
from kring.members.models import Membership, MembershipStatus, Person

PAYMENT_DAYS = 30


def _vat_for(rate: Decimal | None, exemption: str) -> tuple[Decimal, str]:
    """The rate and exemption ground a line carries: an exempt association charges no VAT and names
    its ground (the product's own ground first)."""
    association = identity.current()
    if association.vat_status == association.VatStatus.EXEMPT or not rate:
        return Decimal(0), exemption or association.vat_exemption
    return Decimal(rate), ""


def fee_save(fee: Fee, *, by) -> Fee:
    """Add or change the fee of a type in a year (the admin calls this)."""
    if fee.amount_cents is None or fee.amount_cents < 0:
        raise Refused(_("A fee cannot be below zero."), field="amount_cents")
    with transaction.atomic():
        adding = fee.pk is None
        fee.save()
        audit.record(f"kring.finance.fee.{'added' if adding else 'changed'}", by=by, obj=fee, year=fee.year)
    return fee


def reduction_save(reduction: Reduction, *, by) -> Reduction:
    if not 0 <= reduction.percent <= 100:
        raise Refused(_("A reduction is between 0 and 100 percent."), field="percent")
    with transaction.atomic():
        reduction.save()
        audit.record("kring.finance.reduction.saved", by=by, obj=reduction, person_id=reduction.person_id)
    return reduction


def charge_add(
    person: Person,
    description: str,
    amount_cents: int,
    *,
    source_reference: str,
    by,
    vat_rate: Decimal | int = 0,
    vat_exemption: str = "",
) -> Charge:
    """Add something ``person`` owes (see the module's docstring). Idempotent on ``source_reference``."""
    if amount_cents is None or int(amount_cents) <= 0:
        raise Refused(_("A charge needs an amount above zero."))
    if (existing := Charge.objects.filter(source_reference=source_reference).first()) is not None:
        return existing
    try:
        with transaction.atomic():
            charge = Charge.objects.create(
                person=person,
                description=description[:200],
                amount_cents=int(amount_cents),
                vat_rate=Decimal(vat_rate),
                vat_exemption=vat_exemption,
                source_reference=source_reference,
            )
            audit.record("kring.finance.charge.added", by=by, obj=charge, person_id=person.pk, source=source_reference)
    except IntegrityError:  # the same source at the same moment: the database kept the first
        return Charge.objects.get(source_reference=source_reference)
    return charge


def charge_withdraw(source_reference: str, *, by) -> bool:
    """Take back a charge that is not yet on an invoice (a cancelled event registration). True when
    nothing is owed for it any more; False when it is already invoiced: then the office credits the
    invoice (``invoice_credit``), Kring never rewrites an issued invoice."""
    with transaction.atomic():
        charge = Charge.objects.select_for_update().filter(source_reference=source_reference).first()
        if charge is None:
            return True
        if charge.invoice_id is not None:
            return False
        audit.record("kring.finance.charge.withdrawn", by=by, person_id=charge.person_id, source=source_reference)
        charge.delete()
    return True


def _take_number(year: int) -> tuple[int, str]:
    """The next number of ``year``, under the counter row's lock (held until the caller commits, so a
    rolled-back invoice gives its number back and no gap is left)."""
    InvoiceCounter.objects.get_or_create(year=year)
    counter = InvoiceCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, rules.invoice_number(year, counter.last)


def _seller() -> dict:
    a = identity.current()
    return {
        "name": a.name,
        "address": ", ".join(part for part in (a.street, f"{a.postcode} {a.city}".strip()) if part),
        "country": a.country,
        "kvk_number": a.kvk_number,
        "vat_number": a.vat_number,
        "vat_status": a.vat_status,
        "iban": a.iban,
        "bic": a.bic,
        "email": a.email,
    }


def is_belgian_payer(person: Person) -> bool:
    """Belgian payers get an OGM/VCS reference: their bank app expects one. Known by the IBAN of their
    latest mandate, else their first practice address."""
    mandate = person.mandates.order_by("-signed_on", "-pk").first()
    if mandate is not None:
        return mandate.iban.startswith("BE")
    practice = person.practices.order_by("pk").first()
    return practice is not None and practice.country == "BE"


def _buyer_address(person: Person) -> str:
    practice = person.practices.order_by("pk").first()
    if practice is None:
        return person.email
    return ", ".join(part for part in (practice.street, f"{practice.postcode} {practice.place}") if part)


def _active_mandate(person: Person) -> Mandate | None:
    return person.mandates.filter(status=Mandate.Status.ACTIVE).order_by("-signed_on", "-pk").first()


def invoice_issue(
    person: Person,
    lines: list[dict],
    *,
    by,
    issued_on: datetime.date | None = None,
    period: str = "",
    notify: bool = True,
) -> Invoice:
    """Issue one invoice with ``lines`` (description, amount_cents, vat_rate, vat_exemption), numbered
    without gaps, and e-mail it once committed."""
    if not lines:
        raise Refused(_("An invoice needs at least one line."))
    issued_on = issued_on or timezone.localdate()
    with transaction.atomic():
        sequence, number = _take_number(issued_on.year)
        belgian = is_belgian_payer(person)
        invoice = Invoice(
            number=number,
            person=person,
            buyer_name=person.full_name,
            buyer_address=_buyer_address(person),
            seller=_seller(),
            issued_on=issued_on,
            due_on=issued_on + datetime.timedelta(days=PAYMENT_DAYS),
            period=period,
            method=Invoice.Method.DEBIT if _active_mandate(person) else Invoice.Method.TRANSFER,
            reference=(rules.ogm_reference if belgian else rules.rf_reference)(issued_on.year, sequence),
            total_cents=0,
        )
        invoice.save()
        rows = [_line(invoice, line) for line in lines]
        InvoiceLine.objects.bulk_create(rows)
        invoice.total_cents = sum(row.amount_cents for row in rows)
        invoice.vat_cents = sum(row.vat_cents for row in rows)
        invoice.save(update_fields=["total_cents", "vat_cents"])
        audit.record("kring.finance.invoice.issued", by=by, obj=invoice, person_id=person.pk, number=number)
        if notify:
            _send_when_committed(invoice)
    return invoice


def _line(invoice: Invoice, line: dict) -> InvoiceLine:
    rate, exemption = _vat_for(line.get("vat_rate"), line.get("vat_exemption", ""))
    amount = int(line["amount_cents"])
    return InvoiceLine(
        invoice=invoice,
        description=line["description"],
        amount_cents=amount,
        vat_rate=rate,
        vat_cents=rules.vat_part(amount, rate),
        vat_exemption=exemption,
    )


def _send_when_committed(invoice: Invoice) -> None:
    from kring.finance.tasks import send_invoice

    transaction.on_commit(lambda: send_invoice.enqueue(invoice.pk))


def fee_lines(person: Person, year: int) -> list[dict]:
    """The fee lines a person owes for ``year``: one per membership current in that year."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    memberships = (
        Membership.objects.filter(person=person, starts_on__lte=end)
        .exclude(status=MembershipStatus.ENDED, ends_on__lt=start)
        .exclude(ends_on__lt=start)
        .select_related("type")
    )
    reduction = Reduction.objects.filter(person=person, year=year).first()
    lines = []
    for membership in memberships:
        fee = Fee.objects.filter(type=membership.type, year=year).first()
        if fee is None or membership.status != MembershipStatus.ACTIVE:
            continue
        months = rules.months_payable(membership.starts_on, year)
        off = reduction.percent if reduction else 0
        amount = rules.fee_cents(fee.amount_cents, months=months, percent_off=off, pro_rata=fee.pro_rata)
        if amount <= 0:
            continue
        description = _("Membership fee %(year)s, %(type)s") % {"year": year, "type": membership.type.name_nl}
        if fee.pro_rata and months < 12:
            description += " " + _("(%(months)s of 12 months)") % {"months": months}
        if reduction:
            description += " " + _("(reduction %(percent)s%%: %(reason)s)") % {
                "percent": reduction.percent,
                "reason": reduction.reason,
            }
        lines.append(
            {
                "description": description,
                "amount_cents": amount,
                "vat_rate": fee.vat_rate,
                "vat_exemption": fee.vat_exemption,
                "source": f"finance.fee.{year}.{membership.pk}",
            }
        )
    return lines


def invoice_person_for_year(person: Person, year: int, *, by, notify: bool = True) -> Invoice | None:
    """One invoice with the fee of ``year`` and every open charge; None when nothing is owed.
    Running it twice bills nothing twice: each fee becomes a charge with its own source reference."""
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()  # one run per person at a time
        for line in fee_lines(person, year):
            charge_add(
                person,
                line["description"],
                line["amount_cents"],
                source_reference=line["source"],
                by=by,
                vat_rate=line["vat_rate"] or 0,
                vat_exemption=line["vat_exemption"],
            )
        return invoice_open_charges(person, by=by, period=str(year), notify=notify)


def invoice_open_charges(person: Person, *, by, period: str = "", notify: bool = True) -> Invoice | None:
    with transaction.atomic():
        charges = list(Charge.objects.select_for_update().filter(person=person, invoice__isnull=True).order_by("pk"))
        if not charges:
            return None
        lines = [
            {
                "description": c.description,
                "amount_cents": c.amount_cents,
                "vat_rate": c.vat_rate,
                "vat_exemption": c.vat_exemption,
            }
            for c in charges
        ]
        invoice = invoice_issue(person, lines, by=by, period=period, notify=notify)
        Charge.objects.filter(pk__in=[c.pk for c in charges]).update(invoice=invoice)
    return invoice


def yearly_run(year: int, *, by) -> list[Invoice]:
    """Invoice every person with a membership in ``year`` (and everyone with open charges), one
    transaction per person so a refusal for one leaves the others invoiced."""
    people = Person.objects.filter(
        models_q_current_in(year) | _has_open_charges(),
        erased_at__isnull=True,
    ).distinct()
    invoices = []
    for person in people.order_by("pk"):
        invoice = invoice_person_for_year(person, year, by=by)
        if invoice is not None:
            invoices.append(invoice)
    audit.record("kring.finance.yearly_run.done", by=by, year=year, invoices=len(invoices))
    return invoices


def models_q_current_in(year: int):
    from django.db.models import Q

    return Q(
        memberships__status=MembershipStatus.ACTIVE,
        memberships__starts_on__lte=datetime.date(year, 12, 31),
    ) & (Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=datetime.date(year, 1, 1)))


def _has_open_charges():
    from django.db.models import Q

    return Q(charges__isnull=False, charges__invoice__isnull=True)


def invoice_credit(invoice: Invoice, *, by, reason: str) -> Invoice:
    """Undo an invoice with a credit note for its full amount (invoices are never deleted)."""
    if not reason.strip():
        raise Refused(_("Say why the invoice is credited."), field="reason")
    with transaction.atomic():
        original = lock_for_decision(
            Invoice.objects.filter(kind=Invoice.Kind.INVOICE),
            invoice.pk,
            states=[Invoice.Status.OPEN, Invoice.Status.PAID],
            refused=Refused(_("This invoice has already been credited.")),
        )
        lines = [
            {
                "description": _("Credit of %(number)s: %(line)s")
                % {"number": original.number, "line": line.description},
                "amount_cents": -line.amount_cents,
                "vat_rate": line.vat_rate,
                "vat_exemption": line.vat_exemption,
            }
            for line in original.lines.all()
        ]
        note = invoice_issue(original.person, lines, by=by, period=original.period)
        note.kind, note.credits, note.status = Invoice.Kind.CREDIT, original, Invoice.Status.CREDITED
        note.method = Invoice.Method.TRANSFER
        note.save(update_fields=["kind", "credits", "status", "method"])
        original.status = Invoice.Status.CREDITED
        original.save(update_fields=["status"])
        audit.record(
            "kring.finance.invoice.credited", by=by, obj=original, person_id=original.person_id, credit_note=note.number
        )
    return note


def invoice_set_disputed(invoice: Invoice, disputed: bool, *, by) -> Invoice:
    """Mark an amount as under dispute (no reminders while it is) or the dispute as settled."""
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        invoice.disputed = disputed
        invoice.save(update_fields=["disputed"])
        audit.record(
            "kring.finance.invoice.disputed", by=by, obj=invoice, person_id=invoice.person_id, disputed=disputed
        )
    return invoice


def payment_record(invoice: Invoice, amount_cents: int, *, by, how: str) -> Invoice:
    """Book money received for an invoice (called by the bank import inside its transaction)."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    invoice.paid_cents += amount_cents
    if invoice.status == Invoice.Status.OPEN and invoice.paid_cents >= invoice.total_cents:
        invoice.status = Invoice.Status.PAID
    elif invoice.status == Invoice.Status.PAID and invoice.paid_cents < invoice.total_cents:
        invoice.status = Invoice.Status.OPEN
    invoice.save(update_fields=["paid_cents", "status"])
    audit.record(
        "kring.finance.invoice.payment", by=acting_account(by), obj=invoice, person_id=invoice.person_id, how=how
    )
    return invoice
