"""The trainer's side of a complaint about them, and the office's counts (never content)."""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.complaints import forms
from kring.complaints.models import Case, EntryKind, EthicsCode, Party, Stage
from kring.complaints.services import ethics, files, filing, objections, procedure
from kring.core import audit, refusals
from kring.core.access import USER, allow
from kring.core.refusals import Refused
from kring.core.roles import Role
from kring.register import history

# What the trainer reads of a complaint about them: the committee's question and the decision.
TRAINER_READS = (EntryKind.INVITATION, EntryKind.EXTENSION, EntryKind.DECISION, EntryKind.OBJECTION_DECISION)


def _trainer_cases(user):
    """Complaints about the trainer of which they have been told (asked to respond, or decided). These
    pages are open to the account itself, not to the trainer role: a trainer suspended or struck off
    by the decision, or whose registration ended meanwhile, still reads the decision and may object."""
    return Case.objects.filter(
        registration__person__user=user, invited_at__isnull=False, destroyed_at__isnull=True
    ).order_by("-filed_at")


@allow(USER)
def trainer_cases(request):
    cases = list(_trainer_cases(request.user))
    return render(request, "complaints/trainer_cases.html", {"cases": cases})


@allow(USER)
def trainer_case(request, pk, *, form=None, objection_form=None, documents_form=None, status=200):
    case = _trainer_cases(request.user).filter(pk=pk).first()
    if case is None:
        raise Http404
    audit.record("kring.complaints.case.read", by=request.user, obj=case, number=case.number, part="trainer")
    entries = [(e, files.entry_text(e)) for e in case.entries.filter(kind__in=(*TRAINER_READS, EntryKind.RESPONSE))]
    context = {
        "case": case,
        "entries": [(e, text) for e, text in entries if e.kind != EntryKind.RESPONSE or e.party == Party.TRAINER],
        "form": form or forms.TextForm(),
        "objection_form": objection_form or forms.TextForm(),
        "documents_form": documents_form or forms.DocumentsForm(),
        "document_count": case.documents.filter(party=Party.TRAINER).count(),
        "objected": case.objections.filter(party=Party.TRAINER).exists(),
        "today": timezone.localdate(),
    }
    return render(request, "complaints/trainer_case.html", context, status=status)


@require_POST
@allow(USER)
def trainer_step(request, pk, step):
    case = _trainer_cases(request.user).filter(pk=pk).first()
    if case is None or step not in ("respond", "object", "documents"):
        raise Http404
    if step == "documents":
        return _trainer_documents(request, case)
    form = forms.TextForm(request.POST)
    if form.is_valid():
        try:
            if step == "respond":
                procedure.trainer_respond(case, text=form.cleaned_data["text"], by=request.user)
            else:
                objections.objection_lodge(case, party=Party.TRAINER, text=form.cleaned_data["text"], by=request.user)
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            refusals.as_message(request, Refused(_("Thank you. The committee has received it.")))
            return redirect("complaints:trainer_case", pk=case.pk)
    bound = {"form": form} if step == "respond" else {"objection_form": form}
    return trainer_case(request, pk, status=400, **bound)


def _trainer_documents(request, case):
    form = forms.DocumentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            filing.documents_add(case, form.cleaned_data["documents"], party=Party.TRAINER, by=request.user)
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            refusals.as_message(request, Refused(_("Thank you. Your documents have been added.")))
            return redirect("complaints:trainer_case", pk=case.pk)
    return trainer_case(request, case.pk, status=400, documents_form=form)


@allow(Role.OFFICE)
def office_counts(request):
    """For the annual report: how many complaints per year and per stage. No number, name or text."""
    rows = (
        Case.objects.annotate(year=ExtractYear("filed_at"))
        .values("year", "stage")
        .annotate(count=Count("pk"))
        .order_by("-year", "stage")
    )
    years: dict[int, dict[str, int]] = {}
    for row in rows:
        years.setdefault(row["year"], {})[row["stage"]] = row["count"]
    table = [
        (year, [stages.get(stage, 0) for stage in Stage.values], sum(stages.values())) for year, stages in years.items()
    ]
    return render(request, "complaints/office_counts.html", {"table": table, "stages": Stage.labels})


@allow(Role.OFFICE)
def office_ethics(request):
    """Registered trainers who have not accepted the code that applies today."""
    registered = history.registered_on(timezone.localdate())
    people = ethics.not_accepted(registered).order_by("last_name", "first_name")
    return render(
        request,
        "complaints/office_ethics.html",
        {"code": EthicsCode.current(), "people": people[:500], "count": people.count()},
    )
