"""Gentle payment reminders: at most two, spaced, never for an amount under dispute, never while a
collection is pending. The nightly job (``manage.py finance_nightly``) calls ``reminders_send``."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from kring.core import audit, emails, identity
from kring.finance import rules
from kring.finance.models import CollectionItem, Invoice

MAX_REMINDERS = 2
FIRST_AFTER_DAYS = 14  # after the due date
SPACING_DAYS = 21  # between the first and the second


def due_for_reminder(invoice: Invoice, today: datetime.date) -> bool:
    if invoice.disputed or invoice.status != Invoice.Status.OPEN or invoice.kind != Invoice.Kind.INVOICE:
        return False
    if invoice.reminders_sent >= MAX_REMINDERS:
        return False
    if invoice.reminders_sent == 0:
        return today >= invoice.due_on + datetime.timedelta(days=FIRST_AFTER_DAYS)
    return today >= invoice.last_reminder_on + datetime.timedelta(days=SPACING_DAYS)


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Send the reminders that are due; returns how many were sent."""
    today = today or timezone.localdate()
    candidates = (
        Invoice.objects.filter(status=Invoice.Status.OPEN, kind=Invoice.Kind.INVOICE, disputed=False)
        .filter(reminders_sent__lt=MAX_REMINDERS, due_on__lte=today - datetime.timedelta(days=FIRST_AFTER_DAYS))
        .exclude(collection_items__status=CollectionItem.Status.PENDING)
        .select_related("person__user")
    )
    sent = 0
    for invoice in candidates:
        with transaction.atomic():
            invoice = Invoice.objects.select_for_update(of=("self",)).select_related("person__user").get(pk=invoice.pk)
            if not due_for_reminder(invoice, today):
                continue  # re-checked under the lock: a second job run sends nothing twice
            invoice.reminders_sent += 1
            invoice.last_reminder_on = today
            invoice.save(update_fields=["reminders_sent", "last_reminder_on"])
            audit.record(
                "kring.finance.invoice.reminded", obj=invoice, person_id=invoice.person_id, count=invoice.reminders_sent
            )
            _mail(invoice)
            sent += 1
    return sent


def _mail(invoice: Invoice) -> None:
    person = invoice.person
    address = person.user.email if person.user_id else person.email
    if not address:
        return
    with translation.override(person.language):
        url = reverse("finance:my_invoices")
    emails.send(
        "finance-reminder",
        to=address,
        language=person.language,
        context={
            "first_name": person.first_name,
            "invoice": invoice,
            "amount": rules.euro(invoice.outstanding_cents),
            "second": invoice.reminders_sent == MAX_REMINDERS,
            "association": identity.current(),
            "my_invoices_url": url,
        },
    )
