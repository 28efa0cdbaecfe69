"""Finding accredited programmes: near a postcode or online, in a language, soonest start first.

Only programmes whose accreditation is active today are found. "Active today" is the answer of
``history.period_on`` (the covering period that starts last, then was recorded last), asked in SQL
as a subquery, so the list never loads a programme's history to throw it away. As in
``kring.find.offers``, a distance search narrows the rows with the circle's bounding box, measures
each row exactly in Python, sorts and cuts the page, and then loads the page's rows: a fixed number of
queries whatever the number of programmes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from kring.accreditation.models import AccreditationPeriod, Programme, Status
from kring.core import geo
from kring.register import search

WHERE = ("all", "place", "online")


@dataclass(frozen=True)
class Criteria:
    origin: geo.Place | None = None
    distance: int = search.DISTANCE_DEFAULT
    language: str = ""
    where: str = "all"  # all: near you and online; place: only at a place; online: only online
    page: int = 1


@dataclass(frozen=True)
class Found:
    programme: Programme
    distance_km: float | None
    next_start: datetime.date | None  # only when it lies ahead


def accredited_on(queryset: QuerySet, on: datetime.date) -> QuerySet:
    """The programmes whose accreditation is active on ``on``: the same answer as ``history.status_on``."""
    covering = (
        AccreditationPeriod.objects.filter(programme=OuterRef("pk"), starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .order_by("-starts_on", "-recorded_at", "-pk")
        .values("status")[:1]
    )
    return queryset.alias(status_today=Subquery(covering)).filter(status_today=Status.ACTIVE)


def narrowed(queryset: QuerySet, criteria: Criteria) -> QuerySet:
    if criteria.language:
        queryset = queryset.filter(language__code=criteria.language)
    if criteria.where == "online":
        return queryset.filter(online=True)
    if criteria.where == "place":
        queryset = queryset.exclude(latitude__isnull=True)
    if criteria.origin is None:
        return queryset
    south, north, west, east = geo.bounding_box(criteria.origin.latitude, criteria.origin.longitude, criteria.distance)
    near = Q(latitude__range=(south, north), longitude__range=(west, east))
    return queryset.filter(near | Q(online=True)) if criteria.where == "all" else queryset.filter(near)


def _measured(criteria: Criteria, today: datetime.date):
    """(pk, next start ahead, distance, name) of every programme found, exactly measured: one query."""
    origin = criteria.origin
    rows = narrowed(accredited_on(Programme.objects.all(), today), criteria).values_list(
        "pk", "next_start", "online", "latitude", "longitude", "name"
    )
    for pk, next_start, online, latitude, longitude, name in rows:
        distance = None
        if origin is not None and latitude is not None:
            distance = geo.distance_km(origin.latitude, origin.longitude, latitude, longitude)
            if distance > criteria.distance:
                if not online or criteria.where == "place":
                    continue
                distance = None  # too far to go, but it can be followed online
        elif origin is not None and not online:
            continue
        ahead = next_start if next_start is not None and next_start >= today else None
        yield pk, ahead, distance, name


def with_page_data():
    periods = Prefetch("periods", queryset=AccreditationPeriod.objects.order_by("starts_on"))
    return Programme.objects.select_related("institute", "language").prefetch_related(periods)


def find(criteria: Criteria, today: datetime.date) -> search.Results:
    """One page of the accredited programmes that meet the criteria, soonest start first (those
    without a known start last), in three queries."""
    rows = sorted(
        _measured(criteria, today),
        key=lambda r: (r[1] is None, r[1] or today, r[2] if r[2] is not None else float("inf"), r[3], r[0]),
    )
    count = len(rows)
    pages = max(1, -(-count // search.PAGE_SIZE))
    page = min(max(1, criteria.page), pages)
    chosen = rows[(page - 1) * search.PAGE_SIZE : page * search.PAGE_SIZE]
    loaded = with_page_data().in_bulk([row[0] for row in chosen]) if chosen else {}
    return search.Results(
        [Found(loaded[pk], distance, ahead) for pk, ahead, distance, _n in chosen], count, page, pages
    )


def count_near(origin: geo.Place | None, distance: int, today: datetime.date) -> int:
    """How many accredited programmes are near ``origin`` or online (all of them without an origin):
    one query, for the hints on the pages of "find"."""
    return sum(1 for _row in _measured(Criteria(origin=origin, distance=distance), today))
