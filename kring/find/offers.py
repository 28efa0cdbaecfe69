"""Finding offers (courses, retreats) near a postcode: what every kind of dated, placed offer shares.

A distance search narrows the rows with the bounding box of the circle (an indexed range on latitude
and longitude, as ``kring.register.search`` does), reads only the few columns it sorts on, measures
each row exactly with ``kring.core.geo.distance_km``, sorts and cuts the page in Python and then loads
the page's rows: two queries whatever the number of results.

An offer is listed while its start date lies ahead and the registration of whoever offers it is
valid (active) on that start date: ``kring.register.history.periods_covering`` answers that in the
same query, so a registration that ends takes its offers away without any write here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from kring.core import geo
from kring.register import history, search
from kring.register.models import Status

WHERE = ("all", "place", "online")


@dataclass(frozen=True)
class Criteria:
    origin: geo.Place | None = None
    distance: int = search.DISTANCE_DEFAULT
    programmes: tuple[str, ...] = ()  # any of them matches ("MBSR or MBCT")
    language: str = ""
    where: str = "all"  # all: near you and online; place: only at a place; online: only online
    within_months: int = 0  # 0: any start date
    sort: str = "start"
    page: int = 1


@dataclass(frozen=True)
class Found:
    offer: object
    distance_km: float | None


def listed(queryset: QuerySet, today: datetime.date) -> QuerySet:
    """The offers that are listed today: not withdrawn, starting after today, with a registration that
    is active on the offer's start date (an institute's retreat has none and needs none)."""
    status = Subquery(history.periods_covering(OuterRef("registration"), OuterRef("starts_on")).values("status")[:1])
    return (
        queryset.filter(starts_on__gt=today, withdrawn_at__isnull=True)
        .alias(status_on_start=status)
        # An institute's retreat has no registration: it is listed until it starts or is withdrawn.
        .filter(Q(status_on_start=Status.ACTIVE) | Q(registration__isnull=True))
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - one of the days always exists


def narrowed(queryset: QuerySet, criteria: Criteria, today: datetime.date) -> QuerySet:
    if criteria.language:
        queryset = queryset.filter(language__code=criteria.language)
    if criteria.within_months:
        queryset = queryset.filter(starts_on__lte=add_months(today, criteria.within_months))
    if criteria.where == "online":
        return queryset.filter(online=True)
    if criteria.where == "place":
        queryset = queryset.filter(online=False)
    if criteria.origin is None:
        return queryset
    south, north, west, east = geo.bounding_box(criteria.origin.latitude, criteria.origin.longitude, criteria.distance)
    near = Q(online=False, latitude__range=(south, north), longitude__range=(west, east))
    return queryset.filter(near | Q(online=True)) if criteria.where == "all" else queryset.filter(near)


def _sort_key(sort: str):
    def key(row):
        pk, starts_on, distance, extra = row
        far = distance if distance is not None else float("inf")
        if sort == "distance":
            return (far, starts_on, pk)
        if sort == "price":
            return (extra, starts_on, pk)
        return (starts_on, far, pk)

    return key


def find(queryset: QuerySet, criteria: Criteria, today: datetime.date, *, extra: str = "pk") -> search.Results:
    """One page of the listed offers in ``queryset`` that meet the criteria, in two queries. ``extra``
    names one more column a sort may use (the price of a course)."""
    origin = criteria.origin
    rows = []
    for pk, starts_on, online, latitude, longitude, value in narrowed(
        listed(queryset, today), criteria, today
    ).values_list("pk", "starts_on", "online", "latitude", "longitude", extra):
        distance = None
        if origin is not None and not online:
            distance = geo.distance_km(origin.latitude, origin.longitude, latitude, longitude)
            if distance > criteria.distance:
                continue
        rows.append((pk, starts_on, distance, value))
    rows.sort(key=_sort_key(criteria.sort if origin is not None or criteria.sort != "distance" else "start"))
    count = len(rows)
    pages = max(1, -(-count // search.PAGE_SIZE))
    page = min(max(1, criteria.page), pages)
    chosen = rows[(page - 1) * search.PAGE_SIZE : page * search.PAGE_SIZE]
    loaded = queryset.in_bulk([row[0] for row in chosen]) if chosen else {}
    return search.Results([Found(loaded[row[0]], row[2]) for row in chosen], count, page, pages)


def count_near(queryset: QuerySet, near, today: datetime.date) -> tuple[int, datetime.date | None]:
    """How many listed offers the other kinds' pages may mention, and the first start date: one query
    (the distance is measured exactly, as on the offers' own page)."""
    criteria = Criteria(origin=near.origin, distance=near.distance, where="place" if near.origin else "all")
    rows = narrowed(listed(queryset, today), criteria, today).values_list("starts_on", "latitude", "longitude")
    starts = []
    for starts_on, latitude, longitude in rows:
        if near.origin is not None:
            distance = geo.distance_km(near.origin.latitude, near.origin.longitude, latitude, longitude)
            if distance > near.distance:
                continue
        starts.append(starts_on)
    return len(starts), min(starts) if starts else None
