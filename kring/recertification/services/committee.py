"""The certification committee: questions, notes, decisions and their effect on the register,
objections to the board, and first certifications."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kring.accreditation.history import accredited_on
from kring.core import audit, emails
from kring.core.access import acting_account
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.intervision.models import Group, GroupMember
from kring.members.models import Person
from kring.members.people import person_of
from kring.recertification import rules
from kring.recertification.models import (
    Application,
    ApplicationStatus,
    BoardOutcome,
    CertificationScheme,
    CommitteeNote,
    Decision,
    Dossier,
    DossierStatus,
    DossierVersion,
    InformationRequest,
    Objection,
    Outcome,
)
from kring.register import services as register_services
from kring.register.history import period_on
from kring.register.models import Level, Registration, RegistrationPeriod

OPEN = (DossierStatus.COMMITTEE, DossierStatus.INFO_REQUESTED)


def shares_intervision_group(a: Person, b: Person) -> bool:
    """Whether two people are in the same current intervision group (as member or coordinator)."""

    def groups(person):
        member_of = set(
            GroupMember.objects.filter(person=person, left_on__isnull=True).values_list("group_id", flat=True)
        )
        return member_of | set(Group.objects.filter(coordinator=person).values_list("pk", flat=True))

    return bool(groups(a) & groups(b))


def conflict_of_interest(user, person: Person) -> bool:
    """A committee member does not handle their own dossier, nor that of someone in their intervision group."""
    try:
        own = person_of(user)
    except Refused:
        return False
    return own.pk == person.pk or shares_intervision_group(own, person)


def _latest_version(dossier: Dossier) -> DossierVersion | None:
    return dossier.versions.order_by("-number").first()


def _not_open(dossier: Dossier) -> Refused:
    latest = _latest_version(dossier)
    if latest is not None and latest.decisions.exists():
        return Refused(_("A colleague has just decided on this dossier."))
    return Refused(_("This dossier is not with the committee."))


def _check_committee(dossier: Dossier, by) -> Dossier:
    """The dossier, locked for this transaction, if it is with the committee and ``by`` may handle it."""
    dossier = lock_for_decision(
        Dossier.objects.select_related("person", "cycle__registration", "cycle__scheme"),
        dossier.pk,
        states=OPEN,
        refused=_not_open,
    )
    if conflict_of_interest(by, dossier.person):
        raise conflict_refusal()
    return dossier


def conflict_refusal() -> Refused:
    return Refused(
        _(
            "You cannot handle this dossier because of a conflict of interest: it is your own, or "
            "it belongs to someone in your intervision group. Another committee member will."
        )
    )


def _mail(person: Person, name: str, context: dict) -> None:
    if person.email:
        emails.send(name, to=person.email, language=person.language, context={"person": person, **context})


@transaction.atomic
def question_ask(dossier: Dossier, *, question: str, by) -> InformationRequest:
    """Ask the trainer for more information; they answer in the platform."""
    dossier = _check_committee(dossier, by)
    request = InformationRequest.objects.create(dossier=dossier, question=question.strip(), asked_by=by)
    dossier.status = DossierStatus.INFO_REQUESTED
    dossier.save(update_fields=["status"])
    audit.record("kring.recertification.question.asked", by=by, person_id=dossier.person_id, obj=request)
    _mail(dossier.person, "recertification-question", {"dossier": dossier})
    return request


@transaction.atomic
def question_answer(
    request: InformationRequest, *, answer: str, by, attachment=None, attachment_type: str = ""
) -> InformationRequest:
    """The trainer answers a question of the committee, with evidence if they like."""
    request = lock_for_decision(
        InformationRequest,
        request.pk,
        field="answered_at",
        states=[None],
        refused=Refused(_("You have already answered this question.")),
    )
    request.answer, request.answered_at = answer.strip(), timezone.now()
    if attachment is not None:
        request.attachment, request.attachment_type = attachment, attachment_type
    request.save(update_fields=["answer", "answered_at", "attachment", "attachment_type"])
    dossier = Dossier.objects.select_for_update().get(pk=request.dossier_id)  # a decision may be under way
    if (
        dossier.status == DossierStatus.INFO_REQUESTED
        and not dossier.questions.filter(answered_at__isnull=True).exists()
    ):
        dossier.status = DossierStatus.COMMITTEE
        dossier.save(update_fields=["status"])
    audit.record(
        "kring.recertification.question.answered",
        by=by,
        person_id=dossier.person_id,
        obj=request,
        attachment=bool(attachment),
    )
    return request


@transaction.atomic
def note_add(dossier: Dossier, *, text: str, by) -> CommitteeNote:
    """A note of a conversation with the trainer."""
    dossier = _check_committee(dossier, by)
    note = CommitteeNote.objects.create(dossier=dossier, text=text.strip(), written_by=by)
    audit.record("kring.recertification.note.added", by=by, person_id=dossier.person_id, obj=note)
    return note


def apply_decision_to_register(decision: Decision, *, by=None) -> RegistrationPeriod:
    """Let a decision take effect in the register, through the register's own services: the current
    validity ends with the cycle and from the next day the registration is renewed (a new cycle, at the
    basis level, or until the extended date) or expires.
    """
    cycle = decision.dossier.cycle
    registration = cycle.registration
    starts_on = cycle.ends_on + datetime.timedelta(days=1)
    reason = f"{decision.get_outcome_display()}: {decision.reason}"[:300]
    if decision.outcome == Outcome.REFUSE:
        return register_services.registration_expire(registration, on=starts_on, by=by, reason=reason)
    if decision.outcome == Outcome.EXTEND:
        period = register_services.registration_renew(
            registration, starts_on=starts_on, reason=reason, by=by, ends_on=decision.extended_until
        )
        cycle.ends_on = decision.extended_until
        cycle.save(update_fields=["ends_on"])
        return period
    # The level of the cycle that was judged (also when the board reverses an earlier decision).
    during_cycle = period_on(list(registration.periods.all()), cycle.ends_on)
    level = (
        Level.BASIS
        if decision.outcome == Outcome.BASIS
        else (during_cycle.level if during_cycle else cycle.scheme.level)
    )
    scheme = CertificationScheme.objects.for_cycle(level, starts_on)
    return register_services.registration_renew(
        registration,
        starts_on=starts_on,
        reason=reason,
        by=by,
        level=level,
        ends_on=rules.cycle_end(starts_on, scheme.cycle_years if scheme else 5),
    )


def record_decision(
    dossier: Dossier,
    *,
    outcome: str,
    reason: str,
    by,
    conditions: str = "",
    extended_until: datetime.date | None = None,
    by_board: bool = False,
    version: DossierVersion | None = None,
) -> Decision:
    """Record a decision on a round (``version``, by default the last one submitted), let it take
    effect in the register and explain it to the trainer.

    Called inside the transaction of the service that decides (on trust, committee, board), which
    has locked what it decides on. The database stores one decision per round (and one of the
    board), so even a decision that slipped past the lock cannot be stored twice.
    """
    user = acting_account(by)
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("person", "cycle").get(pk=dossier.pk)
    try:
        with transaction.atomic():
            decision = Decision.objects.create(
                dossier=dossier,
                version=version or _latest_version(dossier),
                outcome=outcome,
                reason=reason.strip(),
                conditions=conditions.strip(),
                extended_until=extended_until,
                decided_by=user,
                by_board=by_board,
            )
    except IntegrityError:
        raise Refused(_("A colleague has just decided on this dossier.")) from None
    period = apply_decision_to_register(decision, by=by)
    dossier.status = DossierStatus.DRAFT if outcome == Outcome.EXTEND else DossierStatus.DECIDED
    dossier.save(update_fields=["status"])
    _mail(dossier.person, "recertification-decision", {"decision": decision, "period": period})
    return decision


@transaction.atomic
def dossier_decide(
    dossier: Dossier,
    *,
    outcome: str,
    reason: str,
    by,
    conditions: str = "",
    extended_until: datetime.date | None = None,
) -> Decision:
    """The committee decides on a dossier, with a written reason. The dossier is locked and checked
    first: of two members deciding at the same moment, the second is told a colleague just did."""
    dossier = _check_committee(dossier, by)
    if dossier.questions.filter(answered_at__isnull=True).exists():
        raise Refused(_("The trainer has not yet answered the committee's question. Decide after the answer."))
    if not reason.strip():
        raise Refused(_("Please write the reason for the decision."))
    if outcome == Outcome.ACCEPT_WITH_CONDITIONS and not conditions.strip():
        raise Refused(_("Please write the conditions."))
    if outcome == Outcome.EXTEND and (extended_until is None or extended_until <= dossier.cycle.ends_on):
        raise Refused(_("Please give a new end date after the current end of the cycle."))
    decision = record_decision(
        dossier,
        outcome=outcome,
        reason=reason,
        by=by,
        conditions=conditions,
        extended_until=extended_until if outcome == Outcome.EXTEND else None,
    )
    audit.record(
        "kring.recertification.dossier.decided", by=by, person_id=dossier.person_id, obj=decision, outcome=outcome
    )
    return decision


@transaction.atomic
def objection_file(decision: Decision, *, text: str, by, today: datetime.date | None = None) -> Objection:
    """The trainer objects to a decision, to the board, within four weeks. Sending the same objection
    twice (a double click) stores it once."""
    today = today or timezone.localdate()
    decision = Decision.objects.select_for_update(of=("self",)).select_related("dossier").get(pk=decision.pk)
    earlier = Objection.objects.filter(decision=decision).first()
    if earlier is not None:
        if earlier.text == text.strip():
            return earlier
        raise Refused(_("You have already objected to this decision."))
    if decision.by_board:
        raise Refused(_("The board's decision is final."))
    if decision.outcome == Outcome.ACCEPT:
        raise Refused(_("There is nothing to object to in an acceptance."))
    if today > decision.objection_deadline:
        raise Refused(
            _("The four weeks for an objection ended on %(date)s.")
            % {"date": date_format(decision.objection_deadline, "j F Y")}
        )
    if not text.strip():
        raise Refused(_("Please write why you object."))
    objection = Objection.objects.create(decision=decision, text=text.strip())
    audit.record("kring.recertification.objection.filed", by=by, person_id=decision.dossier.person_id, obj=objection)
    return objection


@transaction.atomic
def objection_decide(
    objection: Objection, *, outcome: str, reason: str, by, new_outcome: str = Outcome.ACCEPT
) -> Objection:
    """The board decides on an objection; its decision is final. Upheld: the board's outcome takes effect.
    The objection is locked and checked first, so two board members cannot both decide."""
    objection = lock_for_decision(
        Objection.objects.select_related("decision__dossier__person"),
        objection.pk,
        field="board_outcome",
        states=[""],
        refused=Refused(_("A board member has just decided on this objection.")),
    )
    if objection.decision.dossier.person.user_id == getattr(by, "pk", None):
        raise Refused(_("You cannot decide on your own objection; another board member does."))
    if not reason.strip():
        raise Refused(_("Please write the reason for the decision."))
    objection.board_outcome, objection.board_reason = outcome, reason.strip()
    objection.board_decided_by, objection.board_decided_at = by, timezone.now()
    objection.save()
    dossier = objection.decision.dossier
    if outcome == BoardOutcome.UPHELD:
        if new_outcome == Outcome.EXTEND:
            raise Refused(_("The board cannot extend a cycle; choose another outcome."))
        record_decision(
            dossier, outcome=new_outcome, reason=reason, by=by, by_board=True, version=objection.decision.version
        )
    else:
        _mail(dossier.person, "recertification-objection", {"objection": objection})
    audit.record(
        "kring.recertification.objection.decided", by=by, person_id=dossier.person_id, obj=objection, outcome=outcome
    )
    return objection


@transaction.atomic
def application_submit(*, person: Person, data: dict, certificate, certificate_type: str, by) -> Application:
    """A graduate applies for a first certification. Sending the same application twice (a double
    click) stores it once: the person is locked while their open application is looked for."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if Registration.objects.filter(person=person).exists():
        raise Refused(_("You already have a registration; your recertification runs through your dossier."))
    open_application = Application.objects.filter(person=person, status=ApplicationStatus.SUBMITTED).first()
    if open_application is not None:
        if all(getattr(open_application, name) == value for name, value in data.items()):
            return open_application
        raise Refused(_("Your application is already with the committee."))
    graduate = data.get("graduate")
    if graduate is not None:
        data = {
            **data,
            "programme_name": data.get("programme_name") or str(graduate.programme),
            "graduated_on": graduate.graduated_on,
        }
    application = Application.objects.create(
        person=person,
        certificate=certificate,
        certificate_type=certificate_type,
        programme_accredited=graduate is not None and accredited_on(graduate.programme, graduate.graduated_on),
        **data,
    )
    audit.record("kring.recertification.application.submitted", by=by, person_id=person.pk, obj=application)
    return application


