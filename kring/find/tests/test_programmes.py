"""Accredited programmes as a kind of "find": on the entry page, and as a hint on the other kinds' pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kring.core import geo
from kring.find import kinds, programmes
from tests import factories as t

pytestmark = pytest.mark.django_db
IN = datetime.timedelta


def accredited(postcode="", country="NL", *, online=False, status="active"):
    today = timezone.localdate()
    where = geo.lookup(postcode, country) if postcode else None
    programme = t.make_programme(
        t.make_institute(f"Instituut {postcode or 'online'}"),
        online=online,
        place=where.name if where else "",
        postcode=where.postcode if where else "",
        country=country if where else "",
        latitude=where.latitude if where else None,
        longitude=where.longitude if where else None,
    )
    t.accredit(programme, today - IN(30), today + IN(1000), status)
    return programme


def test_the_entry_page_offers_accredited_programmes_after_trainers(client):
    html = client.get(reverse("find:home")).content.decode()
    assert "Word mindfulnesstrainer" in html and reverse("accreditation:public_list") in html
    assert (
        html.index("Vind een trainer") < html.index("Word mindfulnesstrainer") < html.index("Vind een stilteretraite")
    )


def test_the_hint_counts_programmes_near_or_online_in_one_query(django_assert_num_queries):
    accredited("9000", "BE")
    accredited(online=True)
    accredited("3512")  # too far from Gent
    accredited("9000", "BE", status="suspended")
    near = kinds.Near(origin=geo.lookup("9000", "BE"), distance=25, programme="mbsr")
    with django_assert_num_queries(1):
        hint = programmes.hint(near, timezone.localdate())
    assert hint.text == "2 geaccrediteerde opleidingen bij jou in de buurt of online."
    assert hint.url == reverse("accreditation:public_list") + "?postcode=9000&country=BE&distance=25"
    assert (
        programmes.hint(kinds.Near(), timezone.localdate()).text
        == "3 geaccrediteerde opleidingen tot mindfulnesstrainer."
    )


def test_no_hint_without_programmes():
    assert programmes.hint(kinds.Near(origin=geo.lookup("9000", "BE")), timezone.localdate()) is None


def test_a_course_search_hints_at_the_programmes(client):
    accredited("9000", "BE")
    response = client.get(reverse("find:courses") + "?postcode=9000&country=BE")
    texts = [hint.text for hint in response.context["hints"]]
    assert "1 geaccrediteerde opleiding bij jou in de buurt of online." in texts, texts
