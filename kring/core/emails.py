"""All of Kring's e-mail goes through here.

Each e-mail is three templates: ``emails/<name>-subject.txt``, ``-body.txt`` and ``-body.html``
(the HTML part is optional). They are rendered in the reader's language and handed to the task
worker, so a slow mail server never slows down a page.
"""

from __future__ import annotations

from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from kring.core import links
from kring.core.tasks import send_email


def render(name: str, context: dict, language: str) -> tuple[str, str, str]:
    with translation.override(language):
        context = {"site_url": links.site_url(), **context}
        subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
        body = render_to_string(f"emails/{name}-body.txt", context)
        try:
            html = render_to_string(f"emails/{name}-body.html", context)
        except TemplateDoesNotExist:
            html = ""
    return subject, body, html


def send(
    name: str, *, to: str, context: dict | None = None, language: str = "nl", attachments: list | None = None
) -> None:
    """Render e-mail ``name`` for one reader and queue it for delivery. ``attachments`` are
    ``[filename, text, mimetype]`` lists (text only, e.g. a calendar file), so the task stays JSON."""
    subject, body, html = render(name, context or {}, language)
    if attachments:
        send_email.enqueue(to=[to], subject=subject, body=body, html=html, attachments=attachments)
    else:
        send_email.enqueue(to=[to], subject=subject, body=body, html=html)


def send_rendered(*, to: list[str], subject: str, body: str, html: str = "") -> None:
    """Queue an e-mail that another component (allauth) already rendered."""
    send_email.enqueue(to=to, subject=subject, body=body, html=html)
