"""The audit trail cannot be edited or deleted, and tampering in the database shows."""

import pytest
from django.db import connection

from kring.core import audit
from kring.core.models import AuditEntry
from kring.core.tests.concurrency import at_the_same_moment, needs_parallel_writers


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


def test_it_refuses_to_delete_or_change_entries_in_bulk(entries):
    everything = AuditEntry.objects.all()
    with pytest.raises(ValueError):
        everything.delete()
    with pytest.raises(ValueError):
        everything.filter(pk=entries[1].pk).update(action="kring.register.status.restored")
    entry = AuditEntry.objects.get(pk=entries[1].pk)
    entry.action = "kring.register.status.restored"
    with pytest.raises(ValueError):
        AuditEntry.objects.bulk_update([entry], ["action"])
    with pytest.raises(ValueError):
        AuditEntry.objects.bulk_create([AuditEntry(source="process:x", action="kring.core.forged")])
    assert AuditEntry.objects.count() == 3
    assert AuditEntry.objects.get(pk=entries[1].pk).action == "kring.register.status.suspended"
    assert audit.verify_chain() == []


def test_it_detects_a_row_changed_behind_its_back(entries):
    with connection.cursor() as cursor:
        table = AuditEntry._meta.db_table
        cursor.execute(f"UPDATE {table} SET data = %s WHERE id = %s", ['{"fields": ["iban"]}', entries[1].pk])
    assert audit.verify_chain() == [entries[1].pk]


def test_it_detects_a_removed_row(entries):
    AuditEntry.objects.filter(pk=entries[1].pk)._raw_delete(AuditEntry.objects.db)
    assert audit.verify_chain() == [entries[2].pk]


@needs_parallel_writers()
@pytest.mark.django_db(transaction=True)
def test_writers_at_the_same_moment_keep_one_chain():
    audit.record("kring.core.trail.started", process="test")
    at_the_same_moment(
        lambda n: audit.record("kring.members.person.changed", process=f"writer-{n}", fields=["phone"]), list(range(6))
    )
    assert AuditEntry.objects.count() == 7
    assert audit.verify_chain() == []
