"""Postcodes of the Netherlands and Belgium, turned into coordinates and distances.

The centroids come from GeoNames (CC BY 4.0), cleaned by ``scripts/build_postcodes.py`` into
``kring/core/data/postcodes.csv``. The file is small (about 5,000 rows), so it is read into memory
once; no database table is needed.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "postcodes.csv"
EARTH_RADIUS_KM = 6371.0088
COUNTRIES = ("NL", "BE")


@dataclass(frozen=True)
class Place:
    country: str
    postcode: str
    name: str
    latitude: float
    longitude: float


@cache
def _places() -> dict[tuple[str, str], Place]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            (row["country"], row["postcode"]): Place(
                row["country"], row["postcode"], row["place"], float(row["latitude"]), float(row["longitude"])
            )
            for row in rows
        }


NL_POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})?\s*$")
BE_POSTCODE = re.compile(r"^\s*(?:B(?:E)?\s*-?\s*)?(\d{4})\s*$", re.IGNORECASE)


def normalise_postcode(text: str, country: str) -> str | None:
    """The 4-digit part of a postcode as people type it ("3512 AB", "3512ab", "B-3000"), or None."""
    pattern = NL_POSTCODE if country == "NL" else BE_POSTCODE
    match = pattern.match(text or "")
    return match.group(1) if match else None


def lookup(postcode: str, country: str) -> Place | None:
    """The centroid of a postcode in NL or BE, or None when it does not exist."""
    if country not in COUNTRIES:
        return None
    code = normalise_postcode(postcode, country)
    return _places().get((country, code)) if code else None


def all_places() -> list[Place]:
    return list(_places().values())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """A latitude/longitude box that contains every point within ``radius_km``: a cheap pre-filter
    for an indexed query, refined afterwards with ``distance_km``."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
