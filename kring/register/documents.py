"""The verification QR code and the proof of registration (PDF)."""

from __future__ import annotations

import datetime
import hashlib
import multiprocessing
import os
import threading
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from kring.core import identity, links
from kring.core.pdf import end_with as pdf_end_with
from kring.core.pdf import render as pdf_render
from kring.register.models import Registration
from kring.register.public import PublicStanding


def absolute_url(registration: Registration) -> str:
    """The address of the trainer's public page, in the active language: what the QR code points at."""
    return links.absolute_reverse("register:detail", kwargs={"number": registration.number})


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url``; the text of the URL is always printed next to it too."""
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4, title=url))  # nosec B308 B703 # segno escapes the title; the rest is its own SVG


# Proofs of registration: a PDF costs a tenth of a second or more to render, and under 16 connections
# renders at once starved everything else. So a proof is stored, served without rendering while it is
# right, and rendered by at most ``KRING_PROOF_RENDERS`` requests of a process at a time, in a process
# of its own.
#
# Stored in the file store (``default_storage``, which the app servers share as they share photos)
# as ``proofs/<day of issue>/<digest of its HTML>.pdf``: the same registration, standing, name,
# language, association and day give the same HTML and so the same file, and any change of those
# gives a new one. Each process also remembers, per generation of the search index (which every
# change of a registration or a person's name bumps in the same transaction), day, language and
# edit of the association, which digest a number's proof has, so that a repeated proof is served
# without reading the registration or rendering its HTML; a new generation forgets it at once. The
# store is a cache, rebuilt by rendering: days before yesterday are removed as the next day's proofs
# are stored.
STORE = "proofs"
NO_GENERATION = "0"
MEMORY_PROOFS = 64  # PDFs held in each process's memory (some 40 kB each)
_lock = threading.Lock()
_renders = threading.BoundedSemaphore(settings.KRING_PROOF_RENDERS)
_digests: dict[tuple, str] = {}  # (generation, number, day, language, site, association) -> digest
_digests_generation = [""]
_pdfs: OrderedDict[str, bytes] = OrderedDict()  # digest -> PDF, the most recently used last
_cleaned_on: list[datetime.date] = []
_renderer: list[ProcessPoolExecutor] = []  # at most one


class Busy(Exception):
    """Every render of this process is taken: the caller asks again in a few seconds."""


def _address(number: str, generation: str) -> tuple:
    association, language = identity.current(), translation.get_language()
    day = timezone.localdate()
    return (generation, number, day, language, links.site_url(), association.pk, association.changed_at)


def known_proof(number: str, generation: str) -> bytes | None:
    """The proof of ``number`` this process served in this generation today, or None. Nothing is
    remembered without a generation (a register whose index was never built)."""
    if generation == NO_GENERATION:
        return None
    digest = _digests.get(_address(number, generation))
    return None if digest is None else _stored(digest, timezone.localdate())


def proof_pdf(registration: Registration, standing: PublicStanding, generation: str) -> bytes:
    """The printable proof of registration, with the same QR code as the public page: from the
    store, or rendered and stored. Raises ``Busy`` when it must be rendered and this process
    already renders ``KRING_PROOF_RENDERS`` proofs."""
    html = _proof_html(registration, standing)
    digest, today = proof_digest(html), timezone.localdate()
    pdf = _stored(digest, today)
    if pdf is None:
        if not _renders.acquire(blocking=False):
            raise Busy
        try:
            pdf = _stored(digest, today) or _store(digest, today, _render(html))
        finally:
            _renders.release()
    if generation == NO_GENERATION:
        return pdf
    with _lock:
        if _digests_generation[0] != generation or len(_digests) > 10_000:
            _digests.clear()
            _digests_generation[0] = generation
        _digests[_address(registration.number, generation)] = digest
    return pdf


def _render(html: str) -> bytes:
    """The PDF, made by WeasyPrint in a process of its own (started once, then kept): in the server's
    own process a render held Python's lock for a few hundred milliseconds at a time, and every other
    request of that process, the search too, waited for it."""
    with _lock:
        if not _renderer:
            context = multiprocessing.get_context("forkserver")  # not a copy of this threaded process
            _renderer.append(
                ProcessPoolExecutor(
                    max_workers=settings.KRING_PROOF_RENDERS,
                    mp_context=context,
                    initializer=pdf_end_with,
                    initargs=(os.getpid(),),
                )
            )
        renderer = _renderer[0]
    try:
        return renderer.submit(pdf_render, html, links.site_url()).result()
    except BrokenProcessPool:  # the renderer died (killed, out of memory): the next proof starts a new one
        with _lock:
            if renderer in _renderer:
                _renderer.remove(renderer)
        raise


def proof_digest(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def proof_name(digest: str, day: datetime.date) -> str:
    return f"{STORE}/{day.isoformat()}/{digest}.pdf"


def _stored(digest: str, day: datetime.date) -> bytes | None:
    with _lock:
        pdf = _pdfs.get(digest)
        if pdf is not None:
            _pdfs.move_to_end(digest)
            return pdf
    try:
        with default_storage.open(proof_name(digest, day), "rb") as file:
            pdf = file.read()
    except FileNotFoundError:
        return None
    _remember(digest, pdf)
    return pdf


def _remember(digest: str, pdf: bytes) -> None:
    with _lock:
        _pdfs[digest] = pdf
        while len(_pdfs) > MEMORY_PROOFS:
            _pdfs.popitem(last=False)


def _store(digest: str, day: datetime.date, pdf: bytes) -> bytes:
    name = proof_name(digest, day)
    if not default_storage.exists(name):  # another server may have stored it meanwhile
        default_storage.save(name, ContentFile(pdf))
    _remember(digest, pdf)
    if day not in _cleaned_on:
        _remove_days_before(day - datetime.timedelta(days=1))
        _cleaned_on[:] = [day]
    return pdf


def _remove_days_before(first_kept: datetime.date) -> None:
    try:
        days, _ = default_storage.listdir(STORE)
    except FileNotFoundError:
        return
    for day in days:
        if day < first_kept.isoformat():
            _, files = default_storage.listdir(f"{STORE}/{day}")
            for name in files:
                default_storage.delete(f"{STORE}/{day}/{name}")


def forget_proofs() -> None:
    """Empty this process's memory of proofs, as a fresh app server has it (the store stays)."""
    with _lock:
        _digests.clear()
        _pdfs.clear()


def _proof_html(registration: Registration, standing: PublicStanding) -> str:
    url = absolute_url(registration)
    return render_to_string(
        "register/proof.html",
        {
            "registration": registration,
            "person": registration.person,
            "standing": standing,
            "url": url,
            "qr_svg": qr_svg(url),
            "issued_on": timezone.localdate(),
            "association": identity.current(),
        },
    )
