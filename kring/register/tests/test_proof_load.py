"""The proof is rendered once per registration, standing, language and day, and each client address
may ask for a limited number of proofs a minute."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from kring.members.services import person_update
from kring.register import services

from .conftest import DAY, TODAY, public_trainer

PROOF = "/register/000042/proof.pdf"


@pytest.fixture
def registration(db):
    return public_trainer("Anna", "Utrecht", "3512", number="000042")


def pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_a_second_request_gets_the_stored_proof(client, registration):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from kring.register import documents, public

    first = client.get(PROOF)
    registration, standing = public.registration_for_page("000042")
    name = documents.proof_name(documents.proof_digest(documents._proof_html(registration, standing)), TODAY)
    with default_storage.open(name, "rb") as stored:
        assert stored.read() == first.content  # rendered once, stored under the digest of its HTML
    default_storage.delete(name)
    default_storage.save(name, ContentFile(b"%PDF-1.7 the stored one"))
    documents.forget_proofs()  # another app server: it shares the store, not this process's memory
    assert client.get(PROOF).content == b"%PDF-1.7 the stored one"  # served from the store, not rendered


def test_a_change_shows_in_the_next_proof(client, registration, office):
    assert "Anna Utrecht" in pdf_text(client.get(PROOF))
    person_update(registration.person, by=office.user, first_name="Annemarie")
    assert "Annemarie Utrecht" in pdf_text(client.get(PROOF))
    services.registration_expire(registration, on=TODAY - DAY, by=office.user)
    assert client.get(PROOF).status_code == 404


def test_too_many_proofs_from_one_address_get_a_kind_page(registration, settings):
    settings.KRING_PROOF_RATE = "3/m"
    visitor = Client(REMOTE_ADDR="198.51.100.7")
    assert [visitor.get(PROOF).status_code for _ in range(3)] == [200, 200, 200]

    refused = visitor.get(PROOF)
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Probeer het over een minuut opnieuw" in refused.content.decode()
    in_english = visitor.get("/en" + PROOF)
    assert in_english.status_code == 429 and "Please try again in a minute" in in_english.content.decode()

    assert Client(REMOTE_ADDR="198.51.100.8").get(PROOF).status_code == 200  # another address is not held up
