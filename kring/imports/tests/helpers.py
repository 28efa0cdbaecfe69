"""Import files as the office makes them: CSV from Excel (semicolons) and real XLSX workbooks."""

from __future__ import annotations

import io

from openpyxl import Workbook

HEADER_NL = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Telefoonnummer", "Lidmaatschap", "Lid sinds"]


def csv_file(header: list[str], *rows: list[str], delimiter: str = ";", encoding: str = "utf-8-sig") -> bytes:
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_file(header: list[str], *rows: list, formats: dict[int, str] | None = None) -> bytes:
    """A workbook whose cells keep the Python types given (numbers stay numbers, as Excel stores them);
    ``formats`` gives a column index a number format such as "000000"."""
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for column, number_format in (formats or {}).items():
        for cells in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
            cells[0].number_format = number_format
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
