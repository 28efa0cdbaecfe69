"""Races in tests: several calls released at the same moment, each in its own thread with its own
database connection, as two people clicking at once on two app servers."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings

from kring.core.refusals import Refused

# SQLite writes one transaction at a time, so a race shows only on PostgreSQL.
POSTGRES_ONLY = pytest.mark.skipif(
    "sqlite" in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite writes one transaction at a time; run on PostgreSQL to show the race.",
)


def race(action, arguments: list, refusals=(Refused,)) -> list[str]:
    """``action(argument)`` for each argument at once: "done", "refused", or the name of any other
    exception (shown in the assertion instead of lost in the thread), in the order they finished."""
    from django.db import connection

    barrier = threading.Barrier(len(arguments))
    outcomes: list[str] = []

    def run(argument):
        barrier.wait()
        try:
            action(argument)
            outcomes.append("done")
        except refusals:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
