"""The invoice as a tagged PDF (PDF/UA-1, by WeasyPrint) and what its e-mail says."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kring.core import identity, pdf
from kring.finance.models import Invoice


def _vat_summary(invoice: Invoice) -> list[dict]:
    """Per VAT rate (or exemption ground): net, VAT and total, as the law asks."""
    groups: dict[tuple, dict] = {}
    for line in invoice.lines.all():
        key = (line.vat_rate, line.vat_exemption)
        group = groups.setdefault(
            key, {"rate": line.vat_rate, "exemption": line.vat_exemption, "net": 0, "vat": 0, "total": 0}
        )
        group["net"] += line.net_cents
        group["vat"] += line.vat_cents
        group["total"] += line.amount_cents
    return list(groups.values())


def invoice_html(invoice: Invoice) -> str:
    return render_to_string(
        "finance/invoice_pdf.html",
        {
            "invoice": invoice,
            "lines": list(invoice.lines.all()),
            "vat_summary": _vat_summary(invoice),
            "seller": invoice.seller,
            "association": identity.current(),
        },
    )


def invoice_pdf(invoice: Invoice) -> bytes:
    with translation.override(invoice.person.language):
        html = invoice_html(invoice)
    return pdf.render(html)


def email_context(invoice: Invoice) -> dict:
    with translation.override(invoice.person.language):
        url = reverse("finance:my_invoices")
    return {
        "first_name": invoice.person.first_name,
        "invoice": invoice,
        "association": identity.current(),
        "my_invoices_url": url,
    }
