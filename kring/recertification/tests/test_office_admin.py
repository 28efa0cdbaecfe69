"""Recertification settings changed in the admin are audited."""

from django.urls import reverse

from kring.core.models import AuditEntry
from kring.recertification.models import CodeOfEthics, SampleSetting


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
