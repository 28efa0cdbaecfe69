"""The layout names the association from its identity (no fixed "Kring"), has a favicon and a meta
description, and the home page leads to the ways in that exist."""

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from kring.core import identity
from kring.core.models import Association


@pytest.fixture
def renamed(db, office):
    association = Association.objects.get(pk=1)
    association.name = "Vereniging voor Stilte"
    association.short_name = "VvS"
    association.email = "bureau@stilte.example"
    return identity.update(association, by=office.user)


def test_the_layout_and_home_page_name_the_association(client, renamed):
    html = client.get("/").content.decode()
    assert "<title>Welkom · VvS</title>" in html
    assert "Welkom bij VvS" in html and "Vereniging voor Stilte is de vereniging" in html
    assert "bureau@stilte.example" in html.split('class="site-footer"')[1]
    assert "Kring" not in html.replace("kring.css", "").replace("favicon", "")


def test_a_favicon_and_a_meta_description(client, renamed):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/core/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("core/favicon.svg")
    assert '<meta name="description" content="Vereniging voor Stilte: ' in html


def test_the_home_page_leads_to_a_trainer(client, db):
    html = client.get("/en/").content.decode()
    assert 'id="home-find-trainer"' in html and 'href="/en/register/"' in html


def test_favicon_ico_answers_with_krings_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/core/favicon.ico"
    with Image.open(finders.find("core/favicon.ico")) as icon:
        assert {(16, 16), (32, 32)} <= icon.info["sizes"]
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/core/favicon.ico" sizes="32x32">' in html
    assert finders.find("core/apple-touch-icon.png")
