"""Objection to a decision: each party once, within the objection term; the committee decides on it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.complaints.models import REGISTER_MEASURES, Case, EntryKind, Objection, Outcome, Party, Stage
from kring.complaints.services import files, mail
from kring.complaints.services.procedure import ALREADY, NO_REASON, _locked, _record
from kring.core.refusals import Refused
from kring.register import services as register

ONCE = _("You have already objected to this decision. An objection is possible once.")


def objection_lodge(case: Case, *, party: str, text: str, by=None) -> Objection:
    """One objection of ``party`` (complainant or trainer) while the term runs."""
    if not text.strip():
        raise Refused(_("Please write why you object to the decision."), field="text")
    with transaction.atomic():
        case = _locked(case, [Stage.DECIDED, Stage.OBJECTED])
        if case.objections.filter(party=party).exists():
            raise Refused(ONCE)
        if case.objection_until is None or timezone.localdate() > case.objection_until:
            raise Refused(_("The term for an objection has ended."))
        try:
            with transaction.atomic():
                objection = Objection.objects.create(case=case, party=party)
        except IntegrityError as error:
            raise Refused(ONCE) from error
        case.stage = Stage.OBJECTED
        case.save(update_fields=["stage"])
        files.add_entry(case, kind=EntryKind.OBJECTION, party=party, text=text.strip(), by=by)
        _record("objected", case, by, party=party)
        mail.to_committee(case, "objection")
    return objection


def objection_decide(case: Case, *, upheld: bool, reason: str, new_outcome: str = "", by) -> Case:
    """Decide on the objection(s). Upheld, the decision becomes ``new_outcome``; a suspension in force is
    then lifted. The case is closed either way: there is no second objection."""
    if not reason.strip():
        raise Refused(NO_REASON, field="reason")
    if upheld and new_outcome not in Outcome.values:
        raise Refused(_("Please choose the new decision."), field="new_outcome")
    if upheld and new_outcome in REGISTER_MEASURES:
        raise Refused(
            _(
                "After an upheld objection the decision can only become lighter: choose a decision without a measure in the register."
            ),
            field="new_outcome",
        )
    with transaction.atomic():
        case = _locked(case, [Stage.OBJECTED])
        if upheld and case.outcome == Outcome.STRIKE_OFF:
            raise Refused(
                _(
                    "A striking off is undone by the office with a new registration; record the objection as not upheld there."
                )
            )
        today = timezone.localdate()
        if upheld:
            if case.outcome == Outcome.SUSPENSION and case.measure_lifted_at is None:
                register.registration_reinstate(case.registration, on=today, reason=f"objection {case.number}", by=by)
                case.measure_lifted_at = timezone.now()
            case.outcome, case.measure_until = new_outcome, None
        case.objections.filter(decided_at__isnull=True).update(upheld=upheld, decided_at=timezone.now())
        case.stage, case.closed_at = Stage.CLOSED, timezone.now()
        case.save(update_fields=["stage", "closed_at", "outcome", "measure_until", "measure_lifted_at"])
        files.add_entry(case, kind=EntryKind.OBJECTION_DECISION, party=Party.COMMITTEE, text=reason.strip(), by=by)
        _record("objection_decided", case, by, upheld=upheld, outcome=case.outcome)
        mail.to_complainant(case, "objection-decided")
        mail.to_trainer(case, "objection-decided")
    return case


__all__ = ["ALREADY", "objection_decide", "objection_lodge"]
