"""Kring's own pages for 403, 404 and 500, in the layout and the visitor's language, with a way back.

Django's defaults answer a bare English page when ``DEBUG`` is off. These handlers render
``core/error.html`` in the full layout. A 500 may come from a broken database or template, so if
the layout itself fails the page falls back to a plain one that needs nothing but the template.
"""

from __future__ import annotations

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def _texts(status: int) -> tuple[str, str]:
    if status == 403:
        return _("You cannot open this page"), _(
            "This page is for someone with another role. If you think you should be able to open it, ask the office."
        )
    if status == 404:
        return _("We cannot find this page"), _(
            "The address may be old or mistyped. From the home page you can find your way again."
        )
    return _("Something went wrong on our side"), _(
        "Nothing you did caused this. Please try again in a moment; if it keeps happening, let the office know."
    )


def page(request, status: int):
    title, explanation = _texts(status)
    return render(request, "core/error.html", {"title": title, "explanation": explanation}, status=status)


def permission_denied(request, exception=None):
    return page(request, 403)


def page_not_found(request, exception=None):
    return page(request, 404)


def server_error(request):
    try:
        return page(request, 500)
    except Exception:  # the layout needs the database and templates; the plain page needs neither
        title, explanation = _texts(500)
        html = render_to_string("core/error_plain.html", {"title": title, "explanation": explanation})
        return HttpResponseServerError(html)
