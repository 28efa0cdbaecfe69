"""Opening uploaded images safely, for every app that takes them (photos, evidence).

The size is read from the file's header before anything is decoded, and checked against a pixel
limit that the caller chooses for its use: a small PNG can claim 6000 by 6000 pixels and would take
seconds and a gigabyte to decode. Decoding itself is limited to a few at the same time per process,
so a burst of uploads cannot exhaust the server's memory. Saving again (``clean_jpeg``) keeps no
metadata at all: no EXIF, no GPS position, no camera serial number.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

DECODING_AT_ONCE = threading.BoundedSemaphore(2)
UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError)


@dataclass
class ImageRefused(Exception):
    """Why an image was refused: ``format``, ``too_many_pixels`` or ``unreadable``."""

    code: str


def decode(upload, *, formats: set[str], max_pixels: int, fit: int) -> Image.Image:
    """The upright, decoded image of ``upload`` (a file object), at least ``fit`` pixels on its long
    side where the format can decode smaller (JPEG); raises ``ImageRefused``."""
    try:
        upload.seek(0)
        with Image.open(upload) as probe:  # reads the header only
            if probe.format not in formats:
                raise ImageRefused("format")
            width, height = probe.size
            if width * height > max_pixels:
                raise ImageRefused("too_many_pixels")
            probe.verify()
        upload.seek(0)
        with DECODING_AT_ONCE, Image.open(upload) as image:
            if image.format == "JPEG":
                image.draft("RGB", (fit, fit))  # decode at a reduced scale: much faster
            image.load()
            return ImageOps.exif_transpose(image)
    except UNREADABLE as error:
        raise ImageRefused("unreadable") from error


def clean_jpeg(image: Image.Image, *, side: int, quality: int = 85) -> bytes:
    """``image`` at most ``side`` pixels on its long side, as a JPEG without any metadata."""
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((side, side))
    # A new image without ``info`` carries no EXIF, ICC, XMP or comments into the saved file.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    output = io.BytesIO()
    clean.save(output, format="JPEG", quality=quality, optimize=True)
    return output.getvalue()
