"""The generator of realistic seeker sets used by the former's tests and benchmark."""

from collections import Counter

from tests.seekers import make_region, make_seekers


def test_it_generates_the_same_seekers_for_the_same_seed():
    assert make_seekers(300, seed=7) == make_seekers(300, seed=7)
    assert make_seekers(300, seed=7) != make_seekers(300, seed=8)


def test_it_draws_homes_from_the_netherlands_and_flanders():
    seekers, groups = make_seekers(2000, seed=1)
    assert len(seekers) == 2000
    assert all(50.6 < s.latitude < 53.6 and 2.5 < s.longitude < 7.3 for s in seekers)
    places = Counter(s.place for s in seekers)
    assert places["Amsterdam"] > places["Terschelling"]
    assert not any(p in places for p in ("Liège", "Namur", "Charleroi"))
    assert groups and all(g.free_places >= 1 for g in groups)


def test_it_mixes_modes_wishes_and_constraints():
    seekers, _ = make_seekers(2000, seed=2)
    modes = Counter(tuple(sorted(s.modes)) for s in seekers)
    assert set(modes) == {("live",), ("online",), ("live", "online")}
    assert any(s.avoid for s in seekers)
    assert any(s.last_year for s in seekers)
    assert all(2 <= len(s.slots) <= 5 for s in seekers)


def test_it_makes_small_regional_instances():
    seekers = make_region(12, seed=3)
    assert len(seekers) == 12
    assert {s.place for s in seekers} == {"Utrecht"}
