"""Office edits in the admin of accounts, insurers and recertification settings are audited."""

from django.urls import reverse

from kring.accounts.models import RoleGrant
from kring.api.models import Insurer
from kring.core.models import AuditEntry
from kring.core.tests.admin_forms import add_inline_row, page_data
from kring.recertification.models import CodeOfEthics, SampleSetting


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


def test_an_insurer_added_in_the_admin_is_in_the_audit_trail(office, login):
    client = login(office)
    response = client.post(reverse("admin:api_insurer_add"), {"name": "Zorgverzekeraar Zuid", "contact_email": ""})
    assert response.status_code == 302
    insurer = Insurer.objects.get(name="Zorgverzekeraar Zuid")
    assert AuditEntry.objects.get(action="kring.api.insurer.created").object_id == str(insurer.pk)


def test_a_new_sample_percentage_and_code_of_ethics_are_in_the_audit_trail(office, login):
    client = login(office)
    assert client.post(reverse("admin:recertification_samplesetting_add"), {"percentage": "15"}).status_code == 302
    setting = SampleSetting.objects.get(percentage=15)
    assert setting.salt
    assert AuditEntry.objects.filter(action="kring.recertification.sample_setting.changed").exists()
    client.post(
        reverse("admin:recertification_codeofethics_add"),
        {"version": "2027", "valid_from": "2027-01-01", "text": "Wees zorgvuldig."},
    )
    code = CodeOfEthics.objects.get(version="2027")
    assert AuditEntry.objects.get(action="kring.recertification.ethics.added").object_id == str(code.pk)
