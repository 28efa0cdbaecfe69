"""The distance search from memory (``search_memory``) answers exactly what the SQL answers: on seeded
data, for many varied searches, every card field, the distance, the place, the count, the pages and
the order; also right after a change to the register."""

import random

import numpy as np
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kring.core import geo
from kring.members.models import TaughtProgramme
from kring.register import search, search_index, search_memory, services
from kring.register.models import Registration, SearchEntry
from tests import factories as t

CARD = [f.attname for f in search.CARD_FIELDS]


def page(results):
    cards = [([getattr(r.entry, name) for name in CARD], r.distance_km, r.place) for r in results.results]
    return cards, results.count, results.page, results.pages


def varied(rng, programmes, count):
    places = sorted(geo.all_places(), key=lambda p: (p.country, p.postcode))
    other = {key: ["", "", "", *search.names(key)] for key in ("domain", "target", "language")}
    for _ in range(count):
        chosen = rng.sample(programmes, rng.choice([0, 1, 1, 2]))
        codes = {"programme": tuple(sorted(chosen)), **{key: rng.choice(known) for key, known in other.items()}}
        yield search.Criteria(
            origin=rng.choice(places),
            distance=rng.choice([5, 10, 25, 50, 100]),
            codes=codes,
            online=rng.random() < 0.2,
            sort=rng.choice(["distance", "distance", "name"]),
            page=rng.choice([1, 1, 2, 3, 50]),
        )


def assert_same(criteria_list, today):
    generation = search_index.generation()
    used_memory = 0
    for criteria in criteria_list:
        fast, slow = search.find(criteria, today, generation), search.find(criteria, today)
        assert page(fast) == page(slow), criteria
        used_memory += search.find(criteria, today, generation) is not None
    assert search_memory.snapshot(generation) is not None  # the fast path was really taken
    return used_memory


@pytest.fixture(params=["per point", "per place"])
def per_place(request, monkeypatch):
    """A search with no filter but its programme is counted per place once places hold several points
    each (a large register). The seeded register is small, so its searches are asked both ways."""
    if request.param == "per place":
        monkeypatch.setattr(search_memory, "PER_PLACE_FROM", 0)
    return request.param == "per place"


def assert_counted_per_place(expected: bool):
    snap = search_memory.snapshot(search_index.generation())
    found = search_memory.find(snap, geo.lookup("3512", "NL"), 50, {}, False, timezone.localdate(), False, until=20)
    assert isinstance(found, search_memory.Counted) is expected


@pytest.fixture
def seeded(db):
    call_command("seed_demo", trainers=400, members=0, seed=1, verbosity=0)
    search_index.rebuild()
    return list(TaughtProgramme.objects.values_list("code", flat=True))


def test_memory_and_sql_give_the_same_pages_on_seeded_data(seeded, per_place):
    today = timezone.localdate()
    assert_same(list(varied(random.Random(1), seeded, 150)), today)
    assert_counted_per_place(per_place)


def test_memory_and_sql_agree_right_after_a_change_to_the_register(seeded, office, per_place):
    today = timezone.localdate()
    criteria = list(varied(random.Random(2), seeded, 40))
    assert_same(criteria, today)
    assert_counted_per_place(per_place)
    before = search_index.generation()
    registration = Registration.objects.filter(search_entry__points__isnull=False).first()
    services.registration_suspend(registration, on=today, reason="measure", by=office.user)
    assert search_index.generation() != before
    point = registration.search_entry if SearchEntry.objects.filter(registration=registration).exists() else None
    assert point is None  # suspended: out of the index
    assert_same(criteria, today)
    person = Registration.objects.filter(search_entry__isnull=False).first().person
    t.add_practice(person, "3512")
    search_index.refresh(person_ids=[person.pk])
    near = search.Criteria(origin=geo.lookup("3512", "NL"), distance=5, codes={}, page=1)
    fast = search.find(near, today, search_index.generation())
    assert person.full_name in [r.entry.name for r in fast.results] or fast.count > 20
    assert_same([near, *criteria], today)


def test_ties_follow_the_databases_own_order_of_names(db, reindex):
    from .conftest import public_trainer

    for first in ("Zoë", "Ab", "ab", "Ä", "van"):
        public_trainer(first, "Gelijk", "3512")
    public_trainer("Zelfde", "Naam", "3512")
    public_trainer("Zelfde", "Naam", "3512")
    reindex()
    today = timezone.localdate()
    for sort in ("distance", "name"):
        criteria = search.Criteria(origin=geo.lookup("3512", "NL"), distance=5, sort=sort)
        assert page(search.find(criteria, today, search_index.generation())) == page(search.find(criteria, today))


