"""Postcodes of the Netherlands and Belgium become places and distances."""

import math

import pytest

from kring.core import geo


def test_it_finds_utrecht_and_leuven():
    utrecht, leuven = geo.lookup("3512", "NL"), geo.lookup("3000", "BE")
    assert utrecht.name == "Utrecht"
    assert leuven.name == "Leuven"


@pytest.mark.parametrize(
    ("typed", "country", "expected"),
    [
        ("3512 AB", "NL", "3512"),
        ("3512ab", "NL", "3512"),
        (" 3512 ", "NL", "3512"),
        ("B-3000", "BE", "3000"),
        ("3000", "BE", "3000"),
        ("be 3000", "BE", "3000"),
        ("35", "NL", None),
        ("abcd", "NL", None),
        ("", "BE", None),
    ],
)
def test_it_normalises_postcodes_as_people_type_them(typed, country, expected):
    assert geo.normalise_postcode(typed, country) == expected


def test_it_knows_no_other_countries_or_unknown_postcodes():
    assert geo.lookup("10115", "DE") is None
    assert geo.lookup("0000", "NL") is None


def test_it_measures_utrecht_to_amsterdam_as_about_35_km():
    utrecht, amsterdam = geo.lookup("3512", "NL"), geo.lookup("1012", "NL")
    # By hand: 1 degree of latitude is 111.2 km; 1 degree of longitude at 52.2° is 111.2 * cos(52.2°) km.
    dy = (amsterdam.latitude - utrecht.latitude) * 111.2
    dx = (amsterdam.longitude - utrecht.longitude) * 111.2 * math.cos(math.radians(52.2))
    by_hand = math.hypot(dx, dy)
    measured = geo.distance_km(utrecht.latitude, utrecht.longitude, amsterdam.latitude, amsterdam.longitude)
    assert 34 <= measured <= 36
    assert measured == pytest.approx(by_hand, abs=0.3)


def test_it_draws_a_box_that_holds_the_circle():
    lat, lon = 52.0915, 5.1228
    south, north, west, east = geo.bounding_box(lat, lon, 25)
    assert geo.distance_km(lat, lon, north, lon) == pytest.approx(25, abs=0.01)
    assert geo.distance_km(lat, lon, lat, east) == pytest.approx(25, abs=0.1)
    assert south < lat < north and west < lon < east
