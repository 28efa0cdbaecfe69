"""The call log: ``@logged`` under an operation's route writes one ``ApiCall`` per call with a known key.

It wraps the whole operation as django-ninja runs it (key check, rate limit, parameters, answer), so
refused calls are logged with their status too. What was asked is the query string, or for an
upload its type and size (the rows themselves are in the bulk job). Calls without a known key are
not logged (see ``kring.api.auth``).
"""

from __future__ import annotations

import logging
from functools import wraps

from django.db import DatabaseError
from ninja.decorators import decorate_view

from kring.api.models import ApiCall

logger = logging.getLogger(__name__)


def printable(text: str) -> str:
    """What was asked, safe to store: PostgreSQL refuses NUL characters in text."""
    return text.replace("\x00", "\ufffd")


def asked(request) -> str:
    if request.method == "POST":
        return f"{request.content_type or 'no type'}, {request.META.get('CONTENT_LENGTH') or 0} bytes"
    return request.META.get("QUERY_STRING", "")


def record(request, status_code: int) -> None:
    key = getattr(request, "api_key", None)
    if key is None:
        return
    try:
        ApiCall.objects.create(
            key=key,
            insurer_id=key.insurer_id,
            method=request.method,
            path=printable(request.path)[:300],
            query=printable(asked(request))[:500],
            status_code=status_code,
        )
    except DatabaseError:  # the answer (often a 503 for the same reason) goes out all the same
        logger.exception("The API call to %s could not be logged", request.path)


def _log_call(run):
    @wraps(run)
    def logged_run(request, *args, **kwargs):
        response = run(request, *args, **kwargs)
        record(request, response.status_code)
        return response

    return logged_run


logged = decorate_view(_log_call)
