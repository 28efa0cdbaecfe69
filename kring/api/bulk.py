"""Bulk verification: reading an upload of (number, date) pairs and answering every pair.

Uploads are checked completely before anything is stored, so a bad file changes nothing. The
verification loads the registrations it needs in chunks (three queries per chunk) and answers with
``kring.register.history``'s rule, so ten thousand rows take about fifteen queries.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone

from kring.core import spreadsheets
from kring.register.history import StandingOn, period_on
from kring.register.models import Registration, RegistrationPeriod

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
CHUNK = 2000
RESULT_COLUMNS = ["number", "date", "registered", "status", "level", "counts_for_reimbursement", "error"]


@dataclass
class BulkInputError(Exception):
    """An upload Kring refuses as a whole; ``code`` is machine-readable, ``message`` for people."""

    code: str
    message: str
    status: int = 400


def parse_upload(body: bytes, content_type: str) -> list[tuple[str, str]]:
    """The (number, date) pairs of a CSV or JSON upload, as text; raises BulkInputError."""
    if len(body) > MAX_BYTES:
        raise BulkInputError("too_large", f"The upload is larger than {MAX_BYTES // (1024 * 1024)} MB.", 413)
    if not body.strip():
        raise BulkInputError("empty_file", "The upload is empty. Send a header line and at least one row.")
    media_type = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BulkInputError(
            "not_utf8",
            f"The upload is not UTF-8 text (byte {exc.start} cannot be read). "
            "Save the file as UTF-8 and send it again.",
        ) from None
    if "\x00" in text:
        raise BulkInputError("not_text", "The upload contains binary data, not text.")
    if media_type == "application/json":
        rows = _parse_json(text)
    elif media_type in ("text/csv", "text/plain"):
        rows = _parse_csv(text)
    else:
        raise BulkInputError("unsupported_media_type", "Send the rows as text/csv or application/json.", 415)
    if not rows:
        raise BulkInputError("empty_file", "The upload has no rows after the header.")
    if len(rows) > MAX_ROWS:
        raise BulkInputError("too_many_rows", f"The upload has {len(rows)} rows; at most {MAX_ROWS} are allowed.", 413)
    return rows


def _parse_csv(text: str) -> list[tuple[str, str]]:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_ROWS + 1:
        raise BulkInputError(
            "too_many_rows", f"The upload has {len(lines) - 1} rows; at most {MAX_ROWS} are allowed.", 413
        )
    # Spreadsheets in the Netherlands often save with semicolons; accept those and tabs too.
    first = lines[0] if lines else ""
    delimiter = next((d for d in (",", ";", "\t") if d in first), ",")
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except (StopIteration, csv.Error):
        header = []
    if header != ["number", "date"]:
        shown = ",".join(header)[:80]
        raise BulkInputError("wrong_columns", f"The first line must be the header 'number,date'; found '{shown}'.")
    rows, bad = [], []
    try:
        for line_number, cells in enumerate(reader, start=2):
            if len(cells) != 2:
                bad.append(line_number)
                if len(bad) >= 5:
                    break
                continue
            rows.append((cells[0].strip(), cells[1].strip()))
    except csv.Error as exc:
        raise BulkInputError("malformed_csv", f"The CSV cannot be read: {exc}.") from None
    if bad:
        lines_text = ", ".join(str(n) for n in bad)
        raise BulkInputError(
            "wrong_columns", f"Every row needs exactly two columns (number, date); lines {lines_text} do not."
        )
    return rows


def _parse_json(text: str) -> list[tuple[str, str]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BulkInputError("invalid_json", f"The JSON cannot be read: {exc}.") from None
    except RecursionError:  # thousands of nested brackets: no upload of pairs looks like that
        raise BulkInputError("invalid_json", "The JSON is nested too deeply; send a flat list of objects.") from None
    if not isinstance(data, list):
        raise BulkInputError(
            "wrong_shape", 'Send a JSON list of objects like {"number": "004211", "date": "2025-01-31"}.'
        )
    if len(data) > MAX_ROWS:
        raise BulkInputError("too_many_rows", f"The upload has {len(data)} rows; at most {MAX_ROWS} are allowed.", 413)
    rows = []
    for index, item in enumerate(data):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("number"), str)
            and isinstance(item.get("date"), str)
            and set(item) == {"number", "date"}
        ):
            raise BulkInputError(
                "wrong_shape",
                f'Item {index} is not an object with the text fields "number" and "date" (and nothing else).',
            )
        if "\x00" in item["number"] or "\x00" in item["date"]:
            raise BulkInputError("not_text", f"Item {index} contains a NUL character.")
        rows.append((item["number"].strip(), item["date"].strip()))
    return rows


def parse_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def verify_rows(rows: list[tuple[str, str]], *, today: datetime.date | None = None) -> Iterator[list[str]]:
    """Answer each (number, date) pair, in order, as a row of ``RESULT_COLUMNS``.

    Registrations are loaded per chunk of rows (three queries each), so memory stays bounded for
    large uploads; the answer for each row comes from ``kring.register.history.period_on``, the same
    rule ``standing_on`` applies for single lookups.
    """
    today = today or timezone.localdate()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        histories = load_histories({number for number, _ in chunk})
        for number, text in chunk:
            yield _verify_one(histories.get(number), number, text, today)


@dataclass
class History:
    """What a registration's standing on any date depends on, loaded once per bulk chunk."""

    number: str
    periods: list[RegistrationPeriod]
    programme_codes: frozenset[str]
    reimbursable_codes: frozenset[str]

    def standing_on(self, on: datetime.date) -> StandingOn:
        return StandingOn(
            number=self.number,
            on=on,
            period=period_on(self.periods, on),
            programme_codes=self.programme_codes,
            reimbursable_codes=self.reimbursable_codes,
        )


