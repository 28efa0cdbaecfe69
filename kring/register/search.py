"""Find a trainer: the query over the search index (``kring.register.search_index``).

A distance search reads the practices inside the bounding box of the circle (an indexed range on
latitude and longitude), measures each exactly with the haversine formula, keeps the nearest
practice per trainer, counts, sorts and cuts the page in one query; the search page asks
``search_memory`` the same from arrays in memory, and this SQL answers free text and is the reference
the tests compare with. A search without a postcode counts and pages in the database. Either way the
page needs the same few queries whatever the number of results.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q, Window
from django.utils import translation

from kring.core import geo
from kring.members.models import SpokenLanguage, TargetGroup, TaughtProgramme, WorkDomain
from kring.register import search_memory
from kring.register.models import SearchEntry, SearchPoint
from kring.register.search_index import fold

PAGE_SIZE = 20
DISTANCE_DEFAULT, DISTANCE_MIN, DISTANCE_MAX = 25, 5, 100
VOCABULARY_MODELS = {
    "programme": TaughtProgramme,
    "domain": WorkDomain,
    "target": TargetGroup,
    "language": SpokenLanguage,
}
# query parameter -> SearchEntry field holding the codes
VOCABULARY_FIELDS = {
    "programme": "programmes",
    "domain": "work_domains",
    "target": "target_groups",
    "language": "languages",
}
# Filters where a visitor may pick several codes; a trainer with any of them matches ("MBSR or MBCT").
MULTIPLE = {"programme"}
POINT_TABLE, ENTRY_TABLE = SearchPoint._meta.db_table, SearchEntry._meta.db_table


@dataclass(frozen=True)
class Criteria:
    q: str = ""
    origin: geo.Place | None = None
    distance: int = DISTANCE_DEFAULT
    # "domain" -> "healthcare"; for the keys in MULTIPLE a tuple of codes: "programme" -> ("mbct", "mbsr")
    codes: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
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
        found = {
            key: list(model.objects.order_by("position", "name_nl").values_list("code", "name_nl", "name_en"))
            for key, model in VOCABULARY_MODELS.items()
        }
        cache.set("register:vocabularies", found, 300)
    return found


def names(kind: str) -> dict[str, str]:
    """Code -> name in the active language, for one vocabulary."""
    english = translation.get_language() == "en"
    return {code: en if english else nl for code, nl, en in vocabularies()[kind]}


def _entry_filter(criteria: Criteria, today: datetime.date, prefix: str = "") -> Q:
    condition = Q(**{f"{prefix}listed_from__lte": today}) & (
        Q(**{f"{prefix}listed_until__isnull": True}) | Q(**{f"{prefix}listed_until__gte": today})
    )
    for term in fold(criteria.q).split()[:6]:
        condition &= Q(**{f"{prefix}search_text__contains": term})
    for key, code in criteria.codes.items():
        if code:
            any_of = Q()
            for one in _as_tuple(code):
                any_of |= Q(**{f"{prefix}{VOCABULARY_FIELDS[key]}__contains": f" {one} "})
            condition &= any_of
    if criteria.online:
        condition &= Q(**{f"{prefix}online": True})
    return condition


def _as_tuple(code: str | tuple[str, ...]) -> tuple[str, ...]:
    return code if isinstance(code, tuple) else (code,)


def _page(count: int, requested: int) -> tuple[int, int]:
    pages = max(1, -(-count // PAGE_SIZE))
    return min(max(1, requested), pages), pages


def _point_conditions(criteria: Criteria, today: datetime.date) -> tuple[list[str], list]:
    """The criteria as SQL conditions on the points (alias ``p``), with their parameters. Free text is
    matched against the entry's ``search_text``, the other filters against the point's own copies."""
    contains, like = connection.operators["contains"], connection.ops.prep_for_like_query
    day = connection.ops.adapt_datefield_value(today)
    conditions, params = ["p.listed_from <= %s", "(p.listed_until IS NULL OR p.listed_until >= %s)"], [day, day]
    terms = fold(criteria.q).split()[:6]
    if terms:
        matches = " AND ".join(f"e.search_text {contains}" for _ in terms)
        conditions.append(f"p.entry_id IN (SELECT e.id FROM {ENTRY_TABLE} e WHERE {matches})")  # nosec B608 # fixed SQL fragments; the terms are parameters
        params += [f"%{like(term)}%" for term in terms]
    for key, code in criteria.codes.items():
        if code:
            several = _as_tuple(code)
            column = f"p.{VOCABULARY_FIELDS[key]} {contains}"
            conditions.append("(" + " OR ".join([column] * len(several)) + ")")
            params += [f"% {like(one)} %" for one in several]
    if criteria.online:
        conditions.append("p.online = %s")
        params.append(True)
    return conditions, params


def _haversine_sql(origin: geo.Place) -> tuple[str, list[float]]:
    """The haversine term hav(d/R) between ``origin`` and each point (alias ``p``), as plain SQL arithmetic.

    hav(d/R) = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2), with sin(Δφ/2) = sin(φ2/2)cos(φ1/2) −
    cos(φ2/2)sin(φ1/2) (and likewise for λ). The point's half-angle sines and cosines are stored, the
    origin's are parameters, so the database needs no trigonometric functions and the result is exact."""
    phi, lam = math.radians(origin.latitude), math.radians(origin.longitude)
    d_phi = "(p.lat_sin_half * %s - p.lat_cos_half * %s)"
    d_lam = "(p.lon_sin_half * %s - p.lon_cos_half * %s)"
    phi_params = [math.cos(phi / 2), math.sin(phi / 2)]
    lam_params = [math.cos(lam / 2), math.sin(lam / 2)]
    return (
        f"{d_phi} * {d_phi} + p.lat_cos * %s * {d_lam} * {d_lam}",
        [*phi_params, *phi_params, math.cos(phi), *lam_params, *lam_params],
    )


