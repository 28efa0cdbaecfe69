"""Closing decided cases whose objection term has passed, and destroying files after the retention term.

Destroying removes every text and document of the file; the case row keeps only its number, dates,
outcome and measure (the register's history and the published ruling stay as they are), and a
``DestructionLog`` row records the case number, a SHA-256 hash of what was destroyed, when and by whom.
"""

from __future__ import annotations

import datetime
import hashlib

from django.db import transaction
from django.utils import timezone

from kring.complaints import rules
from kring.complaints.models import Case, DestructionLog, Stage
from kring.core import audit
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused

PROCESS = "complaints retention"


def file_hash(case: Case) -> str:
    """A hash of the encrypted file as it was: texts, entries and documents, in a fixed order."""
    digest = hashlib.sha256(case.sealed.encode())
    for sealed in case.entries.order_by("pk").values_list("sealed", flat=True):
        digest.update(sealed.encode())
    for sealed in case.documents.order_by("pk").values_list("sealed", flat=True):
        digest.update(bytes(sealed))
    return digest.hexdigest()


def case_close(case: Case, *, by=None) -> Case:
    """Close a decided case once nobody objected within the term."""
    with transaction.atomic():
        case = lock_for_decision(Case, case.pk, field="stage", states=[Stage.DECIDED], refused=Refused("closed"))
        case.stage, case.closed_at = Stage.CLOSED, timezone.now()
        case.save(update_fields=["stage", "closed_at"])
        audit.record("kring.complaints.case.closed", by=by, process=PROCESS, obj=case, number=case.number)
    return case


def case_destroy(case: Case, *, by=None) -> DestructionLog:
    """Remove the texts and documents of a closed file and log the destruction."""
    with transaction.atomic():
        case = lock_for_decision(
            Case, case.pk, field="destroyed_at", states=[None], refused=Refused("already destroyed")
        )
        if case.closed_at is None:
            raise Refused("An open case is never destroyed.")
        log = DestructionLog.objects.create(
            case_number=case.number,
            file_hash=file_hash(case),
            source=f"user:{by.pk}" if getattr(by, "is_authenticated", False) else f"process:{PROCESS}",
        )
        case.entries.all().delete()
        case.documents.all().delete()
        case.conflicts.all().delete()
        case.sealed, case.link_secret_hash, case.destroyed_at = "", "", timezone.now()
        case.save(update_fields=["sealed", "link_secret_hash", "destroyed_at"])
        audit.record(
            "kring.complaints.case.destroyed", by=by, process=PROCESS, obj=case, number=case.number, hash=log.file_hash
        )
    return log


def retention_run(today: datetime.date | None = None) -> tuple[int, int]:
    """Close what may be closed and destroy what is due; returns (closed, destroyed)."""
    today = today or timezone.localdate()
    terms = rules.Terms.from_settings()
    closed = 0
    for case in Case.objects.filter(stage=Stage.DECIDED, objection_until__lt=today):
        case_close(case)
        closed += 1
    destroyed = 0
    for case in Case.objects.filter(closed_at__isnull=False, destroyed_at__isnull=True):
        if rules.destroy_after(timezone.localdate(case.closed_at), terms) <= today:
            case_destroy(case)
            destroyed += 1
    return closed, destroyed