def load_histories(numbers: set[str]) -> dict[str, History]:
    """The histories of the registrations with these numbers, in three queries.

    Plain queries instead of ``prefetch_related``: for thousands of registrations Django's
    per-object prefetch bookkeeping costs more than the queries themselves.
    """
    ids = dict(Registration.objects.filter(number__in=numbers).values_list("pk", "number"))
    periods: dict[int, list[RegistrationPeriod]] = defaultdict(list)
    for period in RegistrationPeriod.objects.filter(registration_id__in=ids):
        periods[period.registration_id].append(period)
    codes: dict[int, set[str]] = defaultdict(set)
    reimbursable: dict[int, set[str]] = defaultdict(set)
    links = Registration.programmes.through.objects.filter(registration_id__in=ids).values_list(
        "registration_id", "taughtprogramme__code", "taughtprogramme__counts_for_reimbursement"
    )
    for registration_id, code, counts in links:
        codes[registration_id].add(code)
        if counts:
            reimbursable[registration_id].add(code)
    return {
        number: History(number, periods[pk], frozenset(codes[pk]), frozenset(reimbursable[pk]))
        for pk, number in ids.items()
    }


def _verify_one(history: History | None, number: str, text: str, today: datetime.date) -> list[str]:
    on = parse_date(text)
    if on is None:
        return [number, text, "", "", "", "", "invalid_date"]
    if on > today:
        return [number, text, "", "", "", "", "date_in_future"]
    if history is None:
        return [number, text, "false", "", "", "false", "unknown_number"]
    standing = history.standing_on(on)
    return [
        number,
        text,
        _bool(standing.registered),
        standing.status or "",
        standing.level or "",
        _bool(standing.counts_for_reimbursement),
        "",
    ]


def _bool(value: bool) -> str:
    return "true" if value else "false"


def result_csv(result_rows) -> str:
    out = io.StringIO()
    writer = spreadsheets.writer(out, lineterminator="\n")
    writer.writerow(RESULT_COLUMNS)
    writer.writerows(result_rows)
    return out.getvalue()
