"""Whether this server can answer from its database: what ``/healthz`` tells the load balancer."""

from __future__ import annotations

from pathlib import Path

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder


def database_problem() -> str | None:
    """None when the database answers and holds Kring's tables, else what is wrong, in a few words.

    SQLite creates an empty file when asked to open one that is not there, so a server whose file
    was lost would look healthy while every page fails: the file must exist before we connect, and a
    migrated database has rows in Django's migration table.
    """
    sqlite_file = connection.vendor == "sqlite" and not connection.is_in_memory_db()
    if sqlite_file and not Path(connection.settings_dict["NAME"]).is_file():
        return "database missing"
    try:
        migrated = MigrationRecorder.Migration.objects.exists()
    except Exception:  # any database failure means: do not send traffic here
        return "database unavailable"
    return None if migrated else "database not migrated"
