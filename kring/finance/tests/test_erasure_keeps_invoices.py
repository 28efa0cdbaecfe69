"""Erasure keeps invoices for the tax law, and the office is told so before it confirms."""

import pytest
from django.urls import reverse
from django.utils import translation

from kring.finance import services
from kring.finance.models import Invoice
from kring.members import services as members
from tests import factories as t

pytestmark = pytest.mark.django_db


def test_the_confirmation_names_the_invoices_that_stay_for_seven_years(member, office, client):
    t.association_with_bank()
    invoice = services.invoice_issue(member, [{"description": "Contributie", "amount_cents": 8500}], by=None)
    erasure = members.erasure_request(member, by=member.user)
    client.force_login(office.user)
    with translation.override("en"):
        changelist = reverse("admin:members_erasurerequest_changelist")
    page = client.post(changelist, {"action": "carry_out", "_selected_action": [erasure.pk]}).content.decode()
    assert "Invoices and credit notes, with the name and address on them: kept for seven years" in page

    client.post(changelist, {"action": "carry_out", "_selected_action": [erasure.pk], "confirmed": "yes"})
    member.refresh_from_db()
    assert member.erased_at is not None and member.last_name == ""
    assert Invoice.objects.get(pk=invoice.pk).buyer_name == "Marieke Bakker"
