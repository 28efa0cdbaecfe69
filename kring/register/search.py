"""Find a trainer: the query over the search index (``kring.register.search_index``).

A distance search reads the practices inside the bounding box of the circle (an indexed range on
latitude and longitude), measures each exactly with the haversine formula, keeps the nearest
practice per trainer and sorts in Python: a few thousand rows at most, in one query. A search
without a postcode counts and pages in the database. Either way the page needs the same few queries
whatever the number of results.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q
from django.utils import translation

from kring.core import geo
from kring.members.models import SpokenLanguage, TargetGroup, TaughtProgramme, WorkDomain
from kring.register.models import SearchEntry, SearchPoint
from kring.register.search_index import fold

PAGE_SIZE = 20
DISTANCE_DEFAULT, DISTANCE_MIN, DISTANCE_MAX = 25, 5, 100
VOCABULARY_MODELS = {"programme": TaughtProgramme, "domain": WorkDomain, "target": TargetGroup,
                     "language": SpokenLanguage}
# query parameter -> SearchEntry field holding the codes
VOCABULARY_FIELDS = {"programme": "programmes", "domain": "work_domains", "target": "target_groups",
                     "language": "languages"}


@dataclass(frozen=True)
class Criteria:
    q: str = ""
    origin: geo.Place | None = None
    distance: int = DISTANCE_DEFAULT
    codes: dict[str, str] = field(default_factory=dict)  # "programme" -> "mbsr", ...
    online: bool = False
    sort: str = "distance"
    page: int = 1


@dataclass(frozen=True)
class Result:
    entry: SearchEntry
    distance_km: float | None
    place: str


@dataclass(frozen=True)
class Results:
    results: list[Result]
    count: int
    page: int
    pages: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def vocabularies() -> dict[str, list[tuple[str, str, str]]]:
    """The four vocabularies as (code, Dutch, English), cached for five minutes: they change rarely and
    every search page needs them for its form."""
    found = cache.get("register:vocabularies")
    if found is None:
        found = {key: list(model.objects.order_by("position", "name_nl").values_list("code", "name_nl", "name_en"))
                 for key, model in VOCABULARY_MODELS.items()}
        cache.set("register:vocabularies", found, 300)
    return found


def names(kind: str) -> dict[str, str]:
    """Code -> name in the active language, for one vocabulary."""
    english = translation.get_language() == "en"
    return {code: en if english else nl for code, nl, en in vocabularies()[kind]}


def _entry_filter(criteria: Criteria, today: datetime.date, prefix: str = "") -> Q:
    condition = Q(**{f"{prefix}listed_from__lte": today}) & (
        Q(**{f"{prefix}listed_until__isnull": True}) | Q(**{f"{prefix}listed_until__gte": today}))
    for term in fold(criteria.q).split()[:6]:
        condition &= Q(**{f"{prefix}search_text__contains": term})
    for key, code in criteria.codes.items():
        if code:
            condition &= Q(**{f"{prefix}{VOCABULARY_FIELDS[key]}__contains": f" {code} "})
    if criteria.online:
        condition &= Q(**{f"{prefix}online": True})
    return condition


def _page(count: int, requested: int) -> tuple[int, int]:
    pages = max(1, -(-count // PAGE_SIZE))
    return min(max(1, requested), pages), pages


def find(criteria: Criteria, today: datetime.date) -> Results:
    """The page of results for the criteria, on ``today``. Two queries."""
    if criteria.origin is None:
        return _find_by_name(criteria, today)
    origin, radius = criteria.origin, criteria.distance
    south, north, west, east = geo.bounding_box(origin.latitude, origin.longitude, radius)
    rows = SearchPoint.objects.filter(
        _entry_filter(criteria, today, "entry__"),
        latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east,
    ).values_list("entry_id", "latitude", "longitude", "place", "entry__sort_name")
    nearest: dict[int, tuple[float, str, str]] = {}
    for entry_id, lat, lon, place, sort_name in rows:
        distance = geo.distance_km(origin.latitude, origin.longitude, lat, lon)
        if distance <= radius and (entry_id not in nearest or distance < nearest[entry_id][0]):
            nearest[entry_id] = (distance, sort_name, place)
    if criteria.sort == "name":
        ordered = sorted(nearest.items(), key=lambda item: (item[1][1], item[1][0], item[0]))
    else:
        ordered = sorted(nearest.items(), key=lambda item: (item[1][0], item[1][1], item[0]))
    page, pages = _page(len(ordered), criteria.page)
    chosen = ordered[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    entries = SearchEntry.objects.in_bulk([entry_id for entry_id, _ in chosen])
    results = [Result(entries[entry_id], distance, place) for entry_id, (distance, _, place) in chosen]
    return Results(results, len(ordered), page, pages)


def _find_by_name(criteria: Criteria, today: datetime.date) -> Results:
    entries = SearchEntry.objects.filter(_entry_filter(criteria, today))
    count = entries.count()
    page, pages = _page(count, criteria.page)
    chosen = entries.order_by("sort_name", "number")[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    return Results([Result(entry, None, entry.places) for entry in chosen], count, page, pages)
