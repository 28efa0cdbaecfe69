"""Encryption at rest: the case text is not in the database file in plain text; keys can rotate."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from kring.complaints import crypto
from kring.complaints.models import Case, CaseDocument
from kring.complaints.services import files
from kring.complaints.tests.helpers import SECRET_TEXT, file_case, plain_pdf


def _database_bytes(tmp_path) -> bytes:
    """The bytes of the database as stored: SQLite's file (copied with VACUUM INTO, since the test
    database lives in memory), or on PostgreSQL the raw column values as the server returns them."""
    if connection.vendor == "sqlite":
        target = tmp_path / "copy.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(target)])
        return target.read_bytes()
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed FROM complaints_case UNION ALL SELECT sealed FROM complaints_caseentry")
        texts = "".join(row[0] for row in cursor.fetchall()).encode()
        cursor.execute("SELECT sealed FROM complaints_casedocument")
        return texts + b"".join(bytes(row[0]) for row in cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_the_case_text_and_documents_are_not_in_the_database_file(flushed_data, trainer, tmp_path):
    marker = b"Unmistakable-PDF-marker-4711"
    document = (ContentFile(plain_pdf() + b"%" + marker), "application/pdf")
    case, _token = file_case(trainer.registrations.get(), email="heel.geheim@example.org", documents=[document])
    stored = _database_bytes(tmp_path)
    assert SECRET_TEXT.encode() not in stored
    assert b"Zonnebloem" not in stored
    assert b"heel.geheim@example.org" not in stored
    assert marker not in stored
    assert files.texts(Case.objects.get(pk=case.pk))["description"] == SECRET_TEXT
    assert marker in files.document_content(CaseDocument.objects.get(case=case))


def test_keys_rotate_and_the_old_key_can_then_be_dropped(trainer, settings):
    case, _token = file_case(trainer.registrations.get())
    old = settings.KRING_COMPLAINTS_KEYS[0]
    new = Fernet.generate_key().decode()
    settings.KRING_COMPLAINTS_KEYS = [new, old]
    call_command("complaints_rotate_keys", stdout=io.StringIO())
    settings.KRING_COMPLAINTS_KEYS = [new]
    assert files.texts(Case.objects.get(pk=case.pk))["description"] == SECRET_TEXT


def test_without_a_key_outside_debug_it_refuses_to_start(settings):
    settings.KRING_COMPLAINTS_KEYS = []
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        crypto.require_keys()
    settings.DEBUG = True
    crypto.require_keys()  # the development key, only with DEBUG
    settings.KRING_COMPLAINTS_KEYS = ["not-a-key"]
    with pytest.raises(ImproperlyConfigured):
        crypto.require_keys()


def test_the_app_server_does_not_start_in_production_without_a_key(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("KRING_COMPLAINTS", "DJANGO_ALLOW"))}
    env.update(DEBUG="0", KRING_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="kring.settings")
    result = subprocess.run(
        [sys.executable, "-c", "import kring.wsgi"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "KRING_COMPLAINTS_KEYS" in result.stderr
