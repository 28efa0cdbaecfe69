"""Writing and checking the audit trail (see ``kring.core.models.AuditEntry``)."""

from __future__ import annotations

from django.db import models, transaction

from kring.core.models import AuditChainHead, AuditEntry


def record(
    action: str, *, by=None, process: str = "", person_id: int | None = None, obj: models.Model | None = None, **data
) -> AuditEntry:
    """Append one entry. ``by`` is the acting account; ``process`` names a non-human source."""
    assert action.startswith("kring."), "audit actions are namespaced: kring.<app>.<entity>.<action>"  # nosec B101 # a programming error, caught by the tests
    if by is not None and getattr(by, "is_authenticated", False):
        source = f"user:{by.pk}"
    else:
        by = None
        source = f"process:{process or 'system'}"
    with transaction.atomic():
        _lock_chain_head()
        last = AuditEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
        return AuditEntry.objects.create(
            actor=by,
            source=source,
            action=action,
            person_id=person_id,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            data=data,
            previous_hash=last or "",
        )


def _lock_chain_head() -> None:
    """Wait for any other writer's append to commit, so this entry links to the true last one. The
    lock is held until the caller's transaction ends; the row is made on first use (and again after a
    test flushes the tables), by whoever gets there first."""
    AuditChainHead.objects.select_for_update().get_or_create(pk=1)


def verify_chain() -> list[int]:
    """Return the ids of entries whose hash or link to the previous entry does not match."""
    broken, previous = [], ""
    for entry in AuditEntry.objects.order_by("pk").iterator():
        if entry.previous_hash != previous or entry.compute_hash() != entry.hash:
            broken.append(entry.pk)
        previous = entry.hash
    return broken
