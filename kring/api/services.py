"""Operations on API keys and bulk verification jobs. Each runs in one transaction and is audited."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from kring.api.auth import forget_key
from kring.api.models import ApiKey, BulkJob, Insurer, hash_secret
from kring.core import audit

KEY_PREFIX_LENGTH = 12


def api_key_create(insurer: Insurer, *, name: str = "", secret: str | None = None, by=None) -> tuple[ApiKey, str]:
    """Create a key for an insurer and return it with its secret, which is never stored or shown again."""
    secret = secret or f"kring-{secrets.token_urlsafe(24)}"
    with transaction.atomic():
        key = ApiKey.objects.create(
            insurer=insurer, name=name, prefix=secret[:KEY_PREFIX_LENGTH], hashed_secret=hash_secret(secret)
        )
        audit.record("kring.api.key.created", by=by, process="api", obj=key, insurer=insurer.pk)
    return key, secret


def api_key_revoke(key: ApiKey, *, by=None) -> ApiKey:
    """Revoke a key from now on. Its calls stay in the log."""
    with transaction.atomic():
        key = ApiKey.objects.select_for_update().get(pk=key.pk)
        if key.revoked_at is None:
            key.revoked_at = timezone.now()
            key.save(update_fields=["revoked_at"])
            audit.record("kring.api.key.revoked", by=by, process="api", obj=key, insurer=key.insurer_id)
    forget_key(key)
    return key


def bulk_job_create(rows: list[tuple[str, str]], *, key: ApiKey) -> BulkJob:
    """Store a validated upload and queue its verification, together: a job is never left without its task."""
    from kring.api.tasks import bulk_job_run

    with transaction.atomic():
        job = BulkJob.objects.create(
            insurer=key.insurer, key=key, rows=[list(row) for row in rows], total_rows=len(rows)
        )
        audit.record("kring.api.bulk.created", process="api", obj=job, insurer=key.insurer_id, rows=len(rows))
        bulk_job_run.enqueue(str(job.pk))
    return BulkJob.objects.defer("rows", "result").get(pk=job.pk)


def insurer_save(insurer: Insurer, *, changed: list[str], by) -> Insurer:
    """Save an insurer as the office added or changed it."""
    with transaction.atomic():
        adding = insurer.pk is None
        insurer.save()
        action = "kring.api.insurer.created" if adding else "kring.api.insurer.changed"
        audit.record(action, by=by, obj=insurer, fields=sorted(changed))
    return insurer


def api_key_update(key: ApiKey, *, changed: list[str], by) -> ApiKey:
    """Save a key's name or rate limit; a new limit counts from the next call."""
    with transaction.atomic():
        key.save(update_fields=changed or None)
        audit.record("kring.api.key.changed", by=by, obj=key, insurer=key.insurer_id, fields=sorted(changed))
    forget_key(key)
    return key
