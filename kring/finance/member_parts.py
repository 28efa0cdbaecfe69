"""What finance adds to "Beheer mijn gegevens" (a card on the overview) and to "download my data"."""

from __future__ import annotations

from kring.finance import rules
from kring.finance.models import Invoice, Mandate
from kring.members.models import Person


def home_card(person: Person) -> dict | None:
    # Two queries, whatever the number of invoices: the overview keeps a constant query count.
    invoices = list(person.invoices.values_list("status", "kind", "total_cents", "paid_cents"))
    mandate = person.mandates.filter(status=Mandate.Status.ACTIVE).first()
    if not invoices and mandate is None:
        return None
    open_invoices = [i for i in invoices if i[0] == Invoice.Status.OPEN and i[1] == Invoice.Kind.INVOICE]
    return {
        "open_count": len(open_invoices),
        "open_total": rules.euro(sum(total - paid for _s, _k, total, paid in open_invoices)),
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
