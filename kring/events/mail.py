"""The e-mails of events, each in the reader's language (``kring.core.emails``)."""

from __future__ import annotations

from django.utils import translation

from kring.core import emails, identity, links
from kring.events import ical
from kring.events.models import Registration, WaitingEntry


def _url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return links.absolute_reverse(name, kwargs=kwargs)


def confirmation(registration: Registration) -> None:
    """Confirmed: with the calendar file, and the online link for an online place."""
    event = registration.event
    language = registration.language
    emails.send(
        "events-confirmation",
        to=registration.email,
        language=language,
        context={
            "registration": registration,
            "event": event,
            "association": identity.current(),
            "link": event.online_link if registration.mode == "online" else "",
            "page_url": _url("events:registration", language, token=registration.token),
        },
        attachments=[["event.ics", ical.registration_calendar(registration).decode(), "text/calendar"]],
    )


def verify(registration: Registration) -> None:
    """A visitor's address: the place is theirs after the click (no online link in this one)."""
    emails.send(
        "events-verify",
        to=registration.email,
        language=registration.language,
        context={
            "registration": registration,
            "event": registration.event,
            "association": identity.current(),
            "verify_url": _url("events:verify", registration.language, token=registration.token),
        },
    )


def offer(entry: WaitingEntry) -> None:
    _to_waiting("events-offer", entry)


def waiting_joined(entry: WaitingEntry) -> None:
    """A visitor on the waiting list hears it, with the page where they can leave it again (so an
    address given by someone else can take itself off)."""
    _to_waiting("events-waiting-joined", entry)


def _to_waiting(name: str, entry: WaitingEntry) -> None:
    language = entry.reader_language
    emails.send(
        name,
        to=entry.address,
        language=language,
        context={
            "entry": entry,
            "event": entry.event,
            "first_name": entry.person.first_name if entry.person_id else entry.name,
            "association": identity.current(),
            "offer_url": _url("events:offer", language, token=entry.token),
        },
    )


def message(registration: Registration, *, subject: str, body: str) -> None:
    emails.send(
        "events-message",
        to=registration.email,
        language=registration.language,
        context={
            "registration": registration,
            "event": registration.event,
            "subject": subject,
            "body": body,
            "association": identity.current(),
            "page_url": _url("events:registration", registration.language, token=registration.token),
        },
    )
