"""The accreditation committee's review: the chair assigns reviewers, reviewers state conflicts of
interest and assess per criterion, the committee asks questions (the clock stops until the answer)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.accreditation import mail, rules
from kring.accreditation.models import (
    Application,
    ApplicationStatus,
    Assessment,
    InstituteStaff,
    Kind,
    Question,
    Reviewer,
    Teacher,
    Verdict,
)
from kring.accreditation.services import applications
from kring.accreditation.services.institutes import is_chair
from kring.core import audit
from kring.core.access import has_role
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.core.roles import Role
from kring.members.models import Person

IN_REVIEW = (ApplicationStatus.COMMITTEE, ApplicationStatus.QUESTIONS)


def teaches_at(user, institute) -> bool:
    """Whether the account teaches at, or acts for, the institute: then it cannot review its programmes."""
    if InstituteStaff.objects.filter(user=user, institute=institute).exists():
        return True
    addresses = {user.email.lower()}
    addresses |= {e.lower() for e in Person.objects.filter(user=user).exclude(email="").values_list("email", flat=True)}
    return Teacher.objects.filter(institute=institute, email__in=addresses).exists()


def _in_review(application: Application) -> Application:
    return lock_for_decision(
        Application.objects.select_related("programme__institute"),
        application.pk,
        states=IN_REVIEW,
        refused=Refused(_("This application is not with the committee (any more).")),
    )


def reviewer_assign(application: Application, *, user, by) -> Reviewer:
    """The chair assigns a committee member. Someone who teaches at the institute is refused."""
    if not is_chair(by, timezone.localdate()):
        raise Refused(_("Only the chair of the committee assigns reviewers."))
    if not has_role(user, Role.ACCREDITATION):
        raise Refused(_("Only members of the accreditation committee can review."), field="user")
    with transaction.atomic():
        application = _in_review(application)
        if teaches_at(user, application.programme.institute):
            raise Refused(
                _(
                    "This committee member teaches at or works for the institute, so they cannot review it. Please choose someone else."
                ),
                field="user",
            )
        if application.reviewers.filter(user=user).exists():
            raise Refused(_("This committee member is already a reviewer of this application."), field="user")
        reviewer = Reviewer.objects.create(application=application, user=user, assigned_by=by)
        audit.record("kring.accreditation.reviewer.assigned", by=by, obj=application, reviewer=user.pk)
    return reviewer


def conflict_state(reviewer: Reviewer, *, has_conflict: bool, statement: str, by) -> Reviewer:
    """The reviewer states whether they have a conflict of interest; with one, they step aside."""
    if reviewer.user_id != by.pk:
        raise Refused(_("Only the reviewer themself can give this statement."))
    if has_conflict and not statement.strip():
        raise Refused(_("Please say briefly what the conflict is."), field="statement")
    with transaction.atomic():
        reviewer = Reviewer.objects.select_for_update().get(pk=reviewer.pk)
        if reviewer.stated_at is not None:
            raise Refused(_("You have already given your statement."))
        reviewer.has_conflict, reviewer.statement, reviewer.stated_at = has_conflict, statement.strip(), timezone.now()
        reviewer.save(update_fields=["has_conflict", "statement", "stated_at"])
        audit.record("kring.accreditation.reviewer.stated", by=by, obj=reviewer.application, conflict=has_conflict)
    return reviewer


def assessment_save(reviewer: Reviewer, *, verdicts: dict[str, tuple[str, str]], by) -> list[Assessment]:
    """A reviewer's assessment of the latest submitted version, per criterion: (verdict, note)."""
    if reviewer.user_id != by.pk:
        raise Refused(_("Only the reviewer themself can assess."))
    if any(kind not in Kind.values or verdict not in Verdict.values for kind, (verdict, _note) in verdicts.items()):
        raise Refused(_("Please choose an assessment for each criterion."))
    with transaction.atomic():
        application = _in_review(reviewer.application)
        reviewer = Reviewer.objects.get(pk=reviewer.pk)  # as stated now, under the application's lock
        if not reviewer.may_assess:
            raise Refused(_("Please first state that you have no conflict of interest with this institute."))
        if teaches_at(by, application.programme.institute):
            raise Refused(_("You teach at or work for this institute, so you cannot assess it."))
        version = application.versions.order_by("-number").first()
        saved = [
            Assessment.objects.update_or_create(
                reviewer=reviewer, version=version, kind=kind, defaults={"verdict": verdict, "note": note.strip()}
            )[0]
            for kind, (verdict, note) in verdicts.items()
        ]
        audit.record("kring.accreditation.assessment.saved", by=by, obj=application, version=version.number)
    return saved


def _institute_mail(application: Application, name: str, context: dict) -> None:
    mail.to_institute(name, application.programme.institute, {"application": application, **context})


def question_ask(application: Application, *, text: str, by) -> Question:
    """Ask the institute a question; the review clock stops until they answer."""
    if not text.strip():
        raise Refused(_("Please write the question."), field="text")
    with transaction.atomic():
        application = _in_review(application)
        if teaches_at(by, application.programme.institute):
            raise Refused(_("You teach at or work for this institute, so you cannot handle its application."))
        question = Question.objects.create(application=application, text=text.strip(), asked_by=by)
        application.status = ApplicationStatus.QUESTIONS
        application.save(update_fields=["status"])
        audit.record("kring.accreditation.question.asked", by=by, obj=application, question=question.pk)
        _institute_mail(application, "accreditation-question", {"question": question})
    return question


def question_answer(question: Question, *, answer: str, by) -> Question:
    """The institute answers. Answers it changed meanwhile become a new submitted version; when no
    question is open any more, the application is back with the committee and the clock runs."""
    if not answer.strip():
        raise Refused(_("Please write your answer."), field="answer")
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=question.application_id)
            question = Question.objects.select_for_update().get(pk=question.pk)
            if question.answered_at is not None:
                raise Refused(_("This question has already been answered."))
            question.answer, question.answered_by, question.answered_at = answer.strip(), by, timezone.now()
            question.save(update_fields=["answer", "answered_by", "answered_at"])
            content = applications.content_of(application)
            latest = application.versions.order_by("-number").first()
            if latest is not None and latest.content != content:
                applications.freeze(application, criteria=application.criteria, content=content, by=by)
            if not application.questions.filter(answered_at__isnull=True).exists():
                application.status = ApplicationStatus.COMMITTEE
                application.save(update_fields=["status"])
            audit.record("kring.accreditation.question.answered", by=by, obj=application, question=question.pk)
    except IntegrityError as error:
        raise Refused(_("Please try again in a moment.")) from error
    return question


def clock_of(application: Application):
    """The review clock of an application, from the first submit, stopped by open questions."""
    today = timezone.localdate()
    if application.submitted_at is None:
        return None
    pauses = [
        (timezone.localdate(q.asked_at), timezone.localdate(q.answered_at) if q.answered_at else None)
        for q in application.questions.all()
    ]
    return rules.review_clock(timezone.localdate(application.submitted_at), pauses, today)
