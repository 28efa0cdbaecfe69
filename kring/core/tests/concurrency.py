"""Running the same call from several threads at the same moment, for race tests on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from django.db import connection


def needs_parallel_writers():
    """SQLite lets one writer in at a time, so it cannot show these races; PostgreSQL can."""
    return pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database with parallel writers")


def at_the_same_moment(action, arguments: list) -> list:
    """Call ``action(argument)`` for each argument in its own thread, released together; return the
    results in argument order. An exception in any thread is raised here."""
    barrier = threading.Barrier(len(arguments))
    results: list = [None] * len(arguments)
    errors: list[BaseException] = []

    def run(index, argument):
        try:
            barrier.wait()
            results[index] = action(argument)
        except BaseException as error:  # noqa: BLE001 - handed to the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results