@transaction.atomic
def application_decide(
    application: Application, *, accept: bool, reason: str, by, level: str | None = None
) -> Application:
    """The committee decides on a first certification; acceptance creates the registration.
    The application is locked and checked first, so two members cannot both decide."""
    application = lock_for_decision(
        Application.objects.select_related("person"),
        application.pk,
        states=[ApplicationStatus.SUBMITTED],
        refused=Refused(_("A colleague has just decided on this application.")),
    )
    if conflict_of_interest(by, application.person):
        raise Refused(_("You cannot handle this application because of a conflict of interest."))
    if not reason.strip():
        raise Refused(_("Please write the reason for the decision."))
    application.reason, application.decided_by, application.decided_at = reason.strip(), by, timezone.now()
    if accept:
        level = level or application.level
        today = timezone.localdate()
        scheme = CertificationScheme.objects.for_cycle(level, today)
        registration = register_services.registration_create(
            person=application.person,
            level=level,
            starts_on=today,
            ends_on=rules.cycle_end(today, scheme.cycle_years if scheme else 5),
            reason="first certification",
            by=by,
        )
        application.registration, application.status = registration, ApplicationStatus.ACCEPTED
    else:
        application.status = ApplicationStatus.REFUSED
    application.save()
    audit.record(
        "kring.recertification.application.decided",
        by=by,
        person_id=application.person_id,
        obj=application,
        outcome=application.status,
    )
    _mail(application.person, "recertification-application", {"application": application})
    return application
