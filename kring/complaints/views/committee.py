"""The complaints committee's pages: the calm list of what is due, a case file, and its steps.

Every case is fetched through ``visibility`` (the seal): a case out of a member's reach is a 404, and
every opening is an audit entry.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kring.complaints import forms, rules, visibility
from kring.complaints.models import Case, Party, Ruling, Stage
from kring.complaints.services import files, filing, objections, procedure, publication
from kring.core import refusals
from kring.core.access import allow
from kring.core.downloads import extension_for, file_name, name_download
from kring.core.refusals import Refused
from kring.core.roles import Role

COMPLAINTS = Role.COMPLAINTS
STEP_LABELS = {
    "confirm": gettext_lazy("confirm the receipt"),
    "invite": gettext_lazy("ask the trainer to respond"),
    "decide": gettext_lazy("decide"),
    "objection": gettext_lazy("decide on the objection"),
    "wait_objection": gettext_lazy("objection term ends"),
    "none": "",
}


def _due(case: Case):
    return rules.next_due(
        stage=case.stage,
        receipt_due=case.receipt_due,
        response_due=case.response_due,
        decision_due=case.decision_due,
        objection_until=case.objection_until,
        objection_open=case.stage == Stage.OBJECTED,
    )


@allow(COMPLAINTS)
def case_list(request):
    """Open cases first, by the day their next step is due; no colours, no alarms."""
    cases = list(
        visibility.committee_cases(request.user)
        .filter(destroyed_at__isnull=True)
        .exclude(stage=Stage.CLOSED)
        .select_related("registration")
    )
    today = timezone.localdate()
    rows = sorted(
        ({"case": case, "due": _due(case), "label": STEP_LABELS[_due(case).step]} for case in cases),
        key=lambda row: (row["due"].on or today.replace(year=today.year + 10), row["case"].pk),
    )
    closed = visibility.committee_cases(request.user).filter(stage=Stage.CLOSED).select_related("registration")[:50]
    drafts = Ruling.objects.filter(approved_at__isnull=True, case__in=visibility.committee_cases(request.user)).exclude(
        drafted_by=request.user
    )
    context = {
        "rows": rows,
        "closed": closed,
        "drafts": drafts,
        "today": today,
        "left_out": visibility.excluded_count(request.user),
    }
    return render(request, "complaints/committee_list.html", context)


@allow(COMPLAINTS)
def case_detail(request, pk):
    return _render_case(request, visibility.case_read(request.user, pk), _forms())


def _render_case(request, case: Case, bound_forms: dict, status: int = 200):
    context = {
        "case": case,
        "texts": files.texts(case),
        "entries": [(entry, files.entry_text(entry)) for entry in case.entries.select_related("by")],
        "documents": case.documents.defer("sealed"),
        "due": _due(case),
        "ruling": Ruling.objects.filter(case=case).first(),
        "objections": list(case.objections.all()),
        "forms": bound_forms,
        "today": timezone.localdate(),
        "can_lift": case.outcome == "suspension"
        and case.measure_lifted_at is None
        and case.measure_until is not None
        and case.measure_until <= timezone.localdate(),
    }
    return render(request, "complaints/committee_case.html", context, status=status)


def _forms(**bound):
    made = {
        "question": forms.QuestionForm(),
        "note": forms.TextForm(),
        "hearing": forms.HearingForm(),
        "extend": forms.ExtensionForm(),
        "decide": forms.DecisionForm(),
        "objection": forms.ObjectionDecisionForm(),
        "ruling": forms.RulingForm(),
        "documents": forms.DocumentsForm(),
    }
    made.update(bound)
    return made


@allow(COMPLAINTS)
def document(request, pk, document_pk):
    case = visibility.case_read(request.user, pk, purpose=f"document {document_pk}")
    item = case.documents.filter(pk=document_pk).first()
    if item is None:
        raise Http404
    content = files.document_content(item)
    response = HttpResponse(content, content_type=item.content_type)
    extension = extension_for(item.content_type, content[:16])
    name_download(response, file_name(f"{case.number}-document-{item.pk}", extension))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Each step: the form it reads and the service it calls with the form's cleaned data.
STEPS = {
    "confirm": (None, lambda case, data, by: procedure.receipt_confirm(case, by=by)),
    "invite": ("question", lambda case, data, by: procedure.trainer_invite(case, question=data["question"], by=by)),
    "note": ("note", lambda case, data, by: procedure.note_add(case, text=data["text"], by=by)),
    "hearing": ("hearing", lambda case, data, by: procedure.hearing_set(case, on=data["hearing_on"], by=by)),
    "extend": ("extend", lambda case, data, by: procedure.term_extend(case, reason=data["reason"], by=by)),
    "decide": (
        "decide",
        lambda case, data, by: procedure.case_decide(
            case, outcome=data["outcome"], reason=data["reason"], measure_until=data["measure_until"], by=by
        ),
    ),
    "objection": (
        "objection",
        lambda case, data, by: objections.objection_decide(
            case, upheld=data["upheld"], reason=data["reason"], new_outcome=data["new_outcome"], by=by
        ),
    ),
    "lift": (None, lambda case, data, by: procedure.suspension_lift(case, by=by)),
    "ruling": ("ruling", lambda case, data, by: publication.ruling_draft(case, text=data["text"], by=by)),
    "documents": (
        "documents",
        lambda case, data, by: filing.documents_add(case, data["documents"], party=Party.COMMITTEE, by=by),
    ),
}
FORM_CLASSES = {
    "question": forms.QuestionForm,
    "note": forms.TextForm,
    "hearing": forms.HearingForm,
    "extend": forms.ExtensionForm,
    "decide": forms.DecisionForm,
    "objection": forms.ObjectionDecisionForm,
    "ruling": forms.RulingForm,
    "documents": forms.DocumentsForm,
}


@require_POST
@allow(COMPLAINTS)
def case_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    case = visibility.committee_cases(request.user).filter(pk=pk).first()
    if case is None:
        raise Http404
    form_name, service = STEPS[step]
    form = FORM_CLASSES[form_name](request.POST, request.FILES) if form_name else None
    if form is not None and not form.is_valid():
        return _again(request, case, form_name, form)
    try:
        service(case, form.cleaned_data if form else {}, request.user)
    except Refused as refused:
        if form is None:
            refusals.as_message(request, refused)
            return redirect("complaints:committee_case", pk=case.pk)
        refusals.on_form(form, refused)
        return _again(request, case, form_name, form)
    refusals.as_message(request, Refused(_("Saved.")))
    return redirect("complaints:committee_case", pk=case.pk)


def _again(request, case, form_name, form):
    """The case page again with the form that needs attention (a read, so also an audit entry)."""
    return _render_case(request, visibility.case_read(request.user, case.pk), _forms(**{form_name: form}), status=400)


@require_POST
@allow(COMPLAINTS)
def conflict(request, pk):
    case = visibility.committee_cases(request.user).filter(pk=pk).first()
    if case is None:
        raise Http404
    procedure.conflict_declare(case, by=request.user)
    refusals.as_message(request, Refused(_("You have stepped back from this complaint. Another member handles it.")))
    return redirect("complaints:committee_list")


@require_POST
@allow(COMPLAINTS)
def ruling_approve(request, pk):
    ruling = Ruling.objects.filter(pk=pk, case__in=visibility.committee_cases(request.user)).first()
    if ruling is None:
        raise Http404
    try:
        publication.ruling_approve(ruling, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        refusals.as_message(request, Refused(_("The ruling is approved and published.")))
    return redirect("complaints:committee_list")
