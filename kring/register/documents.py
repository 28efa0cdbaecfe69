"""The verification QR code and the proof of registration (PDF)."""

from __future__ import annotations

import hashlib

import segno
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from kring.core import identity, links
from kring.core.pdf import render as pdf_render
from kring.register.models import Registration
from kring.register.public import PublicStanding


def absolute_url(registration: Registration) -> str:
    """The address of the trainer's public page, in the active language: what the QR code points at."""
    return links.absolute_reverse("register:detail", kwargs={"number": registration.number})


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url``; the text of the URL is always printed next to it too."""
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4, title=url))  # nosec B308 B703 # segno escapes the title; the rest is its own SVG


PROOF_CACHE_SECONDS = 24 * 60 * 60


def proof_pdf(registration: Registration, standing: PublicStanding) -> bytes:
    """The printable proof of registration, with the same QR code as the public page.

    Rendering a PDF takes a tenth of a second or more, so the PDF is cached under a digest of its HTML:
    the same registration, standing, name, language and day of issue give the same document, and any
    change of those (the register, the person's name, a new day) gives a new key."""
    html = _proof_html(registration, standing)
    key = proof_cache_key(html)
    pdf = cache.get(key)
    if pdf is None:
        pdf = pdf_render(html)
        cache.set(key, pdf, PROOF_CACHE_SECONDS)
    return pdf


def proof_cache_key(html: str) -> str:
    return "register:proof:" + hashlib.sha256(html.encode()).hexdigest()


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
