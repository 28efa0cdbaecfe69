"""What finance adds to "Beheer mijn gegevens" (a card on the overview) and to "download my data"."""

from __future__ import annotations

from kring.finance import rules
from kring.finance.models import Invoice, Mandate
from kring.members.models import Person


def home_card(person: Person) -> dict | None:
    open_invoices = list(person.invoices.filter(status=Invoice.Status.OPEN, kind=Invoice.Kind.INVOICE))
    mandate = person.mandates.filter(status=Mandate.Status.ACTIVE).first()
    if not open_invoices and mandate is None and not person.invoices.exists():
        return None
    return {
        "open_count": len(open_invoices),
        "open_total": rules.euro(sum(i.outstanding_cents for i in open_invoices)),
        "mandate": mandate,
    }


def export_section(person: Person) -> dict:
    return {
        "invoices": [
            {
                "number": i.number,
                "kind": i.kind,
                "issued_on": i.issued_on.isoformat(),
                "total_cents": i.total_cents,
                "paid_cents": i.paid_cents,
                "status": i.status,
                "reference": i.reference,
            }
            for i in person.invoices.order_by("issued_on", "number")
        ],
        "mandates": [
            {
                "reference": m.reference,
                "iban": m.iban,
                "holder_name": m.holder_name,
                "signed_on": m.signed_on.isoformat(),
                "status": m.status,
                "ended_on": m.ended_on.isoformat() if m.ended_on else None,
            }
            for m in person.mandates.order_by("signed_on", "pk")
        ],
    }
