"""The trainer's pages: where do I stand, the CPD log, the dossier and peer conversations."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kring.accreditation.access import graduations_of
from kring.complaints.models import EthicsCode
from kring.complaints.services import ethics as complaints_ethics
from kring.core.access import TRAINER, USER, allow
from kring.core.downloads import stored_file
from kring.core.refusals import Refused
from kring.cpd.models import Activity
from kring.members.people import person_of
from kring.recertification import forms
from kring.recertification.models import (
    Application,
    Decision,
    DossierStatus,
    InformationRequest,
    PeerInvitation,
    RequirementKind,
)
from kring.recertification.services import committee as committee_services
from kring.recertification.services import conditions, cycles, dossiers
from kring.register.public import standing_today

GAP_LABELS = {
    "ethics": gettext_lazy("The code of ethics has not been accepted yet."),
    "reflection": gettext_lazy("The reflection is still empty."),
    "peers": gettext_lazy("Two colleagues have not yet confirmed the peer conversation."),
    "peer_report": gettext_lazy("The report of the peer conversation is still empty."),
}


def dossier_gap_lines(dossier, progress) -> list[str]:
    """What the dossier still lacks, in words; an unmet requirement by name, with how far it is."""
    lines = []
    for gap in dossiers.dossier_gaps(dossier, progress):
        if gap != "requirements":
            lines.append(str(GAP_LABELS[gap]))
            continue
        for item in progress:
            label = RequirementKind(item.kind).label
            if not item.per_year and not item.met:
                lines.append(_("%(requirement)s: %(done)s of %(required)s done.") % _amounts(label, item))
            # A requirement per year is open per year: a busy year does not make up for a quiet one.
            for stretch in [s for s in item.stretches if item.per_year and not s.met]:
                lines.append(
                    _("%(requirement)s, the year until %(end)s: %(done)s of %(required)s done.")
                    % {**_amounts(label, stretch), "end": date_format(stretch.ends_on, "j F Y")}
                )
    return lines


def _amounts(label, progress) -> dict:
    return {
        "requirement": label,
        "done": floatformat(progress.done, -1),
        "required": floatformat(progress.required, -1),
    }


def _trainer_context(request):
    """The trainer, their registration and their current cycle (or 404 when they have none)."""
    person = person_of(request.user)
    registration = cycles.current_registration(person)
    cycle = cycles.cycle_for(registration) if registration else None
    if cycle is None:
        raise Http404
    return person, registration, cycle


def valid_until(registration):
    """What the register shows as the validity: the end of today's registered stretch (None: open)."""
    return standing_today(registration).until


@allow(TRAINER)
def dashboard(request):
    person, registration, cycle = _trainer_context(request)
    progress = cycles.cycle_progress(cycle, person)
    today = timezone.localdate()
    dossier = dossiers.dossier_for_cycle(cycle)
    return render(
        request,
        "recertification/dashboard.html",
        {
            "person": person,
            "registration": registration,
            "cycle": cycle,
            "today": today,
            "progress": [(p, p.next_open(today), p.current(today)) for p in progress],
            "valid_until": valid_until(registration),
            "dossier": dossier,
            "invitations": PeerInvitation.objects.filter(colleague=person, confirmed_at__isnull=True).count(),
            "ethics_accepted": complaints_ethics.has_accepted_current(person),
            "open_conditions": conditions.open_conditions().filter(dossier__person=person),
        },
    )


@allow(TRAINER)
def activity_list(request):
    person, registration, cycle = _trainer_context(request)
    activities = Activity.objects.filter(person=person).select_related("programme")
    return render(request, "recertification/activity_list.html", {"activities": activities, "cycle": cycle})


