"""Every PDF Kring makes is tagged (PDF/UA-1: structure tree, marked content, language), so screen
readers read it; the proof of registration names the association and says how to verify it."""

import datetime
import io

import pypdf
import pytest

from kring.core import identity
from kring.core.models import Association


def assert_tagged(content: bytes):
    reader = pypdf.PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root.get("/Lang")
    return reader


@pytest.fixture
def association(db, office):
    association = Association.objects.get(pk=1)
    association.name = "Vereniging voor Stilte"
    association.short_name = "VvS"
    association.email = "bureau@stilte.example"
    return identity.update(association, by=office.user)


def test_the_proof_is_tagged_and_names_the_association(client, trainer, association):
    reader = assert_tagged(client.get("/register/004211/proof.pdf").content)
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    assert "Vereniging voor Stilte verklaart" in text
    assert "bureau@stilte.example" in text
    assert "register van Vereniging voor Stilte zelf" in text  # how to verify: the page is the register
    assert reader.metadata.title.endswith("· VvS")


def test_the_intervision_record_is_tagged(trainer, login):
    year = datetime.date.today().year
    response = login(trainer).get(f"/intervisie/verslagen/{year}.pdf")
    assert response.status_code == 200
    assert_tagged(response.content)
