"""Writing CSV files that are safe to open in a spreadsheet.

Excel, LibreOffice and Numbers run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(and some strip a leading tab or carriage return first), so a first name of ``=HYPERLINK(…)`` in an
export would become a link, or worse, on the office's computer. Every CSV Kring writes goes through
``writer`` below, every XLSX through ``xlsx`` (openpyxl), whose text cells are always text.

The rule: a *text* cell that starts with one of those characters gets a leading apostrophe
(``'=HYPERLINK(…)``), which spreadsheets show as text and people read without trouble. Numbers passed
as numbers (``int``, ``float``, ``Decimal``) are written as they are, so ``-3`` stays a negative
number; Kring's exports pass their numbers as numbers and everything people typed as text.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet shows it harmlessly: text that would start a formula gets a ``'``."""
    if value is None or isinstance(value, (int, float, Decimal)):
        return value
    text = str(value)  # what csv.writer would write, also for dates and lazy translations
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """``csv.writer`` whose every cell passes through ``safe_cell``."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(stream, **options) -> SafeWriter:
    """A CSV writer for anything that may be opened in a spreadsheet (options as for ``csv.writer``)."""
    return SafeWriter(stream, **options)


def xlsx(header: list[str], rows, *, title: str = "Kring") -> bytes:
    """An XLSX workbook of one sheet: the header in bold, then the rows. Text stays text, so a name
    that starts with ``=`` is never a formula and a number with leading zeros keeps them; numbers and
    dates stay numbers and dates."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    bold = Font(bold=True)
    sheet.append([_cell(sheet, name, font=bold) for name in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _cell(sheet, value, font=None):
    if value is not None and not isinstance(value, (int, float, Decimal, datetime.date)):
        value = str(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
    if font is not None:
        cell.font = font
    return cell
