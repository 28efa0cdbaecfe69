"""The committee's steps on a case: confirm receipt, ask the trainer, hearing, extend, decide, lift.

Every decision locks the case and checks its stage again inside the lock
(``kring.core.decisions.lock_for_decision``), so two members pressing the same button decide once.
A suspension or striking off goes through the register's own services, in the same transaction:
the register's history, search index and API follow at once.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.complaints import rules
from kring.complaints.models import Case, ConflictDeclaration, EntryKind, Outcome, Party, Stage
from kring.complaints.services import files, mail
from kring.core import audit
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.register import services as register

ALREADY = _("A colleague has just taken this step on this complaint. Please look at the file again.")
NO_REASON = _("Please give the reasons; they are part of the file and go to both parties.")


def _locked(case: Case, states) -> Case:
    return lock_for_decision(Case, case.pk, field="stage", states=states, refused=Refused(ALREADY))


def _record(verb: str, case: Case, by, **data) -> None:
    audit.record(f"kring.complaints.case.{verb}", by=by, obj=case, number=case.number, **data)


def receipt_confirm(case: Case, *, by) -> Case:
    """Confirm to the complainant that the committee has the complaint (within the receipt term)."""
    with transaction.atomic():
        case = _locked(case, [Stage.RECEIVED])
        case.stage, case.confirmed_at = Stage.CONFIRMED, timezone.now()
        case.save(update_fields=["stage", "confirmed_at"])
        _record("confirmed", case, by)
        mail.to_complainant(case, "confirmed")
    return case


def trainer_invite(case: Case, *, question: str, by) -> Case:
    """Tell the trainer about the complaint and ask for a response within the response term."""
    if not question.strip():
        raise Refused(_("Please write what you ask the trainer to respond to."), field="question")
    with transaction.atomic():
        case = _locked(case, [Stage.CONFIRMED])
        terms = rules.Terms.from_settings()
        case.stage, case.invited_at = Stage.INVITED, timezone.now()
        case.response_due = rules.days_after(timezone.localdate(), terms.response_days)
        case.save(update_fields=["stage", "invited_at", "response_due"])
        files.add_entry(case, kind=EntryKind.INVITATION, party=Party.COMMITTEE, text=question.strip(), by=by)
        _record("invited", case, by, response_due=case.response_due.isoformat())
        mail.to_trainer(case, "invited")
    return case


def trainer_respond(case: Case, *, text: str, by) -> Case:
    """The trainer's response (more than one is fine while the case is open)."""
    if not text.strip():
        raise Refused(_("Please write your response."), field="text")
    with transaction.atomic():
        case = _locked(case, [Stage.INVITED])
        files.add_entry(case, kind=EntryKind.RESPONSE, party=Party.TRAINER, text=text.strip(), by=by)
        _record("responded", case, by)
    return case


def note_add(case: Case, *, text: str, by) -> Case:
    if not text.strip():
        raise Refused(_("Please write the note."), field="text")
    with transaction.atomic():
        files.add_entry(case, kind=EntryKind.NOTE, party=Party.COMMITTEE, text=text.strip(), by=by)
        _record("noted", case, by)
    return case


def hearing_set(case: Case, *, on: datetime.date, by) -> Case:
    """Plan the (optional) hearing; it must be before the decision is due."""
    with transaction.atomic():
        case = _locked(case, [Stage.CONFIRMED, Stage.INVITED])
        if on < timezone.localdate() or on > case.decision_due:
            raise Refused(_("Choose a date from today until the day the decision is due."), field="hearing_on")
        case.hearing_on = on
        case.save(update_fields=["hearing_on"])
        _record("hearing_set", case, by, on=on.isoformat())
        mail.to_complainant(case, "hearing")
        mail.to_trainer(case, "hearing")
    return case


