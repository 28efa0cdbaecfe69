"""Every file Kring hands out says what it is called: a name that tells the reader what it holds, and
the extension of its content, so it opens in the right program once it is saved.

Stored uploads (CPD evidence, answers to the committee, certificates, an institute's documents) are
kept under neutral names without an extension: the name someone gave a file may say more than the
file should. ``stored_file`` sends them under a name the view gives, with the extension of their
content type, or, when none was recorded, of their first bytes.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from kring.core.evidence import EXTENSIONS, SIGNATURES


def extension_for(content_type: str, head: bytes = b"") -> str:
    """ ".pdf", ".png" or ".jpg" for a content type, else for the file's first bytes ("" if unknown)."""
    if content_type in EXTENSIONS:
        return EXTENSIONS[content_type]
    detected = next((kind for magic, kind in SIGNATURES if head.startswith(magic)), "")
    return EXTENSIONS.get(detected, "")


def file_name(name: str, extension: str) -> str:
    """A plain file name: letters, digits and dashes (no spaces or accents that some programs mangle)."""
    return (slugify(name) or "file") + extension


def name_download(response: HttpResponse, filename: str, *, inline: bool = False) -> HttpResponse:
    """Give ``response`` its file name: a download, or ``inline`` for what the browser shows itself."""
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    return response


def stored_file(field, *, name: str, content_type: str = "") -> FileResponse:
    """A stored upload as a private download called ``name`` with the extension of its content. Never
    shown in the browser, never kept in a shared cache."""
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    head = handle.read(16)
    handle.seek(0)
    extension = extension_for(content_type, head)
    if not content_type:
        content_type = next((kind for kind, ext in EXTENSIONS.items() if ext == extension), "application/octet-stream")
    response = FileResponse(handle, as_attachment=True, filename=file_name(name, extension), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
