"""Recognising supervisors (the office), asking for supervision and logging it (trainers)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit
from kring.core.access import acting_account
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.cpd.models import ActivityKind
from kring.cpd.services import activity_record_automatic
from kring.find import supervisors
from kring.find.models import SupervisionRequest, SupervisionSession, SupervisorRecognition
from kring.members.models import Person
from kring.register import history

# The association's criteria for recognising a supervisor.
MIN_YEARS, MIN_COURSES, MIN_TRAINING_DAYS = 5, 20, Decimal(4)
MAX_SESSION_HOURS = Decimal(8)


def _check_criteria(years: int, courses: int, days: Decimal, completed_on: datetime.date, starts_on) -> None:
    missing = []
    if years < MIN_YEARS:
        missing.append(_("at least %(n)d years of experience as a trainer") % {"n": MIN_YEARS})
    if courses < MIN_COURSES:
        missing.append(_("at least %(n)d courses given") % {"n": MIN_COURSES})
    if Decimal(days) < MIN_TRAINING_DAYS:
        missing.append(_("at least %(n)d days of supervision training") % {"n": MIN_TRAINING_DAYS})
    if missing:
        raise Refused(
            _("The criteria are not met yet: %(missing)s. Nothing was recorded.") % {"missing": "; ".join(missing)}
        )
    if completed_on > starts_on:
        raise Refused(
            _("The supervision training must be completed before the recognition starts."),
            field="training_completed_on",
        )


@transaction.atomic
def supervisor_recognise(
    *,
    person: Person,
    starts_on: datetime.date,
    years_experience: int,
    courses_given: int,
    training_days: Decimal,
    training_completed_on: datetime.date,
    note: str = "",
    ends_on: datetime.date | None = None,
    by,
) -> SupervisorRecognition:
    """Recognise a registered trainer as supervisor from ``starts_on``, against the criteria."""
    Person.objects.select_for_update().get(pk=person.pk)  # one recognition of a person at a time
    _check_criteria(years_experience, courses_given, training_days, training_completed_on, starts_on)
    if ends_on is not None and ends_on < starts_on:
        raise Refused(_("The end of the recognition is before its start."), field="ends_on")
    registered = any(history.active_period_on(r, starts_on) for r in history.with_history().filter(person=person))
    if not registered:
        raise Refused(_("Only a trainer registered on the start date can be recognised as supervisor."))
    overlapping = SupervisorRecognition.objects.filter(person=person).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    if overlapping.exists():
        raise Refused(_("This trainer is already recognised as supervisor in that period."))
    recognition = SupervisorRecognition.objects.create(
        person=person,
        starts_on=starts_on,
        ends_on=ends_on,
        years_experience=years_experience,
        courses_given=courses_given,
        training_days=training_days,
        training_completed_on=training_completed_on,
        note=note,
        recorded_by=acting_account(by),
    )
    audit.record("kring.find.supervisor.recognised", by=by, person_id=person.pk, obj=recognition)
    return recognition


@transaction.atomic
def supervisor_recognition_end(recognition: SupervisorRecognition, *, ends_on: datetime.date, by):
    """End a recognition on ``ends_on`` (its last day); the period stays in the history."""
    recognition = SupervisorRecognition.objects.select_for_update().get(pk=recognition.pk)
    if ends_on < recognition.starts_on:
        raise Refused(_("The end of the recognition is before its start."), field="ends_on")
    if recognition.ends_on is not None and recognition.ends_on <= ends_on:
        return recognition
    recognition.ends_on = ends_on
    recognition.save(update_fields=["ends_on"])
    audit.record("kring.find.supervisor.recognition_ended", by=by, person_id=recognition.person_id, obj=recognition)
    return recognition


@transaction.atomic
def supervision_ask(*, supervisor: Person, trainee: Person, message: str, by) -> SupervisionRequest:
    """Ask a supervisor for supervision. Asking again while the question is open returns it."""
    if supervisor.pk == trainee.pk:
        raise Refused(_("You cannot ask yourself for supervision."))
    if not supervisors.is_supervisor(supervisor, timezone.localdate()):
        raise Refused(_("This trainer is not a recognised supervisor today."))
    Person.objects.select_for_update().get(pk=trainee.pk)
    open_request = SupervisionRequest.objects.filter(
        supervisor=supervisor, trainee=trainee, status=SupervisionRequest.Status.ASKED
    ).first()
    if open_request is not None:
        return open_request
    request = SupervisionRequest.objects.create(supervisor=supervisor, trainee=trainee, message=message[:1000])
    audit.record("kring.find.supervision.asked", by=by, person_id=trainee.pk, obj=request)
    return request


@transaction.atomic
def supervision_decide(request: SupervisionRequest, *, accept: bool, by) -> SupervisionRequest:
    request = lock_for_decision(
        SupervisionRequest,
        request.pk,
        states=[SupervisionRequest.Status.ASKED],
        refused=Refused(_("You already answered this question.")),
    )
    request.status = SupervisionRequest.Status.ACCEPTED if accept else SupervisionRequest.Status.DECLINED
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    audit.record(
        "kring.find.supervision.decided", by=by, person_id=request.trainee_id, obj=request, status=request.status
    )
    return request


@transaction.atomic
def supervision_log(request: SupervisionRequest, *, on: datetime.date, hours: Decimal, by) -> SupervisionSession:
    """The supervisor logs supervision given; it lands in both CPD logs. The same date logged twice
    (a double click) returns the first session."""
    request = SupervisionRequest.objects.select_for_update().select_related("supervisor", "trainee").get(pk=request.pk)
    if request.status != SupervisionRequest.Status.ACCEPTED:
        raise Refused(_("Supervision can be logged once you have accepted the question."))
    if on > timezone.localdate():
        raise Refused(_("Log supervision on the day it took place or later."), field="on")
    if not Decimal(0) < Decimal(hours) <= MAX_SESSION_HOURS:
        raise Refused(_("Enter between 0.5 and 8 hours."), field="hours")
    existing = request.sessions.filter(on=on).first()
    if existing is not None:
        return existing
    session = SupervisionSession.objects.create(request=request, on=on, hours=hours)
    source = f"find.supervision:{session.pk}"
    given = _("Supervision given to %(name)s") % {"name": request.trainee.full_name}
    received = _("Supervision received from %(name)s") % {"name": request.supervisor.full_name}
    for person, description in ((request.supervisor, given), (request.trainee, received)):
        activity_record_automatic(
            person=person, kind=ActivityKind.SUPERVISION, on=on, hours=hours, description=description, source=source
        )
    audit.record("kring.find.supervision.logged", by=by, person_id=request.trainee_id, obj=session)
    return session
