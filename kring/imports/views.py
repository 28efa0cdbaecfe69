"""The office's import pages: upload and check, read the plan, confirm or discard, follow the run."""

import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import refusals
from kring.core.access import allow
from kring.core.downloads import name_download
from kring.core.refusals import Refused
from kring.core.spreadsheets import writer
from kring.imports import columns, rules, services
from kring.imports.forms import UploadForm
from kring.imports.models import ImportJob
from kring.members.models import MembershipType

OFFICE = "office"
PAGE_ROWS = 100
SHOWN = ("create", "update", "unchanged", "refused")


@allow(OFFICE)
def start(request):
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.plan_create(
                upload.name, upload.read(), by=request.user, language=translation.get_language() or "nl"
            )
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            return redirect("imports:job", pk=job.pk)
    context = {
        "form": form,
        "columns": columns.COLUMNS,
        "headers": [(column, columns.header_of(column, translation.get_language())) for column in columns.COLUMNS],
        "jobs": ImportJob.objects.all()[:20],
        "types": MembershipType.objects.all(),
    }
    return render(request, "imports/start.html", context, status=400 if form.errors else 200)


@allow(OFFICE)
def example(request):
    """An example file with the column names in the office's language."""
    language = translation.get_language()
    header = [columns.header_of(column, language) for column in columns.COLUMNS]
    sample = [column.example for column in columns.COLUMNS]
    stream = io.StringIO()
    writer(stream, delimiter=";").writerows([header, sample])  # semicolons: what Dutch Excel opens
    response = HttpResponse("\ufeff" + stream.getvalue(), content_type="text/csv; charset=utf-8")
    return name_download(response, _("members-example") + ".csv")


@allow(OFFICE)
def job(request, pk):
    job = get_object_or_404(ImportJob.objects.select_related("created_by", "confirmed_by"), pk=pk)
    shown = request.GET.get("show", "")
    rows = job.rows.order_by("line")
    if shown in SHOWN:
        field = "action" if job.status == ImportJob.Status.CHECKED else "outcome"
        rows = rows.filter(**{field: shown})
    rows = rows.only("job", "line", "name", "action", "outcome", "changes", "problems", "invite", "invited_at")
    page = Paginator(rows, PAGE_ROWS).get_page(request.GET.get("page"))
    type_names = {membership_type.code: membership_type.name for membership_type in MembershipType.objects.all()}
    for row in page:
        row.problem_texts = [rules.describe(code, params, type_names) for code, params in row.problems]
        row.change_texts = [rules.describe(code, params, type_names) for code, params in row.changes]
    context = {"job": job, "page": page, "shown": shown, "tally": _tally(job)}
    return render(request, "imports/job.html", context)


def _tally(job: ImportJob) -> dict:
    """Rows per action in the plan, or per outcome once the run has started, and the invitations."""
    if job.status == ImportJob.Status.CHECKED:
        counts = job.tally()
    else:
        counts = job.tally("outcome")
        counts["invite"] = job.rows.filter(invite=True).count()
        counts["invited"] = job.rows.filter(invited_at__isnull=False).count()
    return {key: counts.get(key, 0) for key in ("create", "update", "unchanged", "refused", "invite", "invited")}


@allow(OFFICE)
@require_POST
def confirm(request, pk):
    job = get_object_or_404(ImportJob, pk=pk)
    try:
        services.job_confirm(job, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.success(request, _("The import has started. This page shows how far it is."))
    return redirect("imports:job", pk=pk)


@allow(OFFICE)
@require_POST
def discard(request, pk):
    job = get_object_or_404(ImportJob, pk=pk)
    try:
        services.plan_discard(job, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
        return redirect("imports:job", pk=pk)
    messages.success(request, _("Not imported: the checked file has been removed."))
    return redirect("imports:start")
