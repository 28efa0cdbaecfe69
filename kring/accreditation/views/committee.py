"""Pages of the accreditation committee: the queue, one application with its review, and the
actions on it (assign, state, assess, ask, decide, record a condition as met)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.accounts.models import RoleGrant, User
from kring.accreditation import forms, rules
from kring.accreditation.models import ORDER, ApplicationStatus, Condition, Reviewer
from kring.accreditation.services import decisions, review
from kring.accreditation.services.institutes import is_chair
from kring.accreditation.visibility import committee_applications
from kring.core.access import allow
from kring.core.refusals import Refused, as_message
from kring.core.roles import Role

ACCREDITATION = "accreditation"


@allow(ACCREDITATION)
def queue(request):
    applications = (
        committee_applications(request.user)
        .exclude(status=ApplicationStatus.DECIDED)
        .prefetch_related("questions")
        .order_by("submitted_at")
    )
    rows = [(a, review.clock_of(a)) for a in applications]
    decided = (
        committee_applications(request.user).filter(status=ApplicationStatus.DECIDED).order_by("-submitted_at")[:20]
    )
    return render(request, "accreditation/committee_queue.html", {"rows": rows, "decided": decided})


def _members():
    today = timezone.localdate()
    ids = RoleGrant.objects.current(today).filter(role=Role.ACCREDITATION).values_list("user_id", flat=True)
    return User.objects.filter(pk__in=ids).order_by("email")


@allow(ACCREDITATION)
def application(request, pk):
    application = get_object_or_404(committee_applications(request.user), pk=pk)
    version = application.versions.order_by("-number").first()
    criteria = sorted(application.criteria.criteria.all(), key=lambda c: ORDER.index(c.kind))
    checks = {c.kind: c for c in rules.judge(version.content, [(c.kind, c.minimum) for c in criteria])}
    answers = version.content.get("answers", {})
    reviewers = application.reviewers.select_related("user").prefetch_related("assessments")
    mine = next((r for r in reviewers if r.user_id == request.user.pk), None)
    own = {a.kind: (a.verdict, a.note) for a in mine.assessments.all() if a.version_id == version.pk} if mine else {}
    context = {
        "application": application,
        "version": version,
        "rows": [(c, answers.get(c.kind, {}), checks[c.kind]) for c in criteria],
        "documents": application.documents.all(),
        "reviewers": reviewers,
        "mine": mine,
        "is_chair": is_chair(request.user, timezone.localdate()),
        "assign_form": forms.AssignForm(members=_members()),
        "statement_form": forms.StatementForm(),
        "assessment_form": forms.AssessmentForm(criteria=criteria, initial_verdicts=own)
        if mine and mine.may_assess
        else None,
        "question_form": forms.QuestionForm(),
        "decision_form": forms.DecisionForm(),
        "questions": application.questions.all(),
        "clock": review.clock_of(application),
        "decisions": application.decisions.prefetch_related("conditions").select_related("objection"),
        "condition_form": forms.ConditionMetForm(),
    }
    return render(request, "accreditation/committee_application.html", context)


def _back(application):
    return redirect("accreditation:committee_application", pk=application.pk)


@require_POST
@allow(ACCREDITATION)
def assign(request, pk):
    application = get_object_or_404(committee_applications(request.user), pk=pk)
    form = forms.AssignForm(request.POST, members=_members())
    try:
        if not form.is_valid():
            raise Refused(_("Please choose a committee member."))
        user = User.objects.get(pk=form.cleaned_data["user"])
        review.reviewer_assign(application, user=user, by=request.user)
        messages.success(request, _("The reviewer has been assigned."))
    except Refused as refused:
        as_message(request, refused)
    return _back(application)


@require_POST
@allow(ACCREDITATION)
def statement(request, pk):
    reviewer = get_object_or_404(
        Reviewer, pk=pk, user=request.user, application__in=committee_applications(request.user)
    )
    form = forms.StatementForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(_("Please say whether you have a conflict of interest."))
        review.conflict_state(reviewer, **form.cleaned_data, by=request.user)
        messages.success(request, _("Thank you for your statement."))
    except Refused as refused:
        as_message(request, refused)
    return _back(reviewer.application)


@require_POST
@allow(ACCREDITATION)
def assess(request, pk):
    reviewer = get_object_or_404(
        Reviewer, pk=pk, user=request.user, application__in=committee_applications(request.user)
    )
    application = reviewer.application
    form = forms.AssessmentForm(request.POST, criteria=list(application.criteria.criteria.all()))
    try:
        if not form.is_valid():
            raise Refused(_("Please choose an assessment for each criterion."))
        review.assessment_save(reviewer, verdicts=form.verdicts(), by=request.user)
        messages.success(request, _("Your assessment has been saved."))
    except Refused as refused:
        as_message(request, refused)
    return _back(application)


@require_POST
@allow(ACCREDITATION)
def ask(request, pk):
    application = get_object_or_404(committee_applications(request.user), pk=pk)
    form = forms.QuestionForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(_("Please write the question."))
        review.question_ask(application, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, _("The question has been sent. The clock stands still until the institute answers."))
    except Refused as refused:
        as_message(request, refused)
    return _back(application)


@require_POST
@allow(ACCREDITATION)
def decide(request, pk):
    application = get_object_or_404(committee_applications(request.user), pk=pk)
    form = forms.DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(" ".join(e for errors in form.errors.values() for e in errors))
        decisions.application_decide(
            application,
            outcome=form.cleaned_data["outcome"],
            reason=form.cleaned_data["reason"],
            conditions=form.conditions(),
            by=request.user,
        )
        messages.success(request, _("The decision has been recorded and sent to the institute."))
    except Refused as refused:
        as_message(request, refused)
    return _back(application)


@require_POST
@allow(ACCREDITATION)
def condition_met(request, pk):
    condition = get_object_or_404(
        Condition.objects.select_related("decision__application"),
        pk=pk,
        decision__application__in=committee_applications(request.user),
    )
    form = forms.ConditionMetForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(_("Please write briefly how the condition was met."))
        decisions.condition_met(condition, note=form.cleaned_data["note"], by=request.user)
        messages.success(request, _("The condition has been recorded as met."))
    except Refused as refused:
        as_message(request, refused)
    return _back(condition.decision.application)
