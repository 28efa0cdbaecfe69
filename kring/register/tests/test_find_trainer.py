"""Find a trainer at /register/: filters in the URL, distances, sorting, paging, bad input."""

import math

import pytest
from django.core.cache import cache
from django.utils import timezone

from kring.register import services
from kring.register.models import Status
from tests import factories as t

from .conftest import DAY, TODAY, public_trainer


def haversine(lat1, lon1, lat2, lon2):
    """Computed here by hand, independently of kring.core.geo."""
    r = 6371.0088
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * r * math.asin(math.sqrt(a))


UTRECHT_TO_AMERSFOORT = haversine(52.0915, 5.1228, 52.1557, 5.3881)  # postcode centroids 3512 and 3811


def names(response):
    return [card["result"].entry.name for card in response.context["cards"]]


@pytest.fixture
def trainers(db, reindex):
    public_trainer(
        "Anna",
        "Utrecht",
        "3512",
        programmes=("mbsr",),
        domains=("healthcare",),
        targets=("adults",),
        languages=("nl",),
        online=True,
    )
    public_trainer("Bas", "Amersfoort", "3811", programmes=("mbct",), languages=("en",))
    public_trainer("Cor", "Amsterdam", "1012", programmes=("mbsr",))
    public_trainer("Dirk", "Leuven", "3000", "BE", programmes=("mbsr",))
    reindex()


def test_it_lists_trainers_within_the_distance_with_the_distance_shown(client, trainers):
    response = client.get("/register/?postcode=3512&distance=25")
    assert names(response) == ["Anna Utrecht", "Bas Amersfoort"]
    amersfoort = response.context["cards"][1]["result"]
    assert 19.1 < UTRECHT_TO_AMERSFOORT < 20.1  # "about 20 km"
    assert amersfoort.distance_km == pytest.approx(UTRECHT_TO_AMERSFOORT, abs=0.01)
    assert f"{UTRECHT_TO_AMERSFOORT:.1f}".replace(".", ",") in response.content.decode()


def test_it_leaves_out_trainers_just_beyond_the_distance(client, trainers):
    below = math.floor(UTRECHT_TO_AMERSFOORT)
    assert names(client.get(f"/register/?postcode=3512&distance={below}")) == ["Anna Utrecht"]
    assert names(client.get(f"/register/?postcode=3512&distance={below + 1}")) == ["Anna Utrecht", "Bas Amersfoort"]


def test_it_combines_a_name_with_a_postcode(client, trainers):
    assert names(client.get("/register/?q=bas&postcode=3512&distance=25")) == ["Bas Amersfoort"]
    assert names(client.get("/register/?q=amersfoort+bas&postcode=3512&distance=25")) == ["Bas Amersfoort"]
    assert names(client.get("/register/?q=cor&postcode=3512&distance=25")) == []
    assert names(client.get("/register/?q=%25&postcode=3512&distance=25")) == []  # "%" is a character, not "anything"


def test_it_accepts_a_postcode_as_people_type_it(client, trainers):
    assert names(client.get("/register/?postcode=3811+ab&distance=5")) == ["Bas Amersfoort"]


def test_it_searches_belgian_postcodes(client, trainers):
    assert names(client.get("/register/?postcode=3000&country=BE&distance=10")) == ["Dirk Leuven"]


def test_it_sorts_by_name_when_asked(client, trainers):
    response = client.get("/register/?postcode=3811&distance=100&sort=name")
    assert names(response) == ["Bas Amersfoort", "Cor Amsterdam", "Anna Utrecht"]
    response = client.get("/register/?postcode=3811&distance=100")
    assert names(response) == ["Bas Amersfoort", "Anna Utrecht", "Cor Amsterdam"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("programme=mbsr", ["Cor Amsterdam", "Dirk Leuven", "Anna Utrecht"]),
        ("programme=mbct", ["Bas Amersfoort"]),
        ("domain=healthcare", ["Anna Utrecht"]),
        ("target=adults", ["Anna Utrecht"]),
        ("language=en", ["Bas Amersfoort"]),
        ("online=1", ["Anna Utrecht"]),
        ("q=amersfoort", ["Bas Amersfoort"]),
        ("q=anna", ["Anna Utrecht"]),
        ("q=leuven&programme=mbct", []),
        ("postcode=3512&distance=50&programme=mbsr", ["Anna Utrecht", "Cor Amsterdam"]),
    ],
)
def test_it_filters_on_what_the_trainer_made_public(client, trainers, query, expected):
    assert names(client.get(f"/register/?{query}")) == expected


def test_it_ignores_what_the_trainer_kept_private(client, reindex):
    public_trainer(
        "Eva",
        "Privé",
        "3512",
        programmes=("mbsr",),
        domains=("healthcare",),
        languages=("en",),
        online=True,
        public=False,
    )
    reindex()
    for query in ("programme=mbsr", "domain=healthcare", "language=en", "online=1", "postcode=3512", "q=utrecht"):
        assert names(client.get(f"/register/?{query}")) == [], query
    assert names(client.get("/register/?q=eva")) == ["Eva Privé"]  # the register itself is public


