"""A repeated proof is served from memory or the store without rendering, and is exactly the proof of
the HTML the register gives now; a change to the register shows at once; renders are bounded."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from pypdf import PdfReader

from kring.core import identity
from kring.members.services import person_update
from kring.register import documents, public, search_index, services
from kring.register.models import SearchEntry

from .conftest import TODAY, public_trainer

PROOF = "/register/000042/proof.pdf"


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def stored_for_today(number: str) -> bytes:
    """The stored proof of the HTML the register gives for ``number`` now (the slow path's proof)."""
    registration, standing = public.registration_for_page(number)
    name = documents.proof_name(documents.proof_digest(documents._proof_html(registration, standing)), TODAY)
    with default_storage.open(name, "rb") as stored:
        return stored.read()


@pytest.fixture
def registration(db):
    registration = public_trainer("Anna", "Utrecht", "3512", number="000042")
    search_index.rebuild()
    return registration


def test_repeated_proofs_of_seeded_trainers_are_the_proofs_of_their_current_html(client, db, settings):
    settings.KRING_PROOF_RATE = "1000/m"
    call_command("seed_demo", trainers=40, members=0, seed=1, verbosity=0)
    search_index.rebuild()
    numbers = list(SearchEntry.objects.order_by("number").values_list("number", flat=True)[:6])
    first = {number: client.get(f"/register/{number}/proof.pdf").content for number in numbers}
    for language in ("", "/en"):
        for number in numbers:
            again = client.get(f"{language}/register/{number}/proof.pdf")
            assert again.status_code == 200 and again["Content-Type"] == "application/pdf"
            if not language:
                assert again.content == first[number] == stored_for_today(number)
    assert "Proof of registration" in pdf_text(client.get(f"/en/register/{numbers[0]}/proof.pdf").content)


def test_a_repeated_proof_reads_no_registration(client, registration, django_assert_max_num_queries):
    client.get(PROOF)
    with django_assert_max_num_queries(1):  # the search index's generation
        assert client.get(PROOF).status_code == 200


def test_right_after_a_change_the_proof_is_new(client, registration, office):
    client.get(PROOF)
    person_update(registration.person, by=office.user, first_name="Annemarie")
    changed = client.get(PROOF)
    assert "Annemarie Utrecht" in pdf_text(changed.content)
    assert changed.content == stored_for_today("000042")
    services.registration_suspend(registration, on=TODAY, reason="complaint", by=office.user)
    assert client.get(PROOF).status_code == 404


def test_a_new_name_of_the_association_shows_in_the_next_proof(client, registration, office):
    client.get(PROOF)
    association = identity.current()
    association.name = "Vereniging Kring Nederland"
    identity.update(association, by=office.user, fields=["name"])
    assert "Vereniging Kring Nederland" in pdf_text(client.get(PROOF).content)


def test_while_every_render_is_taken_a_new_proof_asks_to_wait_and_a_stored_one_is_served(client, db, registration):
    public_trainer("Bram", "Gouda", "2801", number="000043")
    search_index.rebuild()
    stored = client.get(PROOF).content
    assert documents._renders.acquire(blocking=False)  # as while another request renders a proof
    try:
        busy = client.get("/register/000043/proof.pdf")
        assert busy.status_code == 503 and busy["Retry-After"] == "3"
        assert "Het jouwe volgt over een paar seconden" in busy.content.decode()
        assert client.get(PROOF).content == stored
        in_english = client.get("/en/register/000043/proof.pdf")
        assert in_english.status_code == 503 and "Yours follows in a few seconds" in in_english.content.decode()
    finally:
        documents._renders.release()
    assert client.get("/register/000043/proof.pdf").status_code == 200
