"""A trainer's public page at /register/<number>/: registration, validity, verification code."""

import pytest
from django.urls import reverse

from kring.register import services

from .conftest import DAY, TODAY, public_trainer


@pytest.fixture
def registration(db):
    return public_trainer(
        "Anna", "Utrecht", "3512", number="000042", starts_on=TODAY - 30 * DAY, ends_on=TODAY + 100 * DAY
    )


def test_it_shows_the_registration_and_its_validity(client, registration, settings):
    settings.SITE_URL = "https://kring.example"
    response = client.get("/register/000042/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Anna Utrecht" in text and "000042" in text and "Specialist" in text
    assert response.context["standing"].since == TODAY - 30 * DAY
    assert response.context["standing"].until == TODAY + 100 * DAY
    assert "<svg" in text  # the QR code, inline
    assert "https://kring.example/register/000042/" in text


def test_it_points_the_english_page_at_the_english_address(client, registration, settings):
    settings.SITE_URL = "https://kring.example"
    response = client.get("/en/register/000042/")
    assert "https://kring.example/en/register/000042/" in response.content.decode()
    assert "Registered since" in response.content.decode()


def test_it_says_since_when_a_number_is_no_longer_registered(client, registration, office):
    services.registration_strike_off(registration, on=TODAY - 2 * DAY, reason="decision", by=office.user)
    response = client.get("/register/000042/")
    text = response.content.decode()
    assert response.status_code == 200
    assert response.context["standing"].ended_on == TODAY - 2 * DAY
    assert response.context["standing"].ended_status == "struck_off"
    assert "<svg" not in text
    assert reverse("register:proof", kwargs={"number": "000042"}) not in text


def test_it_says_since_when_an_expired_registration_ended(client, db):
    public_trainer("Bas", "Oud", "3512", number="000043", starts_on=TODAY - 900 * DAY, ends_on=TODAY - 10 * DAY)
    response = client.get("/register/000043/")
    assert response.status_code == 200
    assert response.context["standing"].ended_on == TODAY - 9 * DAY
    assert response.context["standing"].ended_status == "expired"


@pytest.mark.parametrize("number", ["999999", "abc", "0000421"])
def test_it_answers_an_unknown_number_with_a_clear_404(client, registration, number):
    response = client.get(f"/register/{number}/")
    assert response.status_code == 404
    assert number in response.content.decode()


def test_it_needs_the_same_queries_for_a_full_profile(client, registration, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        client.get("/register/000042/")
