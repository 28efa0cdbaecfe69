"""Key rotation: every sealed column encrypted again with the newest key, in one transaction."""

from __future__ import annotations

from django.db import transaction

from kring.complaints import crypto
from kring.complaints.models import Case, CaseDocument, CaseEntry
from kring.core import audit


def keys_rotate() -> int:
    """Re-encrypt all cases, entries and documents with the first key; returns the number of rows."""
    count = 0
    with transaction.atomic():
        for model in (Case, CaseEntry):
            for row in model.objects.select_for_update().exclude(sealed="").only("pk", "sealed"):
                row.sealed = crypto.rotate(row.sealed.encode()).decode()
                row.save(update_fields=["sealed"])
                count += 1
        for document in CaseDocument.objects.select_for_update().only("pk", "sealed"):
            document.sealed = crypto.rotate(bytes(document.sealed))
            document.save(update_fields=["sealed"])
            count += 1
        audit.record("kring.complaints.keys.rotated", process="complaints_rotate_keys", rows=count)
    return count
