"""The institute's application: start (from the last one), answer per criterion, add documents,
submit. A submit freezes what was written in a new ``ApplicationVersion``; the same content twice
(a double click) is stored once."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.accreditation import rules
from kring.accreditation.models import (
    NUMERIC,
    Answer,
    Application,
    ApplicationStatus,
    ApplicationVersion,
    CriteriaVersion,
    Document,
    Kind,
    Programme,
)
from kring.core import audit
from kring.core.refusals import Refused

EDITABLE = (ApplicationStatus.DRAFT, ApplicationStatus.QUESTIONS)


def application_start(programme: Programme, *, by) -> Application:
    """Open an application; a re-accreditation starts from the answers of the last one."""
    with transaction.atomic():
        Programme.objects.select_for_update().get(pk=programme.pk)
        open_one = programme.applications.exclude(status=ApplicationStatus.DECIDED).first()
        if open_one is not None:
            return open_one
        last = programme.applications.order_by("-created_at").first()
        application = Application.objects.create(programme=programme, based_on=last)
        if last is not None:
            Answer.objects.bulk_create(
                Answer(application=application, kind=a.kind, number=a.number, text=a.text) for a in last.answers.all()
            )
        audit.record(
            "kring.accreditation.application.started", by=by, obj=application, based_on=getattr(last, "pk", None)
        )
    return application


def _locked_editable(application: Application) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in EDITABLE:
        raise Refused(_("This application is with the committee now; you can change it when they ask you a question."))
    return application


def answer_save(application: Application, *, kind: str, number: Decimal | None, text: str, by) -> Answer:
    """Save one criterion's answer as the institute goes. Hours below zero, or contact hours above the
    study hours, are refused and nothing is saved."""
    if kind not in Kind.values:
        raise Refused(_("We do not know this criterion."))
    if kind in NUMERIC and number is None:
        raise Refused(_("Please fill in a number."), field="number")
    if number is not None and number < 0:
        raise Refused(_("A number of hours, days or months cannot be below zero."), field="number")
    with transaction.atomic():
        application = _locked_editable(application)
        figures = {
            a.kind: a.number for a in application.answers.filter(kind__in=[Kind.CURRICULUM_HOURS, Kind.CONTACT_HOURS])
        }
        figures[kind] = number
        if rules.hours_problem(figures.get(Kind.CURRICULUM_HOURS), figures.get(Kind.CONTACT_HOURS)):
            raise Refused(
                _("The contact hours cannot be more than the study hours in all. Please check both figures."),
                field="number",
            )
        answer, _created = Answer.objects.update_or_create(
            application=application,
            kind=kind,
            defaults={"number": number if kind in NUMERIC else None, "text": text.strip()},
        )
        audit.record("kring.accreditation.answer.saved", by=by, obj=application, kind=kind)
    return answer


def document_add(application: Application, *, title: str, kind: str, file, content_type: str, by) -> Document:
    """Add a document that ``kring.cpd.evidence.clean_evidence`` has already checked and cleaned."""
    with transaction.atomic():
        application = _locked_editable(application)
        document = Document.objects.create(
            application=application, title=title.strip(), kind=kind, file=file, content_type=content_type
        )
        audit.record("kring.accreditation.document.added", by=by, obj=application, document=document.pk)
    return document


def content_of(application: Application) -> dict:
    """What a submit freezes: every answer and the list of documents."""
    answers = {
        a.kind: {"number": str(a.number) if a.number is not None else None, "text": a.text}
        for a in application.answers.order_by("kind")
    }
    documents = [{"id": d.pk, "title": d.title, "kind": d.kind} for d in application.documents.order_by("pk")]
    return {"answers": answers, "documents": documents}


def missing(application: Application, criteria: CriteriaVersion) -> list[str]:
    """The criteria not yet answered (a number for the numeric ones, words for the others)."""
    answers = {a.kind: a for a in application.answers.all()}
    out = []
    for criterion in criteria.criteria.all():
        answer = answers.get(criterion.kind)
        if (
            answer is None
            or (criterion.numeric and answer.number is None)
            or (not criterion.numeric and not answer.text)
        ):
            out.append(criterion.kind)
    return out


def application_submit(application: Application, *, by) -> ApplicationVersion:
    """Submit to the committee. The criteria version is the one valid on the first submit; the same
    content submitted again returns the version already stored."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        content = content_of(application)
        latest = application.versions.order_by("-number").first()
        if latest is not None and latest.content == content and application.status == ApplicationStatus.COMMITTEE:
            return latest
        if application.status != ApplicationStatus.DRAFT:
            raise Refused(_("This application is with the committee or decided; there is nothing to submit."))
        criteria = application.criteria or CriteriaVersion.objects.valid_on(timezone.localdate())
        if missing(application, criteria):
            raise Refused(_("Please answer every criterion first; the list shows which are still open."))
        version = freeze(application, criteria=criteria, content=content, by=by)
        application.criteria = criteria
        application.status = ApplicationStatus.COMMITTEE
        application.submitted_at = application.submitted_at or version.submitted_at
        application.save(update_fields=["criteria", "status", "submitted_at"])
        audit.record("kring.accreditation.application.submitted", by=by, obj=application, version=version.number)
    return version


def freeze(application: Application, *, criteria: CriteriaVersion, content: dict, by) -> ApplicationVersion:
    """A new submitted version of ``content`` (inside the caller's transaction and lock)."""
    latest = application.versions.order_by("-number").first()
    return ApplicationVersion.objects.create(
        application=application,
        number=(latest.number + 1) if latest else 1,
        criteria=criteria,
        content=content,
        submitted_by=by,
    )
