"""Each filter and sort of "find a course", on the page, with a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kring.find.tests.helpers import make_course, make_trainer

pytestmark = pytest.mark.django_db
IN = datetime.timedelta


@pytest.fixture
def spread():
    """Courses in Gent, Antwerpen and Utrecht and one online, at different dates and prices."""
    today = timezone.localdate()
    gent, antwerpen, utrecht = make_trainer("9000"), make_trainer("2000"), make_trainer("3512", "NL")
    return {
        "gent_mbsr": make_course(gent, starts_on=today + IN(20), price=Decimal("400")),
        "gent_mbct_en": make_course(
            gent, programme="mbct", language="en", starts_on=today + IN(100), price=Decimal("300")
        ),
        "antwerpen": make_course(antwerpen, postcode="2000", starts_on=today + IN(10), price=Decimal("450")),
        "utrecht": make_course(utrecht, postcode="3512", country="NL", starts_on=today + IN(5), price=Decimal("250")),
        "online": make_course(utrecht, online=True, postcode="", starts_on=today + IN(40), price=Decimal("200")),
    }


def found(client, query):
    response = client.get(reverse("find:courses") + query)
    assert response.status_code == 200
    return [card["offer"].pk for card in response.context["cards"]]


def names(spread, *keys):
    return [spread[k].pk for k in keys]


def test_without_filters_every_course_soonest_first(client, spread):
    assert found(client, "") == names(spread, "utrecht", "antwerpen", "gent_mbsr", "online", "gent_mbct_en")


def test_near_a_postcode_and_online(client, spread):
    assert found(client, "?postcode=9000&country=BE&distance=25") == names(
        spread, "gent_mbsr", "online", "gent_mbct_en"
    )
    assert found(client, "?postcode=9000&country=BE&distance=60") == names(
        spread, "antwerpen", "gent_mbsr", "online", "gent_mbct_en"
    )


def test_where_place_or_online(client, spread):
    assert found(client, "?postcode=9000&country=BE&where=place") == names(spread, "gent_mbsr", "gent_mbct_en")
    assert found(client, "?postcode=9000&country=BE&where=online") == names(spread, "online")


def test_programme_language_and_start(client, spread):
    assert found(client, "?programme=mbct") == names(spread, "gent_mbct_en")
    assert found(client, "?language=en") == names(spread, "gent_mbct_en")
    assert found(client, "?within=1") == names(spread, "utrecht", "antwerpen", "gent_mbsr")
    assert found(client, "?within=2") == names(spread, "utrecht", "antwerpen", "gent_mbsr", "online")


def test_sort_by_distance_and_price(client, spread):
    assert found(client, "?postcode=9000&country=BE&distance=60&sort=distance") == names(
        spread, "gent_mbsr", "gent_mbct_en", "antwerpen", "online"
    )
    assert found(client, "?sort=price") == names(spread, "online", "utrecht", "gent_mbct_en", "gent_mbsr", "antwerpen")


def test_a_distance_sort_without_postcode_sorts_by_start(client, spread):
    assert found(client, "?sort=distance") == found(client, "")


def test_bad_filters_are_explained(client, spread):
    response = client.get(reverse("find:courses") + "?postcode=12&distance=500&within=9")
    assert response.status_code == 200 and response.context["results"] is None
    form = response.context["form"]
    assert set(form.errors) == {"postcode", "distance", "within"}


def test_results_link_to_the_other_kinds(client, spread):
    from kring.members.models import Person, TaughtProgramme
    from kring.register import search_index

    for person in Person.objects.filter(registrations__isnull=False):
        person.public_practices = person.public_programmes = True
        person.save()
        person.programmes.set(TaughtProgramme.objects.filter(code="mbsr"))
    search_index.rebuild()
    response = client.get(reverse("find:courses") + "?postcode=9000&country=BE&programme=mbsr")
    texts = [hint.text for hint in response.context["hints"]]
    assert "1 trainer bij jou in de buurt geeft MBSR." in texts, texts
    assert any("retreat" in text for text in texts) is False


def test_paging(client, spread):
    trainer = make_trainer()
    for day in range(25):
        make_course(trainer, starts_on=timezone.localdate() + IN(50 + day))
    first = client.get(reverse("find:courses") + "?page=1")
    second = client.get(reverse("find:courses") + "?page=2")
    assert len(first.context["cards"]) == 20 and len(second.context["cards"]) == 10
    assert 'rel="next"' in first.content.decode()


@pytest.mark.parametrize("query", ["", "?postcode=9000&country=BE&distance=50&programme=mbsr", "?sort=price&within=6"])
def test_constant_queries(client, spread, django_assert_max_num_queries, query):
    trainer = make_trainer()
    for day in range(30):
        make_course(trainer, starts_on=timezone.localdate() + IN(3 + day))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("find:courses") + query)
    assert response.status_code == 200
