"""Every error of the API is the documented JSON body, also when the input is hostile or the database is gone."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CALL = """
import django
django.setup()
from django.test import Client
response = Client(headers={"Authorization": "Bearer kring-some-key"}).get("/api/v1/registrations/004211")
print(response.status_code, response["Content-Type"], response.get("Retry-After"))
print(response.content.decode())
"""


def call_without_database(tmp_path, database_url: str) -> list[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "kring.settings",
        "KRING_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", CALL], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    return result.stdout.strip().splitlines() or [result.stderr]


def test_thousands_of_nested_brackets_are_refused_as_invalid_json(api, db):
    response = api.generic("POST", "/api/v1/bulk", ("[" * 5000 + "]" * 5000).encode(), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_json"


def test_an_unknown_address_answers_the_documented_404(api, db):
    for path in ("/api/v1/nothing-here", "/api/v1/registrations/004211/extra"):
        response = api.get(path)
        assert response.status_code == 404
        assert set(response.json()) == {"error", "message"}
        assert response.json()["error"] == "not_found"


def test_it_answers_503_json_when_postgresql_does_not_answer(tmp_path):
    # PostgreSQL on a port where nothing listens: the database server is down.
    status, body = call_without_database(tmp_path, "postgres://kring@127.0.0.1:9/kring")
    assert status == "503 application/json; charset=utf-8 30", body
    assert '"error": "unavailable"' in body


def test_it_answers_503_json_when_the_sqlite_database_cannot_be_opened(tmp_path):
    status, body = call_without_database(tmp_path, f"sqlite:///{tmp_path / 'gone' / 'kring.sqlite3'}")
    assert status == "503 application/json; charset=utf-8 30", body
    assert '"error": "unavailable"' in body
