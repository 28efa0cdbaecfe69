"""Writing CSV files that are safe to open in a spreadsheet.

Excel, LibreOffice and Numbers run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(and some strip a leading tab or carriage return first), so a first name of ``=HYPERLINK(…)`` in an
export would become a link, or worse, on the office's computer. Every CSV Kring writes goes through
``writer`` below; an XLSX writer, when Kring gets one, must pass its cells through ``safe_cell`` too.

The rule: a *text* cell that starts with one of those characters gets a leading apostrophe
(``'=HYPERLINK(…)``), which spreadsheets show as text and people read without trouble. Numbers passed
as numbers (``int``, ``float``, ``Decimal``) are written as they are, so ``-3`` stays a negative
number; Kring's exports pass their numbers as numbers and everything people typed as text.
"""

from __future__ import annotations

import csv
from decimal import Decimal

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
