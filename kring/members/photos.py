"""Checking and cleaning uploaded photos.

A photo is opened with Pillow, checked (JPEG, PNG or WebP; at most 5 MB and 6000 by 6000 pixels),
turned upright by its EXIF orientation and saved again as a fresh JPEG. The new file carries no
metadata at all: no EXIF, no GPS position, no camera serial number.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS_SIDE = 6000
FORMATS = {"JPEG", "PNG", "WEBP"}
# Large enough for any page that shows a photo; keeps files small.
STORED_SIDE = 1600


def prepare(upload) -> bytes:
    """The cleaned JPEG bytes of an uploaded photo, or a ``ValidationError`` that says what to do."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("This photo is larger than 5 MB. Please choose a smaller photo."), code="too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            kind = probe.format
            width, height = probe.size
            if kind not in FORMATS:
                raise ValidationError(_("Please choose a photo in JPEG, PNG or WebP format."), code="format")
            if width > MAX_PIXELS_SIDE or height > MAX_PIXELS_SIDE:
                raise ValidationError(
                    _("This photo is larger than 6000 by 6000 pixels. Please choose a smaller photo."),
                    code="too_many_pixels",
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format == "JPEG":
                # Decode at a reduced scale that is still at least the stored size: much faster.
                image.draft("RGB", (STORED_SIDE, STORED_SIDE))
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("We could not read this file as a photo. Please choose a JPEG, PNG or WebP photo."), code="unreadable"
        ) from error
    return _as_clean_jpeg(upright)


def _as_clean_jpeg(image: Image.Image) -> bytes:
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((STORED_SIDE, STORED_SIDE))
    # A new image without ``info`` carries no EXIF, ICC, XMP or comments into the saved file.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    output = io.BytesIO()
    clean.save(output, format="JPEG", quality=85, optimize=True)
    return output.getvalue()
