"""The proof of registration (PDF) carries the number, the date of issue and the verification URL."""

import io

import pytest
from django.utils import formats
from pypdf import PdfReader

from kring.register import services

from .conftest import DAY, TODAY, public_trainer


@pytest.fixture
def registration(db):
    return public_trainer("Anna", "Utrecht", "3512", number="000042")


def pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_it_renders_a_pdf_with_the_number_and_the_url(client, registration, settings):
    settings.SITE_URL = "https://kring.example"
    response = client.get("/register/000042/proof.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "000042" in text
    assert "https://kring.example/register/000042/" in text
    assert "Anna Utrecht" in text
    assert formats.date_format(TODAY, "j F Y") in text  # the date of issue


def test_it_gives_no_proof_for_a_registration_that_ended(client, registration, office):
    services.registration_expire(registration, on=TODAY - DAY, reason="not recertified", by=office.user)
    response = client.get("/register/000042/proof.pdf")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_it_gives_no_proof_for_an_unknown_number(client, db):
    assert client.get("/register/123456/proof.pdf").status_code == 404
