"""The committee's decision on an application, its conditions, the institute's objection and the
board's decision on it, and the office's changes to an accreditation's status (suspend, withdraw,
reinstate)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.accreditation import history, mail, rules
from kring.accreditation.models import (
    OBJECTION_DAYS,
    AccreditationPeriod,
    Application,
    ApplicationStatus,
    BoardOutcome,
    Condition,
    Decision,
    Objection,
    Outcome,
    Programme,
    Status,
)
from kring.accreditation.services.review import IN_REVIEW, teaches_at
from kring.core import audit
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused


def _decided(application: Application) -> Refused:
    if application.status == ApplicationStatus.DECIDED:
        return Refused(_("A colleague has just decided on this application."))
    return Refused(_("This application is not with the committee."))


def application_decide(
    application: Application,
    *,
    outcome: str,
    reason: str,
    conditions: list[tuple[str, datetime.date]] = (),
    by,
    today: datetime.date | None = None,
) -> Decision:
    """Accredit, accredit with conditions, or refuse; always with a written reason. The application is
    locked and re-checked, and one decision per submitted version is all the database accepts."""
    today = today or timezone.localdate()
    if outcome not in Outcome.values:
        raise Refused(_("Please choose a decision."), field="outcome")
    if not reason.strip():
        raise Refused(_("Please write the reason for the decision; the institute reads it."), field="reason")
    if outcome == Outcome.CONDITIONS and not conditions:
        raise Refused(_("Please write at least one condition, with the date it must be met by."), field="conditions")
    try:
        with transaction.atomic():
            application = lock_for_decision(
                Application.objects.select_related("programme__institute", "criteria"),
                application.pk,
                states=[ApplicationStatus.COMMITTEE],
                refused=lambda row: (
                    _decided(row)
                    if row.status not in IN_REVIEW
                    else Refused(_("There is an open question to the institute; please wait for the answer."))
                ),
            )
            if teaches_at(by, application.programme.institute):
                raise Refused(_("You teach at or work for this institute, so you cannot decide on it."))
            decision = _store(
                application, outcome=outcome, reason=reason.strip(), conditions=conditions, by=by, today=today
            )
    except IntegrityError as error:  # a second decision on the same version slipped past the lock
        raise Refused(_("A colleague has just decided on this application.")) from error
    _mail_decision(decision)
    return decision


def _store(application, *, outcome, reason, conditions, by, today) -> Decision:
    version = application.versions.order_by("-number").first()
    accredited = outcome != Outcome.REFUSE
    until = rules.valid_until(today, application.criteria.validity_years) if accredited else None
    decision = Decision.objects.create(
        application=application, version=version, outcome=outcome, reason=reason, decided_by=by, valid_until=until
    )
    Condition.objects.bulk_create(Condition(decision=decision, text=t.strip(), due_on=d) for t, d in conditions)
    if accredited:
        AccreditationPeriod.objects.create(
            programme=application.programme,
            status=Status.ACTIVE,
            starts_on=today,
            ends_on=until,
            decision=decision,
            reason="accredited",
            recorded_by=by,
        )
    application.status = ApplicationStatus.DECIDED
    application.save(update_fields=["status"])
    audit.record(
        "kring.accreditation.application.decided", by=by, obj=application, outcome=outcome, version=version.number
    )
    return decision


def _mail_decision(decision: Decision) -> None:
    programme = decision.application.programme
    mail.to_institute("accreditation-decision", programme.institute, {"decision": decision, "programme": programme})


def condition_met(condition: Condition, *, note: str, by, today: datetime.date | None = None) -> Condition:
    """The committee records that a condition is met."""
    if not note.strip():
        raise Refused(_("Please write briefly how the condition was met."), field="note")
    with transaction.atomic():
        condition = lock_for_decision(
            Condition.objects.all(),
            condition.pk,
            states=[None],
            field="met_on",
            refused=Refused(_("This condition is already recorded as met.")),
        )
        condition.met_on, condition.met_note = today or timezone.localdate(), note.strip()
        condition.save(update_fields=["met_on", "met_note"])
        audit.record("kring.accreditation.condition.met", by=by, obj=condition.decision.application)
    return condition


def objection_file(decision: Decision, *, text: str, by, today: datetime.date | None = None) -> Objection:
    """The institute objects to the board, within 4 weeks of the decision; once per decision."""
    today = today or timezone.localdate()
    if not text.strip():
        raise Refused(_("Please write what you object to, and why."), field="text")
    if today > decision.objection_deadline:
        raise Refused(_("The 4 weeks for an objection to this decision have passed."))
    try:
        with transaction.atomic():
            objection = Objection.objects.create(decision=decision, text=text.strip(), filed_by=by)
            audit.record("kring.accreditation.objection.filed", by=by, obj=decision.application, days=OBJECTION_DAYS)
    except IntegrityError as error:
        raise Refused(_("You have already objected to this decision; the board will answer you.")) from error
    return objection


def objection_decide(objection: Objection, *, outcome: str, reason: str, by, today: datetime.date | None = None):
    """The board decides on an institute's objection; its decision is final, and the institute hears
    it by e-mail. Upheld against a refusal, the programme is accredited from today for the validity of
    the criteria it was judged by; upheld against conditions, the open conditions are lifted (recorded
    as met, with the board's reason). The objection is locked and checked first, so two board members
    cannot both decide, and a board member who teaches at the institute cannot decide at all."""
    today = today or timezone.localdate()
    if outcome not in BoardOutcome.values:
        raise Refused(_("Please choose the board's decision."), field="outcome")
    if not reason.strip():
        raise Refused(_("Please write the reason for the decision; the institute reads it."), field="reason")
    with transaction.atomic():
        objection = lock_for_decision(
            Objection.objects.select_related("decision__application__programme__institute"),
            objection.pk,
            states=[""],
            field="board_outcome",
            refused=Refused(_("A board member has just decided on this objection.")),
        )
        decision = objection.decision
        programme = decision.application.programme
        if teaches_at(by, programme.institute):
            raise Refused(_("You teach at or work for this institute, so you cannot decide on it."))
        objection.board_outcome, objection.board_reason = outcome, reason.strip()
        objection.board_decided_by, objection.board_decided_at = by, timezone.now()
        objection.save()
        if outcome == BoardOutcome.UPHELD:
            _uphold(decision, reason=reason.strip(), by=by, today=today)
        audit.record("kring.accreditation.objection.decided", by=by, obj=decision.application, outcome=outcome)
    mail.to_institute("accreditation-objection", programme.institute, {"objection": objection, "programme": programme})
    return objection


def _uphold(decision: Decision, *, reason: str, by, today: datetime.date) -> None:
    if decision.outcome == Outcome.REFUSE:
        AccreditationPeriod.objects.create(
            programme=decision.application.programme,
            status=Status.ACTIVE,
            starts_on=today,
            ends_on=rules.valid_until(today, decision.application.criteria.validity_years),
            decision=decision,
            reason="board",
            recorded_by=by,
        )
    elif decision.outcome == Outcome.CONDITIONS:
        decision.conditions.filter(met_on__isnull=True).update(met_on=today, met_note=reason)


def status_change(
    programme: Programme, *, status: str, reason: str, by, on: datetime.date | None = None
) -> AccreditationPeriod:
    """The office suspends, withdraws or reinstates an accreditation from ``on``. A new period is
    added on top (the one that starts last wins, see ``history.period_on``), so the past keeps its
    answer. A suspension lasts at most until the accreditation's end; a withdrawal has no end; a
    reinstated accreditation runs to the end that was decided."""
    on = on or timezone.localdate()
    if status not in Status.values or status == Status.EXPIRED:
        raise Refused(_("Please choose suspend, withdraw or reinstate."))
    if not reason.strip():
        raise Refused(_("Please write the reason."), field="reason")
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        periods = list(programme.periods.all())
        accredited = [p for p in periods if p.status == Status.ACTIVE]
        if not accredited:
            raise Refused(_("This programme has never been accredited."))
        last = max(accredited, key=lambda p: (p.starts_on, p.recorded_at))
        current = history.period_on(periods, on)
        if current is not None and current.status == status:
            raise Refused(_("The accreditation already has this status."))
        if last.ends_on is not None and last.ends_on < on:
            raise Refused(_("The accreditation's validity has ended; it needs a re-accreditation."))
        period = AccreditationPeriod.objects.create(
            programme=programme,
            status=status,
            starts_on=on,
            ends_on=None if status == Status.WITHDRAWN else last.ends_on,
            reason=reason.strip(),
            recorded_by=by,
            decision=last.decision,
        )
        audit.record(f"kring.accreditation.status.{status}", by=by, obj=programme)
    return period
