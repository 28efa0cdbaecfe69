"""Anonymised rulings: one committee member drafts the redacted text, a second one approves it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.complaints.models import Case, Ruling, Stage
from kring.core import audit
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused


def ruling_draft(case: Case, *, text: str, by) -> Ruling:
    """Write (or rewrite, while unapproved) the anonymised ruling of a decided case."""
    if not text.strip():
        raise Refused(_("Please write the anonymised ruling."), field="text")
    if case.stage not in (Stage.DECIDED, Stage.OBJECTED, Stage.CLOSED) or not case.outcome:
        raise Refused(_("A ruling can be written once the complaint is decided."))
    with transaction.atomic():
        ruling = Ruling.objects.select_for_update().filter(case=case).first()
        if ruling is not None and ruling.approved_at is not None:
            raise Refused(_("This ruling has been approved and published; it cannot be changed."))
        ruling = ruling or Ruling(case=case, year=case.decided_at.year)
        ruling.text, ruling.outcome, ruling.drafted_by, ruling.drafted_at = (
            text.strip(),
            case.outcome,
            by,
            timezone.now(),
        )
        ruling.save()
        audit.record("kring.complaints.ruling.drafted", by=by, obj=ruling, number=case.number)
    return ruling


def ruling_approve(ruling: Ruling, *, by) -> Ruling:
    """A second committee member approves the redaction; the ruling is public from then on."""
    with transaction.atomic():
        ruling = lock_for_decision(
            Ruling,
            ruling.pk,
            field="approved_at",
            states=[None],
            refused=Refused(_("This ruling is already approved.")),
        )
        if ruling.drafted_by_id == by.pk:
            raise Refused(_("A second committee member approves the ruling: you wrote this one."))
        ruling.approved_by, ruling.approved_at = by, timezone.now()
        ruling.save(update_fields=["approved_by", "approved_at"])
        audit.record("kring.complaints.ruling.approved", by=by, obj=ruling)
    return ruling
