"""Filing and moving complaints along for the tests, through the services."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from kring.complaints.models import Case
from kring.complaints.services import filing, procedure

SECRET_TEXT = "Tijdens de bodyscan raakte de trainer mij aan zonder te vragen, in zaal Zonnebloem."


def plain_pdf() -> bytes:
    """A real one-page PDF without active content."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name="verslag.pdf", data=None):
    return SimpleUploadedFile(name, data if data is not None else plain_pdf(), content_type="application/pdf")


def png_upload():
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(output, format="PNG")
    return SimpleUploadedFile("foto.png", output.getvalue(), content_type="image/png")


def file_case(
    registration, *, description=SECRET_TEXT, email="klager@example.org", documents=(), language="nl"
) -> tuple[Case, str]:
    return filing.case_file(
        registration=registration,
        description=description,
        when="maart 2026",
        hopes="Excuses",
        name="Kim Klager",
        email=email,
        phone="",
        language=language,
        documents=list(documents),
    )


def invited_case(registration, committee_user) -> Case:
    case, _token = file_case(registration)
    procedure.receipt_confirm(case, by=committee_user)
    return procedure.trainer_invite(case, question="Wil je reageren op de klacht over de bodyscan?", by=committee_user)
