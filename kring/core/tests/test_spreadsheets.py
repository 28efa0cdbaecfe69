"""Cells that a spreadsheet would run as a formula are written as text."""

import csv
import datetime
import io
from decimal import Decimal

import pytest

from kring.core import spreadsheets


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("https://evil.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"],
)
def test_it_writes_text_that_starts_a_formula_with_an_apostrophe(typed):
    assert spreadsheets.safe_cell(typed) == "'" + typed


def test_it_leaves_ordinary_text_numbers_dates_and_empty_cells_as_they_are():
    assert spreadsheets.safe_cell("Anna de Vries") == "Anna de Vries"
    assert spreadsheets.safe_cell("a=b") == "a=b"
    assert spreadsheets.safe_cell(-3) == -3
    assert spreadsheets.safe_cell(-2.5) == -2.5
    assert spreadsheets.safe_cell(Decimal("-1.25")) == Decimal("-1.25")
    assert spreadsheets.safe_cell(datetime.date(2026, 1, 5)) == "2026-01-05"
    assert spreadsheets.safe_cell(None) is None


def test_the_writer_protects_every_cell_of_every_row():
    stream = io.StringIO()
    writer = spreadsheets.writer(stream, lineterminator="\n")
    writer.writerow(["name", "balance"])
    writer.writerows([["=cmd|'/C calc'!A0", -12], ["Bas", 3]])
    assert list(csv.reader(io.StringIO(stream.getvalue()))) == [
        ["name", "balance"],
        ["'=cmd|'/C calc'!A0", "-12"],
        ["Bas", "3"],
    ]


def test_an_xlsx_keeps_text_as_text_and_numbers_and_dates_as_they_are():
    import datetime
    import io
    from decimal import Decimal

    import openpyxl

    data = spreadsheets.xlsx(
        ["name", "agb", "amount", "on"],
        [['=HYPERLINK("http://x")', "01234567", Decimal("12.50"), datetime.date(2026, 3, 1)]],
        title="Een titel die veel langer is dan eenendertig tekens",
    )
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    name, agb, amount, on = next(sheet.iter_rows(min_row=2))
    assert name.value == '=HYPERLINK("http://x")' and name.data_type == "s"  # shown as typed, never run
    assert agb.value == "01234567"  # leading zero kept
    assert amount.value == 12.5 and on.value.date() == datetime.date(2026, 3, 1)
    assert sheet.cell(row=1, column=1).font.bold
