"""Checking and cleaning uploaded photos.

A photo is checked (JPEG, PNG or WebP; at most 5 MB and 16 megapixels, read from the header before
decoding), turned upright by its EXIF orientation and saved again as a fresh JPEG without any
metadata (``kring.core.images``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kring.core import images

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 16_000_000  # 4000 by 4000: more than any profile photo needs
FORMATS = {"JPEG", "PNG", "WEBP"}
# Large enough for any page that shows a photo; keeps files small.
STORED_SIDE = 1600

REFUSALS = {
    "format": _("Please choose a photo in JPEG, PNG or WebP format."),
    "too_many_pixels": _(
        "This photo has more than 16 megapixels (for example 4000 by 4000 pixels). Please choose a smaller photo."
    ),
    "unreadable": _("We could not read this file as a photo. Please choose a JPEG, PNG or WebP photo."),
}


def prepare(upload) -> bytes:
    """The cleaned JPEG bytes of an uploaded photo, or a ``ValidationError`` that says what to do."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("This photo is larger than 5 MB. Please choose a smaller photo."), code="too_large")
    try:
        image = images.decode(upload, formats=FORMATS, max_pixels=MAX_PIXELS, fit=STORED_SIDE)
    except images.ImageRefused as refused:
        raise ValidationError(REFUSALS[refused.code], code=refused.code) from refused
    return images.clean_jpeg(image, side=STORED_SIDE)
