"""What finance adds to "Beheer mijn gegevens" (a card on the overview), to "download my data" and to
what erasure keeps."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kring.finance import rules
from kring.finance.models import Invoice, Mandate
from kring.members.erasure_hook import Kept
from kring.members.models import Person
from kring.members.sections import Card


def home_card(person: Person, roles: frozenset) -> Card | None:
    # Two queries, whatever the number of invoices: the overview keeps a constant query count.
    invoices = list(person.invoices.values_list("status", "kind", "total_cents", "paid_cents"))
    mandate = person.mandates.filter(status=Mandate.Status.ACTIVE).first()
    if not invoices and mandate is None:
        return None
    open_invoices = [i for i in invoices if i[0] == Invoice.Status.OPEN and i[1] == Invoice.Kind.INVOICE]
    if open_invoices:
        total = rules.euro(sum(total - paid for _s, _k, total, paid in open_invoices))
        texts = [
            ngettext(
                "One invoice is open: € %(total)s.",
                "%(count)s invoices are open: € %(total)s in all.",
                len(open_invoices),
            )
            % {"count": len(open_invoices), "total": total}
        ]
    else:
        texts = [_("All your invoices are paid.")]
    if mandate:
        texts.append(_("We collect by direct debit from your account ending in %(end)s.") % {"end": mandate.iban[-4:]})
    return Card(
        key="invoices",
        title=_("Invoices and mandate"),
        texts=tuple(texts),
        url=reverse("finance:my_invoices"),
        link_text=_("See my invoices"),
    )


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


def kept_after_erasure(person: Person) -> list[Kept]:
    """Invoices carry their own copy of the name and address, and the tax law keeps them seven years."""
    if not person.invoices.exists():
        return []
    return [
        Kept(
            _(
                "Invoices and credit notes, with the name and address on them: kept for seven years, as the tax law requires"
            )
        )
    ]
