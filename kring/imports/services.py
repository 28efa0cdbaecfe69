"""The dry run of an import and the office's decisions on it (confirm, discard). Each runs in one
transaction with one audit entry; the real run, which writes the membership, is ``running``."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kring.core import audit
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.imports import columns, reading, rules
from kring.imports.models import ImportJob, ImportRow
from kring.imports.world import world_for

UNCONFIRMED_DAYS = 14  # a plan nobody confirmed is removed after this, with the personal data in it


# -- the dry run ---------------------------------------------------------------------------------


def plan_create(filename: str, content: bytes, *, by, language: str) -> ImportJob:
    """Check a file and keep the plan: per row what would be created, updated or refused, and why.
    Nothing of the membership is written; a refused file leaves nothing at all."""
    sheet = reading.read(filename, content)
    keys = _column_keys(sheet.headers)
    lines, normalised, problems, notes = [], [], [], []
    for line, cells in sheet.rows:
        _no_data_without_header(keys, cells, line)
        by_key = {key: cells[index] for index, key in enumerate(keys) if key and index < len(cells)}
        values, row_problems, row_notes = rules.normalise(by_key)
        lines.append(line)
        normalised.append(values)
        problems.append(row_problems)
        notes.append(row_notes)
    rules.mark_duplicates(lines, normalised, problems)
    world = world_for(normalised)
    rows = []
    for line, values, row_problems, row_notes in zip(lines, normalised, problems, notes, strict=True):
        plan = rules.plan_row(values, row_problems, row_notes, world)
        rows.append(
            ImportRow(
                line=line,
                name=_name(values),
                action=plan.action,
                values=plan.values,
                changes=plan.changes,
                problems=plan.problems,
            )
        )
    with transaction.atomic():
        _forget_old_plans()
        job = ImportJob.objects.create(filename=filename[:200], created_by=by, language=language)
        for row in rows:
            row.job = job
        ImportRow.objects.bulk_create(rows, batch_size=1000)
        audit.record("kring.imports.job.checked", by=by, obj=job, rows=len(rows), **job.tally())
    return job


def _column_keys(headers: list[str]) -> list[str | None]:
    """The column key of each header; the whole file is refused for a column we must not or cannot read."""
    forbidden = [header for header in headers if columns.is_forbidden(header)]
    if forbidden:
        raise Refused(
            _(
                "This file has a column Kring never stores: %(columns)s. Remove the column and upload the "
                "file again. Nothing of this file has been kept."
            )
            % {"columns": ", ".join(forbidden)},
            field="file",
        )
    unknown = [header for header in headers if header and columns.column_for(header) is None]
    if unknown:
        raise Refused(
            ngettext(
                "We do not know the column %(columns)s. Use the column names in the table below.",
                "We do not know the columns %(columns)s. Use the column names in the table below.",
                len(unknown),
            )
            % {"columns": ", ".join(f"“{header}”" for header in unknown)},
            field="file",
        )
    keys = [columns.column_for(header).key if header else None for header in headers]
    twice = sorted({header for header, key in zip(headers, keys, strict=True) if key and keys.count(key) > 1})
    if twice:
        raise Refused(_("The column %(column)s is in the file twice.") % {"column": ", ".join(twice)}, field="file")
    missing = [column for column in columns.COLUMNS if column.required and column.key not in keys]
    if missing:
        raise Refused(
            _("The file has no column for the %(columns)s.") % {"columns": ", ".join(str(c.label) for c in missing)},
            field="file",
        )
    return keys


def _no_data_without_header(keys: list, cells: list, line: int) -> None:
    for index, cell in enumerate(cells):
        if cell.text and (index >= len(keys) or keys[index] is None):
            raise Refused(
                _("Line %(line)s has a value in column %(number)s, which has no name in the first row.")
                % {"line": line, "number": index + 1},
                field="file",
            )


def _name(values: dict) -> str:
    return " ".join(part for part in (values["first_name"], values["name_prefix"], values["last_name"]) if part)[:230]


def _forget_old_plans() -> None:
    cutoff = timezone.now() - datetime.timedelta(days=UNCONFIRMED_DAYS)
    ImportJob.objects.filter(status=ImportJob.Status.CHECKED, created_at__lt=cutoff).delete()


def _locked(job: ImportJob, states, refused: str) -> ImportJob:
    try:
        return lock_for_decision(ImportJob, job.pk, states=states, refused=Refused(refused))
    except ImportJob.DoesNotExist:
        raise Refused(_("This import was discarded.")) from None


def plan_discard(job: ImportJob, *, by) -> None:
    """Do not import: the plan and the personal data in it are removed."""
    with transaction.atomic():
        job = _locked(job, [ImportJob.Status.CHECKED], _("This import has already been confirmed."))
        audit.record("kring.imports.job.discarded", by=by, obj=job, rows=job.rows.count())
        job.delete()


def job_confirm(job: ImportJob, *, by) -> ImportJob:
    """Import the rows that were not refused, in the background, one transaction per batch."""
    from kring.imports.tasks import import_run

    with transaction.atomic():
        job = _locked(job, [ImportJob.Status.CHECKED], _("This import has already been confirmed."))
        count = job.rows.exclude(action=ImportRow.Outcome.REFUSED).count()
        if not count:
            raise Refused(_("No row of this file can be imported. Correct the file and upload it again."))
        job.rows.filter(action=ImportRow.Outcome.REFUSED).update(outcome=ImportRow.Outcome.REFUSED)
        job.status, job.confirmed_by, job.confirmed_at = ImportJob.Status.QUEUED, by, timezone.now()
        job.to_import = count
        job.save(update_fields=["status", "confirmed_by", "confirmed_at", "to_import"])
        audit.record("kring.imports.job.confirmed", by=by, obj=job, rows=count)
        import_run.enqueue(job.pk)  # in the same transaction: a confirmed import always has its task
    return job
