"""Stored uploads download under the name the view gives, with the extension of their content."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404

from kring.core.downloads import file_name, stored_file


class Stored:
    """A stored file as a FileField holds it: a neutral name without an extension."""

    def __init__(self, content: bytes):
        self.name = default_storage.save("evidence/1/20260105120000000000", ContentFile(content))

    def __bool__(self):
        return True

    def open(self, mode="rb"):
        return default_storage.open(self.name, mode)


def test_a_pdf_downloads_with_its_name_and_pdf_extension():
    response = stored_file(Stored(b"%PDF-1.7\n..."), name="Curriculum 2026", content_type="application/pdf")
    assert response["Content-Disposition"] == 'attachment; filename="curriculum-2026.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"


def test_without_a_recorded_type_the_extension_comes_from_the_content():
    response = stored_file(Stored(b"\x89PNG\r\n\x1a\n" + b"\0" * 20), name="evidence-2026-01-05-7")
    assert response["Content-Disposition"] == 'attachment; filename="evidence-2026-01-05-7.png"'
    assert response["Content-Type"] == "image/png"


def test_a_name_with_accents_and_spaces_stays_readable():
    assert file_name("Opleiding Één & Twee", ".pdf") == "opleiding-een-twee.pdf"
    assert file_name("", ".pdf") == "file.pdf"


def test_no_file_is_not_found():
    with pytest.raises(Http404):
        stored_file(None, name="x")
