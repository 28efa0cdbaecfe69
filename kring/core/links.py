"""Absolute links: the one place that turns a path into an address people can open from outside a page.

QR codes, verification links, PDFs, e-mails, calendar feeds and the open data all need the full
address, and a task worker or a nightly export has no request to take it from. So every absolute link
is ``SITE_URL`` (from the environment; ``make run`` sets it from ``HOST`` and ``PORT`` unless
``SITE_URL`` is given) plus the path. Nothing else in Kring reads ``settings.SITE_URL``: a test checks.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def site_url() -> str:
    """The address Kring is served on, without a trailing slash, e.g. ``https://kring.example``."""
    return settings.SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    """``path`` (starting with ``/``) as an absolute address on this site."""
    return site_url() + path


def absolute_reverse(viewname: str, **kwargs) -> str:
    """``reverse`` as an absolute address, in the active language."""
    return absolute(reverse(viewname, **kwargs))
