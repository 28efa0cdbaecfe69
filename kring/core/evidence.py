"""Uploaded evidence is recognised by its content, never by the name of the file, and stored clean.

Images are decoded only when their size is within a pixel limit, turned upright and saved again in
their own format from the bare pixels: no EXIF, GPS position, camera serial or comments survive.
PDFs are read with pypdf and refused when they carry anything a viewer would run or unpack:
JavaScript, actions on opening or on events, launching programs, embedded files or XFA forms.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 10 * 1024 * 1024
SIGNATURES = [(b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg")]
# A scanned A4 page at 600 dpi is 35 MP, a phone photo 12 MP; more is not evidence but a burden.
MAX_PIXELS = 40_000_000
# Long side of a stored image: an A4 page at 300 dpi, so certificates stay legible.
STORED_SIDE = 3508
PIL_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}
EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}

ACTIVE_KEYS = {"/JS", "/JavaScript", "/AA", "/EmbeddedFiles", "/EmbeddedFile", "/XFA", "/RichMedia"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/RichMediaExecute"}
# Walking a 10 MB PDF visits far fewer objects; a file with more is refused rather than read on.
MAX_PDF_OBJECTS = 200_000

WRONG_TYPE = _("We can only accept a PDF, JPEG or PNG file. This file is none of these.")


def detect_type(upload) -> str | None:
    """The content type of an upload (PDF, PNG or JPEG) from its first bytes."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)


def clean_evidence(upload) -> tuple[ContentFile, str]:
    """The file to store and its content type, or a ``ValidationError`` that says what to do."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB. Please upload a smaller file."))
    content_type = detect_type(upload)
    if content_type is None:
        raise ValidationError(WRONG_TYPE)
    upload.seek(0)
    if content_type == "application/pdf":
        data = upload.read()
        check_pdf(data)
    else:
        data = clean_image(upload, PIL_FORMATS[content_type])
    upload.seek(0)
    # The trainer's own file name may say more than the file should: stored under a neutral one.
    return ContentFile(data, name="evidence" + EXTENSIONS[content_type]), content_type


def clean_image(upload, kind: str) -> bytes:
    """The image saved again from its pixels only, upright and at most ``STORED_SIDE`` long."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(upload) as probe:  # reads the header only: the size is known before decoding
            if probe.format != kind:
                raise ValidationError(WRONG_TYPE)
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("This image has more than 40 million pixels. Please upload a smaller image or a PDF.")
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            if kind == "JPEG":
                image.draft("RGB", (STORED_SIDE, STORED_SIDE))  # decode at a reduced scale: much faster
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(WRONG_TYPE) from error
    return _bare(upright, kind)


def _bare(image, kind: str) -> bytes:
    from PIL import Image

    if kind == "JPEG":
        mode = "RGB"
    elif "A" in image.mode or (image.mode == "P" and "transparency" in image.info):
        mode = "RGBA"
    else:
        mode = "L" if image.mode in ("1", "L") else "RGB"
    if image.mode != mode:
        image = image.convert(mode)
    image.thumbnail((STORED_SIDE, STORED_SIDE))
    # A new image has an empty ``info``: no EXIF, ICC profile, XMP, text chunks or comments go along.
    clean = Image.new(mode, image.size)
    clean.paste(image)
    output = io.BytesIO()
    clean.save(output, format=kind, **({"quality": 90} if kind == "JPEG" else {"optimize": True}))
    return output.getvalue()


def check_pdf(data: bytes) -> None:
    """Raise a kind message when the PDF cannot be read or contains active content."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(_("This PDF is protected with a password. Please upload it without the password."))
        active = has_active_content(reader.trailer)
    except ValidationError:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ValidationError(
            _("We could not read this PDF. Please save it again as a PDF and upload that file.")
        ) from error
    if active:
        raise ValidationError(
            _(
                "This PDF contains active content, such as a script, an automatic action or an embedded file. "
                "For everyone's safety we cannot accept it. Please save or print it again as a plain PDF "
                "and upload that file."
            )
        )


def has_active_content(root) -> bool:
    """Whether any object reachable from ``root`` (the trailer) is a script, trigger, launch or attachment."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    todo = [root]
    visited = 0
    while todo:
        item = todo.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            return True
        if isinstance(item, DictionaryObject):
            if ACTIVE_KEYS & set(item.keys()) or _is_active_action(item) or _opens_with_action(item):
                return True
            todo.extend(item.values())
        elif isinstance(item, ArrayObject):
            todo.extend(item)
    return False


def _is_active_action(item) -> bool:
    return item.get("/S") in ACTIVE_ACTIONS or item.get("/Subtype") in ("/FileAttachment", "/RichMedia")


def _opens_with_action(item) -> bool:
    """An ``/OpenAction`` that is more than a page to show first (a destination or a GoTo) is active."""
    from pypdf.generic import DictionaryObject

    action = item.get("/OpenAction")
    if action is None:
        return False
    action = action.get_object()
    return isinstance(action, DictionaryObject) and action.get("/S") != "/GoTo"
