"""The certificate of attendance (PDF) and its verification QR code."""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from kring.core import identity, links, pdf
from kring.events.models import Registration


def check_url(registration: Registration) -> str:
    return links.absolute_reverse("events:certificate_check", kwargs={"code": registration.certificate_code})


def certificate_html(registration: Registration) -> str:
    url = check_url(registration)
    event = registration.event
    qr = mark_safe(segno.make(url, error="m").svg_inline(scale=3, title=url))  # nosec B308 B703 # segno escapes the title; the rest is its own SVG
    with translation.override(registration.language):
        return render_to_string(
            "events/certificate.html",
            {
                "registration": registration,
                "event": event,
                "association": identity.current(),
                "url": url,
                "qr_svg": qr,
                "starts_on": timezone.localtime(event.starts_at).date(),
                "ends_on": timezone.localtime(event.ends_at).date(),
                "LANGUAGE_CODE": registration.language,
            },
        )


def certificate_pdf(registration: Registration) -> bytes:
    """Tagged PDF (PDF/UA-1), so screen readers read it in order."""
    return pdf.render(certificate_html(registration))
