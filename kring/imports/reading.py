"""Reading an import file (CSV or XLSX) into text cells, keeping what spreadsheets tend to lose.

Every cell becomes text. A CSV is text already, so "000123" stays "000123". In an XLSX a number cell
has lost its leading zeros unless its format shows them ("00000000"): those are put back from the
format, and each cell says whether it was a number, so that the rules can restore the zeros of AGB
codes and register numbers whose length is known. Dates come as dates and are written as ISO dates.

Written with the standard ``csv`` module and openpyxl rather than django-import-export: that library
saves models through its own resources, past the services that keep each registration's history, its
audit entry and the search index, and its dry run stores the upload in temporary files that several
app servers do not share. Here the file is read once, at upload, and only the checked plan is kept.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kring.core.refusals import Refused

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Cell:
    text: str
    from_number: bool = False  # an XLSX number cell: leading zeros may be gone


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list[Cell]]]  # (line in the file, cells)


def read(name: str, content: bytes) -> Sheet:
    """The sheet in an uploaded file, or a refusal that says what is wrong with the file."""
    if len(content) > MAX_BYTES:
        raise Refused(_("This file is larger than 10 MB. Split it into smaller files."), field="file")
    extension = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if extension == "csv":
        lines = _csv_lines(content)
    elif extension == "xlsx":
        lines = _xlsx_lines(content)
    elif extension == "xls":
        raise Refused(
            _("This is an old Excel file (.xls). Save it as .xlsx or .csv and upload it again."), field="file"
        )
    else:
        raise Refused(_("Upload a CSV file (.csv) or an Excel file (.xlsx)."), field="file")
    return _sheet(lines)


def _sheet(lines) -> Sheet:
    headers, rows = None, []
    for line, cells in lines:
        if not any(cell.text for cell in cells):
            continue
        if headers is None:
            headers = [cell.text for cell in cells]
            continue
        rows.append((line, cells))
        if len(rows) > MAX_ROWS:
            raise Refused(_("This file has more than 20,000 rows. Split it into smaller files."), field="file")
    if headers is None:
        raise Refused(_("This file is empty: the first row should hold the column names."), field="file")
    return Sheet(headers=headers, rows=rows)


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # what Excel on Windows writes when it saves "CSV"
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise Refused(_("We cannot read the characters in this file. Save it as CSV UTF-8."), field="file") from None


def _csv_lines(content: bytes):
    text = _decode(content)
    if "\x00" in text:
        raise Refused(
            _("This file is not a CSV file. Upload a CSV file (.csv) or an Excel file (.xlsx)."), field="file"
        )
    first = text.split("\n", 1)[0]
    # Dutch Excel separates with semicolons, most other programs with commas.
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, [Cell(value.strip()) for value in cells]
    except csv.Error:
        raise Refused(
            _("Line %(line)s of this file cannot be read as CSV: check its quotes.") % {"line": reader.line_num},
            field="file",
        ) from None


def _xlsx_lines(content: bytes):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise Refused(_("We cannot open this file as an Excel file (.xlsx)."), field="file") from None
    try:
        for line, row in enumerate(workbook.worksheets[0].iter_rows(), start=1):
            yield line, [_xlsx_cell(cell) for cell in row]
    finally:
        workbook.close()


ZEROS = re.compile(r"^0+$")


def _xlsx_cell(cell) -> Cell:
    value = getattr(cell, "value", None)
    if value is None:
        return Cell("")
    if isinstance(value, datetime.datetime):
        return Cell(value.date().isoformat())
    if isinstance(value, datetime.date):
        return Cell(value.isoformat())
    if isinstance(value, bool):
        return Cell(str(value))
    if isinstance(value, int | float):
        if float(value).is_integer():
            text = str(int(value))
            number_format = getattr(cell, "number_format", "") or ""
            if ZEROS.match(number_format):  # shown with leading zeros: the format says how many
                return Cell(text.zfill(len(number_format)))
            return Cell(text, from_number=True)
        return Cell(str(value), from_number=True)
    return Cell(str(value).strip())
