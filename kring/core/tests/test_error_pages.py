"""403, 404 and 500 in Kring's layout and the visitor's language, with a way back, also with DEBUG off;
error messages look different from success messages and are announced as alerts."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string
from django.test import RequestFactory

from kring.core import errors


@pytest.fixture(autouse=True)
def _no_debug(settings):
    settings.DEBUG = False


def test_404_in_the_layout_in_dutch_with_a_way_home(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html and "We kunnen deze pagina niet vinden" in html
    assert '<a href="/">' in html and "<title>We kunnen deze pagina niet vinden · " in html


def test_404_in_english_on_english_addresses(client, db):
    html = client.get("/en/does-not-exist/").content.decode()
    assert '<html lang="en">' in html and "We cannot find this page" in html and 'href="/en/"' in html


def test_403_in_the_layout(client, member, login):
    response = login(member).get("/herregistratie/commissie/")
    assert response.status_code == 403
    assert "Je kunt deze pagina niet openen" in response.content.decode()


def test_500_in_the_layout_and_a_plain_page_when_the_layout_fails(db, monkeypatch):
    request = RequestFactory().get("/")
    response = errors.server_error(request)
    assert response.status_code == 500 and "Er ging bij ons iets mis" in response.content.decode()
    monkeypatch.setattr(errors, "page", lambda *a: 1 / 0)  # a broken layout (a database that is down)
    plain = errors.server_error(request)
    assert plain.status_code == 500 and "Er ging bij ons iets mis" in plain.content.decode()


def test_errors_and_successes_look_and_sound_different(rf, db):
    request = rf.get("/")
    request.user = __import__("django.contrib.auth.models", fromlist=["AnonymousUser"]).AnonymousUser()
    html = render_to_string(
        "base.html",
        {"messages": [Message(constants.ERROR, "Mislukt."), Message(constants.SUCCESS, "Gelukt.")]},
        request=request,
    )
    assert 'class="message error" role="alert"' in html and 'class="message success" role="status"' in html