def _activity_form_view(request, activity=None):
    person, registration, cycle = _trainer_context(request)
    form = forms.ActivityForm(request.POST or None, request.FILES or None, instance=activity, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        evidence = form.cleaned_data.get("evidence_file")
        try:
            if activity is None:
                cycles.activity_add(
                    person=person,
                    data=form.activity_data(),
                    evidence=evidence,
                    evidence_type=form.content_type,
                    by=request.user,
                )
                messages.success(request, _("The activity has been added to your log."))
            else:
                cycles.activity_change(
                    activity,
                    data=form.activity_data(),
                    evidence=evidence,
                    evidence_type=form.content_type,
                    by=request.user,
                )
                messages.success(request, _("The activity has been saved."))
            return redirect("recertification:activity_list")
        except Refused as refused:
            form.add_error(None, str(refused))
    return render(request, "recertification/activity_form.html", {"form": form, "activity": activity, "cycle": cycle})


@allow(TRAINER)
def activity_add(request):
    return _activity_form_view(request)


def _own_manual_activity(request, pk) -> Activity | None:
    """The trainer's own activity, or None (with a kind message) when Kring recorded it itself."""
    activity = get_object_or_404(Activity, pk=pk, person__user=request.user)
    if activity.is_automatic:
        messages.info(request, _("Kring recorded this activity itself, so it cannot be changed here."))
        return None
    return activity


@allow(TRAINER)
def activity_edit(request, pk):
    activity = _own_manual_activity(request, pk)
    if activity is None:
        return redirect("recertification:activity_list")
    return _activity_form_view(request, activity)


@allow(TRAINER)
def activity_delete(request, pk):
    activity = _own_manual_activity(request, pk)
    if activity is None:
        return redirect("recertification:activity_list")
    if request.method == "POST":
        cycles.activity_delete(activity, by=request.user)
        messages.success(request, _("The activity has been removed from your log."))
        return redirect("recertification:activity_list")
    return render(request, "recertification/activity_delete.html", {"activity": activity})


def evidence_name(activity) -> str:
    """The file name of an activity's evidence, the same for the trainer and the committee."""
    return f"evidence-{activity.date:%Y-%m-%d}-{activity.pk}"


@allow(TRAINER)
def activity_evidence(request, pk):
    activity = get_object_or_404(Activity, pk=pk, person__user=request.user)
    return stored_file(activity.evidence, name=evidence_name(activity), content_type=activity.evidence_type)


@allow(TRAINER)
def dossier(request):
    person, registration, cycle = _trainer_context(request)
    dossier = dossiers.dossier_for_cycle(cycle)
    started = dossier.pk is not None  # not started: an empty draft in memory, nothing to list yet
    decisions = list(Decision.objects.filter(dossier=dossier).select_related("objection")) if started else []
    today = timezone.localdate()
    return render(
        request,
        "recertification/dossier.html",
        {
            "dossier": dossier,
            "cycle": cycle,
            "gaps": dossier_gap_lines(dossier, cycles.cycle_progress(cycle, person)),
            "peers": dossier.peers.select_related("colleague") if started else [],
            "versions": dossier.versions.all() if started else [],
            "questions": dossier.questions.all() if started else [],
            "answer_form": forms.AnswerForm(),
            "decisions": decisions,
            "objection_open": [
                d
                for d in decisions
                if not d.by_board
                and d.outcome != "accept"
                and today <= d.objection_deadline
                and not hasattr(d, "objection")
            ],
            "editable": dossier.status != DossierStatus.DECIDED,
            "ethics_code": EthicsCode.current(),
            "ethics_accepted": complaints_ethics.has_accepted_current(person),
        },
    )


def _dossier_action(request, action, success: str):
    person, registration, cycle = _trainer_context(request)
    dossier = dossiers.dossier_for_cycle(cycle)
    try:
        action(dossier)
        messages.success(request, success)
    except Refused as refused:
        messages.info(request, str(refused))
    return redirect("recertification:dossier")


@allow(TRAINER)
def dossier_ethics(request):
    person, registration, cycle = _trainer_context(request)
    form = forms.EthicsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _dossier_action(
            request,
            lambda d: _accept_both(d, person, request.user),
            _("Thank you. You have accepted the code of ethics."),
        )
    # The full text is the complaints app's versioned code of ethics (kring.complaints).
    return render(request, "recertification/dossier_ethics.html", {"form": form, "code": EthicsCode.current()})


def _accept_both(dossier, person, user):
    """Accepting in the dossier is accepting the current code of ethics (kept by kring.complaints)."""
    complaints_ethics.ethics_accept(person, by=user)
    dossiers.dossier_accept_ethics(dossier, by=user)


@allow(TRAINER)
def dossier_reflection(request):
    person, registration, cycle = _trainer_context(request)
    dossier = dossiers.dossier_for_cycle(cycle)
    form = forms.ReflectionForm(request.POST or None, instance=dossier)
    if request.method == "POST" and form.is_valid():
        return _dossier_action(
            request,
            lambda d: dossiers.dossier_save_reflection(d, reflections=form.cleaned_data, by=request.user),
            _("Your reflection has been saved."),
        )
    return render(request, "recertification/dossier_reflection.html", {"form": form})


@allow(TRAINER)
def dossier_peers(request):
    person, registration, cycle = _trainer_context(request)
    dossier = dossiers.dossier_for_cycle(cycle)
    invite_form = forms.PeerInviteForm(request.POST if "identifier" in request.POST else None)
    report_form = forms.PeerReportForm(
        request.POST if "report" in request.POST else None, initial={"report": dossier.peer_report}
    )
    if request.method == "POST":
        try:
            if invite_form.is_bound and invite_form.is_valid():
                identifier = invite_form.cleaned_data["identifier"]
                dossiers.peer_invite(dossier, identifier=identifier, by=request.user)
                if "@" in identifier:  # the same answer whoever the address belongs to
                    done = _("If this address belongs to a registered trainer, they get an invitation now.")
                else:
                    done = _("Your colleague has been invited. They confirm here after your conversation.")
                messages.success(request, done)
                return redirect("recertification:dossier_peers")
            if report_form.is_bound and report_form.is_valid():
                dossiers.dossier_save_peer_report(dossier, report=report_form.cleaned_data["report"], by=request.user)
                messages.success(request, _("Your report has been saved."))
                return redirect("recertification:dossier")
        except Refused as refused:
            (invite_form if invite_form.is_bound else report_form).add_error(None, str(refused))
    return render(
        request,
        "recertification/dossier_peers.html",
        {
            "dossier": dossier,
            "peers": dossier.peers.select_related("colleague") if dossier.pk else [],
            "invite_form": invite_form,
            "report_form": report_form,
        },
    )


@require_http_methods(["GET", "POST"])
@allow(TRAINER)
def dossier_submit(request):
    """First a look at the whole dossier as the committee will read it (GET), then the submission (POST)."""
    person, registration, cycle = _trainer_context(request)
    dossier = dossiers.dossier_for_cycle(cycle)
    if request.method == "GET":
        if dossier.status == DossierStatus.DECIDED:
            return redirect("recertification:dossier")
        progress = cycles.cycle_progress(cycle, person)
        context = {
            "dossier": dossier,
            "cycle": cycle,
            "progress": progress,
            "gaps": dossier_gap_lines(dossier, progress),
            "peers": dossier.peers.select_related("colleague") if dossier.pk else [],
        }
        return render(request, "recertification/dossier_review.html", context)
    try:
        version = dossiers.dossier_submit(dossier, by=request.user)
    except Refused as refused:
        messages.info(request, str(refused))
        return redirect("recertification:dossier")
    if version.dossier.status == DossierStatus.DECIDED:
        messages.success(request, _("Thank you. Your dossier is complete and has been accepted."))
    else:
        messages.success(
            request, _("Thank you. Your dossier has been submitted; the certification committee will read it.")
        )
    return redirect("recertification:dossier")


@require_POST
@allow(TRAINER)
def question_answer(request, pk):
    question = get_object_or_404(InformationRequest, pk=pk, dossier__person__user=request.user)
    form = forms.AnswerForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            committee_services.question_answer(
                question,
                answer=form.cleaned_data["answer"],
                attachment=form.cleaned_data["attachment"],
                attachment_type=form.content_type,
                by=request.user,
            )
            messages.success(request, _("Thank you. The committee can read your answer now."))
        except Refused as refused:
            messages.info(request, str(refused))
    else:
        messages.info(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("recertification:dossier")


@allow(TRAINER)
def objection(request, pk):
    decision = get_object_or_404(Decision, pk=pk, dossier__person__user=request.user)
    form = forms.ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            committee_services.objection_file(decision, text=form.cleaned_data["text"], by=request.user)
            messages.success(request, _("Your objection has been sent to the board."))
            return redirect("recertification:dossier")
        except Refused as refused:
            form.add_error(None, str(refused))
    return render(request, "recertification/objection.html", {"form": form, "decision": decision})


@allow(TRAINER)
def peer_requests(request):
    person = person_of(request.user)
    invitations = PeerInvitation.objects.filter(colleague=person).select_related("dossier__person")
    return render(request, "recertification/peer_requests.html", {"invitations": invitations})


@require_POST
@allow(TRAINER)
def peer_confirm(request, pk):
    invitation = get_object_or_404(PeerInvitation, pk=pk, colleague__user=request.user)
    try:
        dossiers.peer_confirm(invitation, by=request.user)
        messages.success(request, _("Thank you for confirming the conversation."))
    except Refused as refused:
        messages.info(request, str(refused))
    return redirect("recertification:peer_requests")


@allow(USER)
def application(request):
    person = person_of(request.user)
    existing = Application.objects.filter(person=person).order_by("-submitted_at").first()
    form = forms.ApplicationForm(request.POST or None, request.FILES or None, graduations=graduations_of(person))
    if request.method == "POST" and form.is_valid():
        try:
            committee_services.application_submit(
                person=person,
                data={k: form.cleaned_data[k] for k in form.Meta.fields if k in form.cleaned_data},
                certificate=form.cleaned_data["certificate_file"],
                certificate_type=form.content_type,
                by=request.user,
            )
            messages.success(request, _("Thank you. Your application is with the certification committee."))
            return redirect("recertification:application")
        except Refused as refused:
            form.add_error(None, str(refused))
    return render(request, "recertification/application.html", {"form": form, "existing": existing})