def test_a_trainer_with_several_practices_in_the_circle_counts_once_per_place(db, reindex):
    """Counted per place, a trainer with two practices at one postcode, or at two postcodes inside the
    circle, is one match with the nearest of them on the card; as in SQL, on every page."""
    from .conftest import public_trainer

    for number in range(30):
        registration = public_trainer(f"Twee{number % 7}", "Plekken", "3512" if number % 5 else "3811")
        if number % 2:
            t.add_practice(registration.person, "3512")  # the same place again, or a nearer one
        if number % 3 == 0:
            t.add_practice(registration.person, "3811")
    public_trainer("Ver", "Weg", "3811")
    reindex()
    today = timezone.localdate()
    generation = search_index.generation()
    assert_counted_per_place(True)
    for distance, count in ((5, 27), (50, 31)):
        for number in (1, 2):
            criteria = search.Criteria(origin=geo.lookup("3512", "NL"), distance=distance, page=number)
            fast, slow = search.find(criteria, today, generation), search.find(criteria, today)
            assert page(fast) == page(slow), (distance, number)
            assert fast.count == count


def test_a_search_with_free_text_is_answered_by_sql(db, reindex):
    assert (
        search._from_memory(search.Criteria(q="anna", origin=geo.lookup("3512", "NL")), timezone.localdate(), "1")
        is None
    )
    assert connection.vendor in ("sqlite", "postgresql")


def test_equal_distances_across_the_page_boundary_keep_the_order_of_sql(db, reindex):
    """More trainers at one place than fit on a page: the fast path sorts only what can reach the page
    asked for, so the page boundary falls among equal distances (and equal names) and must fall where SQL
    puts it. Some trainers have a second practice further away, which must not count twice."""
    from .conftest import public_trainer

    for number in range(27):
        registration = public_trainer(f"Deel{number % 9}", "Plek" if number % 3 else "Zelfde", "3512")
        if number % 4 == 0:
            t.add_practice(registration.person, "3811")
    for number in range(5):
        public_trainer(f"Verder{number}", "Weg", "3811")
    reindex()
    today = timezone.localdate()
    generation = search_index.generation()
    for sort in ("distance", "name"):
        for number in (1, 2, 3):
            criteria = search.Criteria(origin=geo.lookup("3512", "NL"), distance=50, sort=sort, page=number)
            fast, slow = search.find(criteria, today, generation), search.find(criteria, today)
            assert page(fast) == page(slow), (sort, number)
            assert fast.count == 32
    assert search_memory.snapshot(generation) is not None


def test_each_page_of_the_matches_is_the_page_of_a_full_sort():
    """``Found.ids`` sorts only what can reach the page asked for; every window must still be that of
    sorting all matches by the page's keys (with many equal distances and names, in no given order)."""
    rng = random.Random(3)
    size = 90
    entries = rng.sample(range(1, 10_000), size)
    terms = [rng.choice([0.1, 0.2, 0.2, 0.3]) for _ in entries]
    ranks = [rng.choice([4, 7, 7, 9]) for _ in entries]
    for by_name in (False, True):
        # In no order, as the arrays hand them over
        found = search_memory.Found(np.array(entries), np.array(terms), np.array(ranks), by_name, {})
        keys = zip(ranks, terms, entries, strict=True) if by_name else zip(terms, ranks, entries, strict=True)
        expected = [key[2] for key in sorted(keys)]
        for start in range(0, size + 20, 20):
            assert found.ids(start, start + 20) == expected[start : start + 20], (by_name, start)


def test_places_as_near_as_the_last_one_on_the_page_are_read_whole():
    """Counted per place, the page comes from the nearest places; a second place at exactly the same
    distance (equal terms, other coordinates) must be read as well, or the page would miss its trainers
    of earlier names."""
    origin = geo.lookup("3512", "NL")
    today = timezone.localdate()
    rows = []
    for number in range(1, 41):
        entry = SearchEntry(id=number, listed_from=today, programmes=" mbsr ", online=False)
        point = search_index.point_for(entry, origin.latitude + (0.01 if number <= 30 else 0.2), origin.longitude)
        if number <= 30:
            point.latitude += 1e-7 * (number % 2)  # two places: other coordinates, the same terms
        rows.append(tuple(getattr(point, column) for column in search_memory.COLUMNS))
    snap = search_memory.build("test", search_memory.COLUMNS, rows, {entry: entry % 4 for entry in range(1, 41)})
    assert len(snap.places.band_key) == 3
    for stop in (10, 20, 30, 40):
        fast = search_memory.find(snap, origin, 50, {}, False, today, False, until=stop)
        slow = search_memory.nearest(snap, origin, 50, {}, False, today, False)
        assert isinstance(fast, search_memory.Counted)
        assert fast.count == slow.count == 40
        assert fast.ids(stop - 10, stop) == slow.ids(stop - 10, stop)
