"""The public list of accredited programmes and a page per programme with a QR code to verify it."""

import datetime

from django.urls import reverse

from kring.accreditation.services import decisions
from tests import factories as t

D = datetime.date


def test_the_list_shows_programmes_accredited_today_only(
    programme, the_institute, client, django_assert_max_num_queries
):
    today = datetime.date.today()
    t.accredit(programme, today - datetime.timedelta(days=10), today + datetime.timedelta(days=1000))
    expired = t.make_programme(the_institute, "Oude opleiding")
    t.accredit(expired, D(2015, 1, 1), D(2019, 12, 31))
    never = t.make_programme(the_institute, "Nieuwe opleiding")
    for n in range(5):
        extra = t.make_programme(the_institute, f"Opleiding {n}", online=True, place="")
        t.accredit(extra, today, today + datetime.timedelta(days=100))
    with django_assert_max_num_queries(8):
        html = client.get(reverse("accreditation:public_list")).content.decode()
    assert programme.name in html and the_institute.name in html
    assert expired.name not in html and never.name not in html
    assert "Online" in html


def test_the_page_of_a_programme_shows_status_validity_and_a_qr_code(programme, client):
    t.accredit(programme, D(2024, 1, 1), D(2028, 12, 31))
    response = client.get(reverse("accreditation:public_programme", args=[programme.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "31 december 2028" in html


def test_a_programme_that_was_never_accredited_has_no_page(programme, client):
    assert client.get(reverse("accreditation:public_programme", args=[programme.slug])).status_code == 404


def test_an_accreditation_decision_puts_it_on_the_list(submitted, accreditation, client):
    decisions.application_decide(submitted, outcome="accredit", reason="Goed.", by=accreditation.user)
    assert submitted.programme.name in client.get(reverse("accreditation:public_list")).content.decode()
