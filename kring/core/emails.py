"""All of Kring's e-mail goes through here.

Each e-mail is two templates, ``emails/<name>-subject.txt`` and ``-body.txt``, rendered in the
reader's language with the association (``identity.current()``) in the context. ``message()`` puts
the text into one layout (``emails/base.txt`` and ``emails/base.html``): a greeting line, the text,
and a footer with the association's name and address, so every e-mail has a plain-text and an
HTML part that say the same. allauth's e-mails take the same way (``send_rendered``). The headers
say the language (``Content-Language``), and the Message-ID carries ``EMAIL_MESSAGE_ID_DOMAIN``.
The rendered message is handed to the task worker, so a slow mail server never slows down a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation

from kring.core import identity, links
from kring.core.tasks import send_email


@dataclass
class Message:
    to: list[str]
    subject: str
    body: str
    html: str
    language: str
    headers: dict = field(default_factory=dict)
    # [filename, text, mimetype] lists: text only (e.g. a calendar file) through ``send``, so the task
    # stays JSON; ``deliver`` also takes bytes (an invoice's PDF).
    attachments: list = field(default_factory=list)


def context_for(context: dict) -> dict:
    return {"site_url": links.site_url(), "association": identity.current(), **context}


def render(name: str, context: dict, language: str) -> tuple[str, str, str]:
    """Subject, plain text and HTML of e-mail ``name`` in ``language``."""
    with translation.override(language):
        context = context_for(context)
        subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
        text = render_to_string(f"emails/{name}-body.txt", context).strip()
        body, html = layout(subject, text, language)
    return subject, body, html


def layout(subject: str, text: str, language: str) -> tuple[str, str]:
    """The plain-text and HTML part of ``text`` in Kring's one e-mail layout."""
    with translation.override(language):
        context = context_for({"subject": subject, "text": text, "language": language})
        return render_to_string("emails/base.txt", context).strip() + "\n", render_to_string(
            "emails/base.html", context
        )


def message(
    name: str, *, to: str, context: dict | None = None, language: str = "nl", attachments: list | None = None
) -> Message:
    subject, body, html = render(name, context or {}, language)
    return Message(to=[to], subject=subject, body=body, html=html, language=language, attachments=attachments or [])


def send(
    name: str, *, to: str, context: dict | None = None, language: str = "nl", attachments: list | None = None
) -> None:
    """Render e-mail ``name`` for one reader and queue it for delivery, with text ``attachments``
    (``[filename, text, mimetype]``) if any."""
    _queue(message(name, to=to, context=context, language=language, attachments=attachments))


def send_rendered(*, to: list[str], subject: str, body: str, language: str = "nl") -> None:
    """Queue an e-mail whose text another component (allauth) already rendered, in Kring's layout."""
    body, html = layout(subject, body.strip(), language)
    _queue(Message(to=to, subject=subject, body=body, html=html, language=language))


def deliver(message: Message) -> int:
    """Deliver a rendered ``message`` at once, from a task that already runs in the worker: for an
    attachment that is not text (an invoice's PDF, made in that task), which the queue cannot carry."""
    return send_email.call(**_delivery(message))


def _queue(message: Message) -> None:
    send_email.enqueue(**_delivery(message))


def _delivery(message: Message) -> dict:
    return {
        "to": message.to,
        "subject": message.subject,
        "body": message.body,
        "html": message.html,
        "headers": {"Content-Language": message.language, **message.headers},
        "attachments": message.attachments,
    }
