"""The verification QR code and the proof of registration (PDF)."""

from __future__ import annotations

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from kring.register.models import Registration
from kring.register.public import PublicStanding


def absolute_url(registration: Registration) -> str:
    """The address of the trainer's public page, in the active language: what the QR code points at."""
    return settings.SITE_URL + reverse("register:detail", kwargs={"number": registration.number})


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url``; the text of the URL is always printed next to it too."""
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4, title=url))  # nosec B308 B703 # segno escapes the title; the rest is its own SVG


def proof_pdf(registration: Registration, standing: PublicStanding) -> bytes:
    """The printable proof of registration, with the same QR code as the public page."""
    import weasyprint  # loaded on demand: it is heavy and only this document needs it

    url = absolute_url(registration)
    html = render_to_string(
        "register/proof.html",
        {
            "registration": registration,
            "person": registration.person,
            "standing": standing,
            "url": url,
            "qr_svg": qr_svg(url),
            "issued_on": timezone.localdate(),
        },
    )
    return weasyprint.HTML(string=html, base_url=settings.SITE_URL).write_pdf()