def test_it_shows_each_trainer_once_at_the_nearest_practice(client, db, reindex):
    person_registration = public_trainer("Fem", "Twee", "1012")
    t.add_practice(person_registration.person, "3811")
    reindex()
    response = client.get("/register/?postcode=3512&distance=100")
    assert names(response) == ["Fem Twee"]
    assert response.context["cards"][0]["result"].place == "Amersfoort"


@pytest.mark.parametrize("status", [Status.SUSPENDED, Status.STRUCK_OFF, Status.EXPIRED])
def test_it_never_shows_a_trainer_who_is_not_registered_today(client, db, reindex, status):
    public_trainer("Gijs", "Weg", "3512", status=status)
    public_trainer("Hans", "Later", "3512", starts_on=TODAY + DAY)
    public_trainer("Ilse", "Voorbij", "3512", starts_on=TODAY - 900 * DAY, ends_on=TODAY - DAY)
    reindex()
    assert names(client.get("/register/?postcode=3512")) == []
    assert names(client.get("/register/?q=weg")) == []


def test_it_drops_a_suspended_trainer_at_once(client, trainers, office):
    assert "Anna Utrecht" in names(client.get("/register/?postcode=3512"))
    registration = t.Registration.objects.get(person__first_name="Anna")
    services.registration_suspend(registration, on=timezone.localdate(), reason="measure", by=office.user)
    assert "Anna Utrecht" not in names(client.get("/register/?postcode=3512"))


def test_it_pages_by_twenty(client, db, reindex):
    for n in range(23):
        public_trainer(f"T{n:02d}", "Utrecht", "3512")
    reindex()
    first = client.get("/register/?postcode=3512&sort=name")
    second = client.get("/register/?postcode=3512&sort=name&page=2")
    assert len(names(first)) == 20 and len(names(second)) == 3
    assert 'rel="next" href="?postcode=3512&amp;sort=name&amp;page=2#results"' in first.content.decode()
    assert names(client.get("/register/?postcode=3512&sort=name&page=abc")) == names(first)
    assert names(client.get("/register/?postcode=3512&sort=name&page=99")) == names(second)


@pytest.mark.parametrize("many", [1, 30])
def test_it_needs_the_same_few_queries_whatever_the_number_of_results(
    client, db, reindex, many, django_assert_max_num_queries
):
    for n in range(many):
        public_trainer(f"Q{n}", "Query", "3512")
    reindex()
    # Worst case: the vocabularies are read too (4 queries), the generation; and the association's
    # identity for the layout (cached for a minute, read here because the cache was just emptied); and,
    # for the first distance search of a new index generation, the 2 of loading search_memory's arrays and
    # cards (whatever the size of the register), and the generation once more to check it did not change.
    cache.clear()
    with django_assert_max_num_queries(9):
        response = client.get("/register/?postcode=3512&distance=25&programme=mbsr")
    assert response.status_code == 200 and len(names(response)) == min(many, 20)
    with django_assert_max_num_queries(1):  # another distance search, from memory: only the generation
        response = client.get("/register/?postcode=3511&distance=30")
    assert len(names(response)) == min(many, 20)
    with django_assert_max_num_queries(7):  # page 2 of 1 result: one more count, then the last page
        response = client.get("/register/?q=query&page=2")
    assert len(names(response)) == max(0, min(many - 20, 20)) or many < 21


def test_it_explains_an_unknown_postcode_and_suggests_the_netherlands(client, trainers):
    # A Belgian postcode left on the Netherlands is searched in Belgium (test_find_on_a_phone); a Dutch
    # one on Belgium gets the explanation and a link, since the visitor chose Belgium themselves.
    response = client.get("/register/?postcode=1012&country=BE")
    text = response.content.decode()
    assert response.status_code == 200
    assert "We kennen postcode 1012 niet in België" in text
    assert "Bedoel je Nederland?" in text
    assert 'href="?postcode=1012&amp;country=NL#results"' in text
    assert response.context["results"] is None


@pytest.mark.parametrize(
    "query, message",
    [
        ("postcode=3512&distance=abc", "Vul de afstand in als een heel aantal kilometers, van 5 tot 100."),
        ("postcode=3512&distance=2", "Kies een afstand van minstens 5 km."),
        ("postcode=3512&distance=500", "Kies een afstand van hoogstens 100 km."),
        ("postcode=abcd", "Dit lijkt geen postcode in Nederland."),
        ("programme=yoga", "Deze keuze kennen we niet."),
    ],
)
def test_it_answers_bad_input_with_a_kind_message(client, trainers, query, message):
    response = client.get(f"/register/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["results"] is None


def test_it_speaks_english_at_en(client, trainers):
    response = client.get("/en/register/?postcode=3512")
    assert response.status_code == 200
    assert "Find a trainer" in response.content.decode()
    assert "2 trainers found" in response.content.decode()
