"""Uploaded evidence is recognised by its content, never by the name of the file."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 10 * 1024 * 1024
SIGNATURES = [(b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg")]


def detect_type(upload) -> str | None:
    """The content type of an upload (PDF, PNG or JPEG) from its first bytes; images are also opened."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)
    if content_type and content_type.startswith("image/"):
        from PIL import Image

        try:
            with Image.open(upload) as image:
                image.verify()
        except Exception:
            return None
        finally:
            upload.seek(0)
    return content_type


def validate_evidence(upload) -> str:
    """Return the content type of valid evidence, or raise a kind message."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB. Please upload a smaller file."))
    content_type = detect_type(upload)
    if content_type is None:
        raise ValidationError(_("We can only accept a PDF, JPEG or PNG file. This file is none of these."))
    return content_type
