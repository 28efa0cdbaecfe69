"""The audit trail cannot be edited or deleted, and tampering in the database shows."""

import pytest

from kring.core import audit
from kring.core.models import AuditEntry


@pytest.fixture
def entries(db, office):
    return [
        audit.record("kring.members.person.changed", by=office.user, person_id=office.pk, fields=["phone"]),
        audit.record("kring.register.status.suspended", process="nightly", person_id=office.pk),
        audit.record("kring.members.person.changed", by=office.user, fields=["email"]),
    ]


def test_it_names_the_source_of_every_entry(entries, office):
    assert entries[0].source == f"user:{office.user.pk}"
    assert entries[1].source == "process:nightly"
    assert audit.verify_chain() == []


def test_it_refuses_to_change_an_entry(entries):
    entry = AuditEntry.objects.get(pk=entries[1].pk)
    entry.action = "kring.register.status.restored"
    with pytest.raises(ValueError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).action == "kring.register.status.suspended"


def test_it_refuses_to_delete_an_entry(entries):
    with pytest.raises(ValueError):
        AuditEntry.objects.get(pk=entries[0].pk).delete()
    assert AuditEntry.objects.count() == 3


def test_it_detects_a_row_changed_behind_its_back(entries):
    AuditEntry.objects.filter(pk=entries[1].pk).update(data={"fields": ["iban"]})
    assert audit.verify_chain() == [entries[1].pk]


def test_it_detects_a_removed_row(entries):
    AuditEntry.objects.filter(pk=entries[1].pk)._raw_delete(AuditEntry.objects.db)
    assert audit.verify_chain() == [entries[2].pk]
