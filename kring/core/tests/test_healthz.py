"""/healthz tells a load balancer whether this server can reach its database."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

UNREACHABLE = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode().strip())
"""


def test_it_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_it_answers_503_when_the_database_does_not_answer(tmp_path):
    # A server whose database is gone: PostgreSQL on a port where nothing listens.
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://kring@127.0.0.1:9/kring",
        "CONN_MAX_AGE": "0",
        "DJANGO_SETTINGS_MODULE": "kring.settings",
        "KRING_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "503 database unavailable", result.stdout + result.stderr


def run_healthz(tmp_path, database_url: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "kring.settings",
        "KRING_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    return result.stdout.strip() or result.stderr


def test_it_answers_503_and_creates_nothing_when_the_sqlite_file_is_gone(tmp_path):
    lost = tmp_path / "kring.sqlite3"
    assert run_healthz(tmp_path, f"sqlite:///{lost}") == "503 database missing"
    assert not lost.exists()


def test_it_answers_503_for_an_empty_sqlite_file(tmp_path):
    empty = tmp_path / "kring.sqlite3"
    empty.touch()
    assert run_healthz(tmp_path, f"sqlite:///{empty}") == "503 database unavailable"
