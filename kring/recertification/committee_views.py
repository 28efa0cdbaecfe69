"""Pages of the certification committee, the office overview and the board's objections."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core.access import allow
from kring.core.downloads import stored_file
from kring.core.refusals import Refused
from kring.cpd.models import Activity
from kring.recertification import forms, visibility
from kring.recertification.models import (
    ApplicationStatus,
    Decision,
    Dossier,
    DossierStatus,
)
from kring.recertification.services import committee as services
from kring.recertification.services import conditions
from kring.recertification.services.cycles import cycle_progress
from kring.recertification.views import dossier_gap_lines, evidence_name

CERTIFICATION = "certification"


def _dossiers(request):
    """The dossiers this committee member may read and act on (others give 404)."""
    return visibility.committee_dossiers(request.user).select_related("person", "cycle__registration", "cycle__scheme")


@allow(CERTIFICATION)
def queue(request):
    dossiers = (
        _dossiers(request)
        .filter(status__in=services.OPEN)
        .annotate(open_questions=Count("questions", filter=Q(questions__answered_at__isnull=True)))
        .order_by("submitted_at")
    )
    applications = (
        visibility.committee_applications(request.user)
        .filter(status=ApplicationStatus.SUBMITTED)
        .select_related("person")
    )
    # Left out, not shown as "with a colleague": whose dossier is with the committee stays private.
    left_out = (
        visibility.dossiers_before_committee()
        .filter(status__in=services.OPEN, person__in=visibility.conflicted_people(request.user).values("pk"))
        .count()
    )
    return render(
        request,
        "recertification/committee_queue.html",
        {
            "dossiers": dossiers,
            "applications": applications,
            "left_out": left_out,
            "open_conditions": conditions.open_conditions().filter(dossier__in=_dossiers(request)),
        },
    )


@allow(CERTIFICATION)
def dossier(request, pk):
    dossier = get_object_or_404(_dossiers(request), pk=pk)
    activities = Activity.objects.filter(
        person=dossier.person, date__gte=dossier.cycle.starts_on, date__lte=dossier.cycle.ends_on
    ).select_related("programme")
    questions = list(dossier.questions.all())
    progress = cycle_progress(dossier.cycle, dossier.person)
    return render(
        request,
        "recertification/committee_dossier.html",
        {
            "dossier": dossier,
            "activities": activities,
            "progress": progress,
            "gaps": dossier_gap_lines(dossier, progress),
            "peers": dossier.peers.select_related("colleague"),
            "versions": dossier.versions.all(),
            "questions": questions,
            "notes": dossier.notes.all(),
            "decisions": dossier.decisions.all(),
            "draws": dossier.draws.all(),
            "open": dossier.status in services.OPEN,
            "question_form": forms.QuestionForm(),
            "awaiting_answer": any(q.answered_at is None for q in questions),
            "note_form": forms.NoteForm(),
            "decision_form": forms.DecisionForm(),
            "conditions_form": forms.ConditionsMetForm(),
        },
    )


def _post(request, pk, form_class, action, success):
    dossier = get_object_or_404(_dossiers(request), pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.info(request, _("Please fill in the form completely."))
    else:
        try:
            action(dossier, form.cleaned_data)
            messages.success(request, success)
        except Refused as refused:
            messages.info(request, str(refused))
    return redirect("recertification:committee_dossier", pk=pk)


@require_POST
@allow(CERTIFICATION)
def ask(request, pk):
    return _post(
        request,
        pk,
        forms.QuestionForm,
        lambda d, data: services.question_ask(d, question=data["question"], by=request.user),
        _("Your question has been sent to the trainer."),
    )


@require_POST
@allow(CERTIFICATION)
def note(request, pk):
    return _post(
        request,
        pk,
        forms.NoteForm,
        lambda d, data: services.note_add(d, text=data["text"], by=request.user),
        _("The note has been saved."),
    )


@require_POST
@allow(CERTIFICATION)
def decide(request, pk):
    return _post(
        request,
        pk,
        forms.DecisionForm,
        lambda d, data: services.dossier_decide(
            d,
            outcome=data["outcome"],
            reason=data["reason"],
            conditions=data["conditions"],
            extended_until=data["extended_until"],
            by=request.user,
        ),
        _("The decision has been recorded and sent."),
    )


@require_POST
@allow(CERTIFICATION)
def conditions_met(request, pk):
    decision = get_object_or_404(Decision.objects.filter(dossier__in=_dossiers(request)), pk=pk)
    form = forms.ConditionsMetForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please keep the note under 3,000 characters."))
    else:
        try:
            conditions.decision_conditions_meet(decision, note=form.cleaned_data["note"], by=request.user)
            messages.success(request, _("The conditions are marked as met."))
        except Refused as refused:
            messages.info(request, str(refused))
    return redirect("recertification:committee_dossier", pk=decision.dossier_id)


@allow(CERTIFICATION)
def evidence(request, pk):
    activity = get_object_or_404(visibility.committee_activities(request.user), pk=pk)
    return stored_file(activity.evidence, name=evidence_name(activity), content_type=activity.evidence_type)


@allow(CERTIFICATION)
def answer_attachment(request, pk):
    question = get_object_or_404(visibility.committee_questions(request.user), pk=pk)
    return stored_file(question.attachment, name=f"answer-{question.pk}", content_type=question.attachment_type)


@allow(CERTIFICATION)
def application(request, pk):
    application = get_object_or_404(visibility.committee_applications(request.user).select_related("person"), pk=pk)
    form = forms.ApplicationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_decide(
                application, accept=form.cleaned_data["accept"], reason=form.cleaned_data["reason"], by=request.user
            )
            messages.success(request, _("The decision has been recorded and sent."))
            return redirect("recertification:committee_queue")
        except Refused as refused:
            form.add_error(None, str(refused))
    return render(request, "recertification/committee_application.html", {"application": application, "form": form})


@allow(CERTIFICATION)
def certificate(request, pk):
    application = get_object_or_404(visibility.committee_applications(request.user), pk=pk)
    return stored_file(
        application.certificate, name=f"certificate-{application.pk}", content_type=application.certificate_type
    )


@allow("office")
def office_overview(request):
    """The office sees where each dossier is, never what trainers wrote in it."""
    dossiers = Dossier.objects.select_related("person", "cycle__registration").only(
        "pk",
        "status",
        "submitted_at",
        "person__first_name",
        "person__name_prefix",
        "person__last_name",
        "cycle__ends_on",
        "cycle__registration__number",
    )
    counts = dict(Dossier.objects.values_list("status").annotate(n=Count("pk")))
    return render(
        request,
        "recertification/office_overview.html",
        {"dossiers": dossiers, "counts": [(label, counts.get(value, 0)) for value, label in DossierStatus.choices]},
    )


@allow("board")
def board_objections(request):
    objections = (
        visibility.board_objections(request.user)
        .select_related("decision__dossier__person")
        .order_by("board_decided_at", "filed_at")
    )
    return render(request, "recertification/board_objections.html", {"objections": objections})


@allow("board")
def board_objection(request, pk):
    objection = get_object_or_404(
        visibility.board_objections(request.user).select_related("decision__dossier__person"), pk=pk
    )
    form = forms.BoardDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.objection_decide(
                objection,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
                new_outcome=form.cleaned_data["new_outcome"] or "accept",
                by=request.user,
            )
            messages.success(request, _("The board's decision has been recorded. It is final."))
            return redirect("recertification:board_objections")
        except Refused as refused:
            form.add_error(None, str(refused))
    return render(request, "recertification/board_objection.html", {"objection": objection, "form": form})
