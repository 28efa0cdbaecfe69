"""Insurers added in the admin are audited."""

from django.urls import reverse

from kring.api.models import Insurer
from kring.core.models import AuditEntry


def test_an_insurer_added_in_the_admin_is_in_the_audit_trail(office, login):
    client = login(office)
    response = client.post(reverse("admin:api_insurer_add"), {"name": "Zorgverzekeraar Zuid", "contact_email": ""})
    assert response.status_code == 302
    insurer = Insurer.objects.get(name="Zorgverzekeraar Zuid")
    assert AuditEntry.objects.get(action="kring.api.insurer.created").object_id == str(insurer.pk)
