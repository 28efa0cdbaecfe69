"""The call log: ``@logged`` under an operation's route writes one ``ApiCall`` per call with a known key.

It wraps the whole operation as django-ninja runs it (key check, rate limit, parameters, answer), so
refused calls are logged with their status too. What was asked is the query string, or for an
upload its type and size (the rows themselves are in the bulk job). Calls without a known key are
not logged (see ``kring.api.auth``).

Written in batches: a row per call cost an API lookup a whole INSERT and commit (0.4 ms on SQLite,
1.4 ms on PostgreSQL, more than the lookup itself). Each call's row is made with its own time when the
answer is ready and kept in this process's memory; a writer thread stores what has gathered every
``KRING_API_LOG_SECONDS`` (0.2 s), sooner when ``BATCH_ROWS`` wait, in one INSERT, and at a normal
exit of the process (gunicorn's stop and restart of a worker) whatever is left. A process that
crashes or is killed loses at most the calls of its last ``KRING_API_LOG_SECONDS``. With
``KRING_API_LOG_SECONDS = 0`` every call is written in its own request, as the tests do.
"""

from __future__ import annotations

import atexit
import logging
import threading
from functools import wraps

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from ninja.decorators import decorate_view

from kring.api.models import ApiCall

logger = logging.getLogger(__name__)
BATCH_ROWS = 500


def printable(text: str) -> str:
    """What was asked, safe to store: PostgreSQL refuses NUL characters in text."""
    return text.replace("\x00", "\ufffd")


def asked(request) -> str:
    if request.method == "POST":
        return f"{request.content_type or 'no type'}, {request.META.get('CONTENT_LENGTH') or 0} bytes"
    return request.META.get("QUERY_STRING", "")


class CallLog:
    """The calls of this process that are not written yet, and the thread that writes them. A call
    waits as the plain values of its row; the writer makes the rows (not the request)."""

    def __init__(self):
        self._waiting: list[dict] = []
        self._lock = threading.Lock()  # guards the list
        self._writing = threading.Lock()  # one batch at a time, so rows keep their order
        self._wake = threading.Event()
        self._writer: threading.Thread | None = None

    def add(self, call: dict, seconds: float) -> None:
        with self._lock:
            self._waiting.append(call)
            full = len(self._waiting) >= BATCH_ROWS
            if self._writer is None:
                self._writer = threading.Thread(
                    target=self._write_forever, args=(seconds,), name="kring-api-call-log", daemon=True
                )
                self._writer.start()
                atexit.register(self.flush)
        if full:
            self._wake.set()

    def flush(self) -> int:
        """Write every call waiting in memory now; returns how many were written."""
        with self._writing:
            with self._lock:
                calls, self._waiting = self._waiting, []
            if not calls:
                return 0
            try:
                ApiCall.objects.bulk_create([ApiCall(**call) for call in calls], batch_size=BATCH_ROWS)
            except DatabaseError:
                connection.close()  # a broken connection: the next batch opens a new one
                logger.exception("%d API calls could not be logged", len(calls))
                return 0
            return len(calls)

    def _write_forever(self, seconds: float) -> None:
        while True:
            self._wake.wait(seconds)
            self._wake.clear()
            if self.flush():
                # Like a request's connection: kept for CONN_MAX_AGE, closed at once without it.
                connection.close_if_unusable_or_obsolete()


LOG = CallLog()


def flush() -> int:
    """Write the calls this process still holds (the writer thread does so by itself)."""
    return LOG.flush()


def record(request, status_code: int) -> None:
    key = getattr(request, "api_key", None)
    if key is None:
        return
    call = {
        "key_id": key.pk,
        "insurer_id": key.insurer_id,
        "at": timezone.now(),
        "method": request.method,
        "path": printable(request.path)[:300],
        "query": printable(asked(request))[:500],
        "status_code": status_code,
    }
    seconds = settings.KRING_API_LOG_SECONDS
    if seconds > 0:
        LOG.add(call, seconds)
        return
    try:
        ApiCall.objects.create(**call)
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