def find(criteria: Criteria, today: datetime.date, generation: str | None = None) -> Results:
    """The page of results for the criteria, on ``today``, in a fixed number of queries.

    With a postcode: the bounding box of the circle (indexed latitude/longitude range) narrows the
    practices, the database keeps those whose exact haversine distance is within the radius, takes the
    nearest practice per trainer, counts, sorts and cuts the page. Only the page's rows reach Python.
    The query is written in SQL: it runs for every search that is not cached, and composing it with
    the ORM cost more time than the database needed to answer it."""
    if criteria.origin is None:
        return _find_by_name(criteria, today)
    found = _from_memory(criteria, today, generation)
    if found is None:
        rows, count, page, pages = _from_sql(criteria, today)
        shown = _page_points([row[0] for row in rows])
    else:
        count = found.count
        page, pages = _page(count, criteria.page)
        alias = connection.alias
        shown = [
            (SearchEntry.from_db(alias, CARD_NAMES, values), points)
            for values, points in found.shown(found.ids((page - 1) * PAGE_SIZE, page * PAGE_SIZE))
        ]
    origin = criteria.origin
    results = []
    for entry, points in shown:
        # The nearest practice (of equal distances the first in the database's order) is on the card.
        nearest, place = math.inf, ""
        for latitude, longitude, at in points:
            distance = geo.distance_km(origin.latitude, origin.longitude, latitude, longitude)
            if distance < nearest:
                nearest, place = distance, at
        results.append(Result(entry, nearest, place))
    return Results(results, count, page, pages)


def _from_memory(criteria: Criteria, today: datetime.date, generation: str | None):
    """The matching entries from ``search_memory``, or None where SQL must answer:
    no generation given (the SQL path, also what the tests compare against), free text, or no arrays."""
    if generation is None or fold(criteria.q).split():
        return None
    snap = search_memory.snapshot(generation)
    if snap is None:
        return None
    return search_memory.find(
        snap,
        criteria.origin,
        criteria.distance,
        criteria.codes,
        criteria.online,
        today,
        criteria.sort == "name",
        until=criteria.page * PAGE_SIZE,
    )


