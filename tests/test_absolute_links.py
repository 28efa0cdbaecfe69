"""Absolute links follow the address Kring is served on (``SITE_URL``, which ``make run`` sets from
``HOST`` and ``PORT``): the QR code and verification link, the proof PDF, e-mails, calendar feeds and
the open data. And they all come from ``kring.core.links``, so no new link can forget it."""

import io
import os
import pathlib
import re
import subprocess

import pypdf
import pytest

from kring.core import emails
from kring.intervision.tests.helpers import make_group
from kring.register import search_index

SERVED = "http://192.0.2.7:8106"
ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture
def served(settings):
    settings.SITE_URL = SERVED


def test_the_trainer_page_and_its_qr_code_link_to_the_served_address(served, trainer, client):
    page = client.get("/register/004211/").content.decode()
    assert f"{SERVED}/register/004211/" in page
    assert f"<title>{SERVED}/register/004211/</title>" in page  # the QR code's own title names its address
    assert "127.0.0.1:8000" not in page


def test_the_proof_pdf_links_to_the_served_address(served, trainer, client):
    pdf = pypdf.PdfReader(io.BytesIO(client.get("/register/004211/proof.pdf").content))
    assert f"{SERVED}/register/004211/" in "".join(p.extract_text() for p in pdf.pages)


def test_the_open_data_links_to_the_served_address(served, trainer, client):
    search_index.rebuild()
    (row,) = client.get("/register/open-data/register.json").json()["registrations"]
    assert row["url"] == f"{SERVED}/register/004211/"


def test_e_mails_link_to_the_served_address(served, trainer):
    _subject, body, _html = emails.render("recertification-question", {"person": trainer}, "nl")
    assert f"{SERVED}/herregistratie/dossier/" in body


def test_calendar_feeds_are_on_the_served_address(served, trainer, login):
    make_group(trainer)
    page = login(trainer).get("/intervisie/agenda/").content.decode()
    assert re.search(re.escape(SERVED) + r"/intervisie/agenda/groep/[^\"<]+\.ics", page)


def test_only_the_links_module_reads_the_site_address():
    readers = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "kring").rglob("*.py")
        if "SITE_URL" in path.read_text() and "/tests/" not in str(path)
    ]
    assert sorted(readers) == ["kring/core/links.py", "kring/settings.py"]


def run_script(tmp_path, **env):
    """``scripts/run.sh`` with a stand-in interpreter that writes down the SITE_URL it was given."""
    seen = tmp_path / "seen"
    stand_in = tmp_path / "python"
    stand_in.write_text(f'#!/bin/sh\necho "$SITE_URL $ALLOWED_HOSTS" >> {seen}\n')
    stand_in.chmod(0o755)
    base = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "ALLOWED_HOSTS", "HOST", "PORT")}
    subprocess.run(["scripts/run.sh"], cwd=ROOT, env={**base, "PY": str(stand_in), **env}, check=True, timeout=30)
    return seen.read_text().splitlines()[0]


def test_make_run_sets_the_site_address_from_host_and_port(tmp_path):
    assert run_script(tmp_path, HOST="0.0.0.0", PORT="8106") == "http://0.0.0.0:8106 127.0.0.1,localhost,0.0.0.0"


def test_make_run_keeps_a_site_address_that_is_given(tmp_path):
    assert run_script(tmp_path, PORT="8106", SITE_URL="https://kring.example").startswith("https://kring.example ")
