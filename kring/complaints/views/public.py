"""The public face: the code of ethics, filing a complaint, the private link, the published rulings."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from kring.complaints import forms
from kring.complaints.models import EthicsAcceptance, EthicsCode, Party, Ruling
from kring.complaints.services import ethics, filing, objections
from kring.core import refusals
from kring.core.access import PUBLIC, TRAINER, allow
from kring.core.refusals import Refused
from kring.members.people import person_of


@allow(PUBLIC)
def ethics_page(request, version=None):
    """The code that applies today in full (or an older version), with the list of all versions."""
    versions = list(EthicsCode.objects.all())
    current = EthicsCode.current()
    code = get_object_or_404(EthicsCode, version=version) if version else current
    accepted = None
    if request.user.is_authenticated and current is not None:
        accepted = EthicsAcceptance.objects.filter(person__user=request.user, code=current).first()
    context = {"code": code, "current": current, "versions": versions, "accepted": accepted, "form": forms.AcceptForm()}
    return render(request, "complaints/ethics.html", context)


@require_POST
@allow(TRAINER)
def ethics_accept(request):
    form = forms.AcceptForm(request.POST)
    if form.is_valid():
        ethics.ethics_accept(person_of(request.user), by=request.user)
        refusals.as_message(request, Refused(_("Thank you. You have accepted the code of ethics.")))
    else:
        refusals.as_message(request, Refused(_("Tick the box to accept the code of ethics.")))
    return redirect("complaints:ethics")


def _too_many(request, group: str, rate: str):
    if is_ratelimited(request, group=group, key="ip", rate=rate, increment=True):
        response = render(request, "complaints/too_many.html", status=429)
        response["Retry-After"] = "3600"
        return response
    return None


@allow(PUBLIC)
def file_complaint(request):
    """The complaint form. No captcha (it would shut out screen readers): a limit per address instead."""
    if request.method == "POST":
        if (blocked := _too_many(request, "complaints:file", settings.KRING_COMPLAINTS_FILE_RATE)) is not None:
            return blocked
        form = forms.ComplaintForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                case, token = filing.case_file(
                    registration=data["trainer"],
                    description=data["description"],
                    when=data["when"],
                    hopes=data["hopes"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    language=translation.get_language() or "nl",
                    documents=data["documents"],
                    submission_key=data["submission_key"],
                    by=request.user,
                )
            except Refused as refused:
                refusals.on_form(form, refused)
            else:
                request.session["complaints_filed"] = case.number
                return redirect("complaints:follow", token=token)
    else:
        form = forms.ComplaintForm(
            initial={"trainer": request.GET.get("nummer", "")[:20], "submission_key": secrets.token_urlsafe(24)}
        )
    return render(request, "complaints/file.html", {"form": form})


@allow(PUBLIC)
def follow(request, token):
    """The complainant's private page: status, dates, outcome; add documents; object once."""
    from kring.complaints.services.files import case_by_token

    case = case_by_token(token)
    if case is None:
        return render(request, "complaints/link_invalid.html", status=404)
    documents_form, objection_form = forms.DocumentsForm(), forms.TextForm()
    if request.method == "POST":
        if (blocked := _too_many(request, "complaints:upload", settings.KRING_COMPLAINTS_UPLOAD_RATE)) is not None:
            return blocked
        if "object" in request.POST:
            objection_form = forms.TextForm(request.POST)
            if objection_form.is_valid():
                try:
                    objections.objection_lodge(case, party=Party.COMPLAINANT, text=objection_form.cleaned_data["text"])
                except Refused as refused:
                    refusals.on_form(objection_form, refused)
                else:
                    refusals.as_message(request, Refused(_("Your objection has been received.")))
                    return redirect("complaints:follow", token=token)
        else:
            documents_form = forms.DocumentsForm(request.POST, request.FILES)
            if documents_form.is_valid():
                try:
                    filing.documents_add(case, documents_form.cleaned_data["documents"], party=Party.COMPLAINANT)
                except Refused as refused:
                    refusals.on_form(documents_form, refused)
                else:
                    refusals.as_message(request, Refused(_("Thank you. Your documents have been added.")))
                    return redirect("complaints:follow", token=token)
    context = {
        "case": case,
        "just_filed": request.session.get("complaints_filed") == case.number,
        "documents_form": documents_form,
        "objection_form": objection_form,
        "objected": case.objections.filter(party=Party.COMPLAINANT).exists(),
        "document_count": case.documents.filter(party=Party.COMPLAINANT).count(),
    }
    return render(request, "complaints/follow.html", context)


@allow(PUBLIC)
def new_link(request):
    """A fresh private link by e-mail, for the receipt number and the address of the complaint. The
    answer is the same whether they match or not, and the form is rate-limited like filing."""
    form = forms.NewLinkForm(request.POST or None)
    if request.method == "POST":
        if (blocked := _too_many(request, "complaints:new_link", settings.KRING_COMPLAINTS_FILE_RATE)) is not None:
            return blocked
        if form.is_valid():
            filing.link_resend(form.cleaned_data["number"], form.cleaned_data["email"])
            return render(request, "complaints/new_link_sent.html")
    return render(request, "complaints/new_link.html", {"form": form})


@allow(PUBLIC)
def rulings(request):
    published = Ruling.objects.filter(approved_at__isnull=False).order_by("-approved_at")
    return render(request, "complaints/rulings.html", {"rulings": published})


@allow(PUBLIC)
def ruling(request, pk):
    item = get_object_or_404(Ruling, pk=pk, approved_at__isnull=False)
    return render(request, "complaints/ruling.html", {"ruling": item})
