"""Graduates reported by their institute: one by one, or from a CSV with a dry run first."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.accreditation.models import Graduate, Institute, Programme
from kring.core import audit
from kring.core.refusals import Refused

COLUMNS = ("programme", "name", "email", "graduated_on")
MAX_ROWS = 2000


def _check(programme: Programme, *, name: str, email: str, graduated_on: datetime.date | None) -> str:
    """The cleaned e-mail address, or a refusal that says what is wrong."""
    email = email.strip().lower()
    if not name.strip():
        raise Refused(_("Please give the graduate's name."), field="name")
    try:
        validate_email(email)
    except ValidationError as error:
        raise Refused(_("This is not an e-mail address we can use."), field="email") from error
    if graduated_on is None:
        raise Refused(_("Please give the graduation date as day-month-year or year-month-day."), field="graduated_on")
    if graduated_on > timezone.localdate():
        raise Refused(_("The graduation date cannot be in the future."), field="graduated_on")
    if Graduate.objects.filter(programme=programme, email__iexact=email).exists():
        raise Refused(_("This graduate has already been reported for this programme."), field="email")
    return email


def graduate_report(programme: Programme, *, name: str, email: str, graduated_on, by) -> Graduate:
    """Report one graduate of one of the institute's programmes."""
    with transaction.atomic():
        Programme.objects.select_for_update().get(pk=programme.pk)  # two reports of one person at once: one wins
        email = _check(programme, name=name, email=email, graduated_on=graduated_on)
        graduate = Graduate.objects.create(
            programme=programme, name=name.strip(), email=email, graduated_on=graduated_on, reported_by=by
        )
        audit.record("kring.accreditation.graduate.reported", by=by, obj=programme, graduate=graduate.pk)
    return graduate


@dataclass
class RowResult:
    line: int
    name: str
    ok: bool
    message: str


def _date(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def graduates_import(institute: Institute, *, data: bytes, dry_run: bool, by) -> list[RowResult]:
    """Read a CSV of graduates (programme, name, email, graduated_on). Every row gets a line in the
    report. A dry run stores nothing; a real run stores the good rows, each checked as one report."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Refused(_("Please save the file as CSV in UTF-8.")) from error
    try:  # spreadsheets in NL and Flanders often save with ";"
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or set(COLUMNS) - {f.strip().lower() for f in reader.fieldnames}:
        raise Refused(_("The first line must name the columns: programme, name, email, graduated_on."))
    programmes = {p.slug: p for p in institute.programmes.all()} | {
        p.name.lower(): p for p in institute.programmes.all()
    }
    results, seen = [], set()
    for line, row in enumerate(reader, start=2):
        if line > MAX_ROWS + 1:
            raise Refused(_("Please send at most 2000 graduates in one file."))
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        results.append(_import_row(line, row, programmes, seen, dry_run=dry_run, by=by))
    return results


def _import_row(line, row, programmes, seen, *, dry_run, by) -> RowResult:
    name = row.get("name", "")
    programme = programmes.get(row.get("programme", "").lower())
    if programme is None:
        return RowResult(line, name, False, _("We do not know this programme at your institute."))
    key = (programme.pk, row.get("email", "").lower())
    if key in seen:
        return RowResult(line, name, False, _("This graduate appears twice in the file."))
    seen.add(key)
    try:
        if dry_run:
            with transaction.atomic():
                _check(
                    programme, name=name, email=row.get("email", ""), graduated_on=_date(row.get("graduated_on", ""))
                )
        else:
            graduate_report(
                programme, name=name, email=row.get("email", ""), graduated_on=_date(row.get("graduated_on", "")), by=by
            )
    except Refused as refused:
        return RowResult(line, name, False, str(refused))
    return RowResult(line, name, True, _("Can be reported.") if dry_run else _("Reported."))