def term_extend(case: Case, *, reason: str, by) -> Case:
    """Extend the decision term once, by the extension term; the reason goes to both parties."""
    if not reason.strip():
        raise Refused(_("Please give the reason for the extension; both parties receive it."), field="reason")
    with transaction.atomic():
        case = _locked(case, [Stage.RECEIVED, Stage.CONFIRMED, Stage.INVITED])
        if case.extended_at is not None:
            raise Refused(_("The term of this complaint has already been extended once; it cannot be extended again."))
        case.decision_due = rules.days_after(case.decision_due, rules.Terms.from_settings().extension_days)
        case.extended_at = timezone.now()
        case.save(update_fields=["decision_due", "extended_at"])
        files.add_entry(case, kind=EntryKind.EXTENSION, party=Party.COMMITTEE, text=reason.strip(), by=by)
        _record("extended", case, by, decision_due=case.decision_due.isoformat())
        mail.to_complainant(case, "extended", reason=reason.strip())
        mail.to_trainer(case, "extended", reason=reason.strip())
    return case


def case_decide(case: Case, *, outcome: str, reason: str, measure_until: datetime.date | None = None, by) -> Case:
    """Decide on the complaint. A suspension or striking off takes effect in the register today."""
    if outcome not in Outcome.values:
        raise Refused(_("Please choose a decision."), field="outcome")
    if not reason.strip():
        raise Refused(NO_REASON, field="reason")
    today = timezone.localdate()
    terms = rules.Terms.from_settings()
    if outcome == Outcome.SUSPENSION and not rules.suspension_allowed(today, measure_until, terms):
        raise Refused(
            _("A suspension needs an end date after today and at most %(days)s days from today.")
            % {"days": terms.max_suspension_days},
            field="measure_until",
        )
    with transaction.atomic():
        case = _locked(case, [Stage.INVITED])
        case.stage, case.outcome, case.decided_at = Stage.DECIDED, outcome, timezone.now()
        case.measure_until = measure_until if outcome == Outcome.SUSPENSION else None
        case.objection_until = rules.days_after(today, terms.objection_days)
        case.save(update_fields=["stage", "outcome", "decided_at", "measure_until", "objection_until"])
        files.add_entry(case, kind=EntryKind.DECISION, party=Party.COMMITTEE, text=reason.strip(), by=by)
        _apply_measure(case, today, by)
        _record(
            "decided", case, by, outcome=outcome, measure_until=measure_until.isoformat() if measure_until else None
        )
        mail.to_complainant(case, "decided")
        mail.to_trainer(case, "decided")
    return case


def _apply_measure(case: Case, today: datetime.date, by) -> None:
    reason = f"complaint {case.number}"
    if case.outcome == Outcome.SUSPENSION:
        register.registration_suspend(case.registration, on=today, reason=reason, by=by)
    elif case.outcome == Outcome.STRIKE_OFF:
        register.registration_strike_off(case.registration, on=today, reason=reason, by=by)


def suspension_lift(case: Case, *, by) -> Case:
    """Lift a suspension once its period has passed, through the register's reinstatement."""
    today = timezone.localdate()
    with transaction.atomic():
        case = lock_for_decision(Case, case.pk, field="outcome", states=[Outcome.SUSPENSION], refused=Refused(ALREADY))
        if case.measure_lifted_at is not None:
            raise Refused(ALREADY)
        if case.measure_until is None or today < case.measure_until:
            raise Refused(_("The suspension can be lifted from %(day)s.") % {"day": case.measure_until})
        register.registration_reinstate(case.registration, on=today, reason=f"complaint {case.number}", by=by)
        case.measure_lifted_at = timezone.now()
        case.save(update_fields=["measure_lifted_at"])
        _record("lifted", case, by)
    return case


def conflict_declare(case: Case, *, by) -> None:
    """A member steps back from a case; from now on they cannot open it."""
    with transaction.atomic():
        _, created = ConflictDeclaration.objects.get_or_create(case=case, user=by)
        if created:
            _record("conflict_declared", case, by)
