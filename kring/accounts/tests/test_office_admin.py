"""Office edits of accounts and roles in the admin are audited."""

from django.urls import reverse

from kring.accounts.models import RoleGrant
from kring.core.models import AuditEntry
from kring.core.tests.admin_forms import add_inline_row, page_data


def test_a_role_granted_inline_is_in_the_audit_trail(office, member, login):
    client = login(office)
    url = reverse("admin:accounts_user_change", args=[member.user.pk])
    data = add_inline_row(page_data(client.get(url)), "role_grants", role="certification", starts_on="2026-01-01")
    assert client.post(url, data).status_code == 302
    grant = RoleGrant.objects.get(user=member.user)
    entry = AuditEntry.objects.get(action="kring.accounts.role.granted")
    assert (entry.object_id, entry.data["role"]) == (str(grant.pk), "certification")


def test_accounts_are_not_deleted_in_the_admin(office, member, login):
    response = login(office).post(reverse("admin:accounts_user_delete", args=[member.user.pk]), {"post": "yes"})
    assert response.status_code == 403