def _from_sql(criteria: Criteria, today: datetime.date):
    """The page of entry ids and the count, in one SQL query over the points in the bounding box."""
    origin, radius = criteria.origin, criteria.distance
    south, north, west, east = geo.bounding_box(origin.latitude, origin.longitude, radius)
    limit = math.sin(radius / (2 * geo.EARTH_RADIUS_KM)) ** 2
    conditions, params = _point_conditions(criteria, today)
    term, term_params = _haversine_sql(origin)
    within = (
        f"SELECT p.entry_id, p.sort_name, {term} AS term FROM {POINT_TABLE} p "  # nosec B608 # fixed SQL fragments and table names; values are parameters
        f"WHERE {' AND '.join(conditions)} AND p.latitude >= %s AND p.latitude <= %s "
        "AND p.longitude >= %s AND p.longitude <= %s"
    )
    params = [*term_params, *params, south, north, west, east]
    grouped = (
        f"SELECT entry_id, sort_name, MIN(term) AS nearest FROM ({within}) AS near WHERE term <= %s "  # nosec B608 # built from the fixed query above
        "GROUP BY entry_id, sort_name"
    )
    params.append(limit)
    order = "sort_name, nearest, entry_id" if criteria.sort == "name" else "nearest, sort_name, entry_id"
    return _counted_sql_page(grouped, params, order, criteria.page)


# What a result card shows of an entry; the other fields stay deferred, as with ``only()``.
CARD_FIELDS = search_memory.CARD_FIELDS
CARD_NAMES = [f.attname for f in CARD_FIELDS]


def _page_points(entry_ids: list[int]) -> list[tuple[SearchEntry, list[tuple]]]:
    """The page's entries in page order, each with all its practices (latitude, longitude, place), in
    one query. An entry that left the index since the page was chosen (a change at that moment) is
    left out."""
    if not entry_ids:
        return []
    columns = ", ".join(f"e.{connection.ops.quote_name(f.column)}" for f in CARD_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.latitude, p.longitude, p.place, {columns} FROM {POINT_TABLE} p "  # nosec B608 # column and table names from the model; ids are parameters
            f"JOIN {ENTRY_TABLE} e ON e.id = p.entry_id "
            f"WHERE p.entry_id IN ({', '.join(['%s'] * len(entry_ids))})",
            entry_ids,
        )
        rows = cursor.fetchall()
    shown: dict[int, tuple[SearchEntry, list[tuple]]] = {}
    for latitude, longitude, place, *values in rows:
        if values[0] not in shown:
            shown[values[0]] = (SearchEntry.from_db(connection.alias, CARD_NAMES, search_memory.card(values)), [])
        shown[values[0]][1].append((latitude, longitude, place))
    return [shown[entry_id] for entry_id in entry_ids if entry_id in shown]


def _counted_sql_page(grouped: str, params: list, order: str, requested: int):
    """One page of the grouped query and its total, in one query (the total rides along as a window
    function). A page past the end costs one more count and the last page."""

    def fetch(page: int) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT entry_id, COUNT(*) OVER () FROM ({grouped}) AS found ORDER BY {order} LIMIT %s OFFSET %s",  # nosec B608 # fixed query and a fixed ORDER BY; values are parameters
                [*params, PAGE_SIZE, (page - 1) * PAGE_SIZE],
            )
            return cursor.fetchall()

    page = max(1, requested)
    rows = fetch(page)
    if rows:
        count = rows[0][1]
        return rows, count, page, max(1, -(-count // PAGE_SIZE))
    count = 0
    if page > 1:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({grouped}) AS found", params)  # nosec B608 # the fixed query from find(); values are parameters
            count = cursor.fetchone()[0]
    page, pages = _page(count, page)
    return (fetch(page) if count else []), count, page, pages


def _counted_page(queryset, requested: int, counted: str):
    """One page of a values() queryset and the total, in one query: the total rides along as a window
    function. A page past the end costs one more count and the last page."""
    with_total = queryset.annotate(total=Window(Count(counted)))
    page = max(1, requested)
    rows = list(with_total[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    if rows:
        count = rows[0]["total"]
        return rows, count, page, max(1, -(-count // PAGE_SIZE))
    count = queryset.count() if page > 1 else 0
    page, pages = _page(count, page)
    rows = list(with_total[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]) if count else []
    return rows, count, page, pages


def _find_by_name(criteria: Criteria, today: datetime.date) -> Results:
    entries = SearchEntry.objects.filter(_entry_filter(criteria, today)).order_by("sort_name", "number")
    rows, count, page, pages = _counted_page(entries.values("id"), criteria.page, "id")
    found = entries.in_bulk([row["id"] for row in rows])
    return Results([Result(found[row["id"]], None, found[row["id"]].places) for row in rows], count, page, pages)
