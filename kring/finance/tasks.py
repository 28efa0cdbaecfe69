"""Background work of finance: e-mailing an invoice with its PDF attached."""

from django_tasks import task


@task()
def send_invoice(invoice_id: int) -> int:
    """Render the invoice's PDF and e-mail it to the person, in their language."""
    from kring.core import emails
    from kring.finance import documents
    from kring.finance.models import Invoice

    invoice = Invoice.objects.select_related("person__user").get(pk=invoice_id)
    person = invoice.person
    address = person.user.email if person.user_id else person.email
    if not address:
        return 0
    message = emails.message(
        "finance-invoice",
        to=address,
        context=documents.email_context(invoice),
        language=person.language,
        attachments=[[f"{invoice.number}.pdf", documents.invoice_pdf(invoice), "application/pdf"]],
    )
    return emails.deliver(message)  # in Kring's one layout, like every e-mail; the PDF made here
