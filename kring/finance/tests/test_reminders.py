"""Gentle reminders: at most two, spaced, never for a disputed amount or a pending collection."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from kring.finance import reminders, services
from tests import factories as t

pytestmark = pytest.mark.django_db
ISSUED = datetime.date(2026, 1, 10)  # due 9 February


@pytest.fixture
def invoice(member):
    t.association_with_bank()
    return services.invoice_issue(
        member, [{"description": "Contributie", "amount_cents": 8500}], by=None, issued_on=ISSUED
    )


def test_two_spaced_reminders_and_no_more(invoice):
    due = invoice.due_on
    assert reminders.reminders_send(today=due + datetime.timedelta(days=13)) == 0
    assert reminders.reminders_send(today=due + datetime.timedelta(days=14)) == 1
    assert "85,00" in mail.outbox[-1].body and invoice.reference in mail.outbox[-1].body
    assert reminders.reminders_send(today=due + datetime.timedelta(days=14)) == 0  # the same day again
    assert reminders.reminders_send(today=due + datetime.timedelta(days=34)) == 0  # not yet spaced
    assert reminders.reminders_send(today=due + datetime.timedelta(days=35)) == 1
    assert reminders.reminders_send(today=due + datetime.timedelta(days=400)) == 0
    invoice.refresh_from_db()
    assert invoice.reminders_sent == 2


def test_no_reminder_for_a_disputed_or_paid_amount(invoice):
    services.invoice_set_disputed(invoice, True, by=None)
    assert reminders.reminders_send(today=invoice.due_on + datetime.timedelta(days=60)) == 0
    services.invoice_set_disputed(invoice, False, by=None)
    services.payment_record(invoice, 8500, by=None, how="test")
    assert reminders.reminders_send(today=invoice.due_on + datetime.timedelta(days=60)) == 0


def test_the_nightly_command_runs(invoice):
    call_command("finance_nightly")
