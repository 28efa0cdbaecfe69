"""Supervisors: who is recognised on a date, and finding one near you or online.

What a result shows comes from the register's search index (``SearchEntry``, ``SearchPoint``): only what
the trainer made public, the same as "find a trainer" shows, so no private address can leak here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.core import geo
from kring.core.access import TRAINER
from kring.find import kinds
from kring.find.models import SupervisorRecognition
from kring.register import search
from kring.register.models import SearchEntry, SearchPoint


def recognised_on(on: datetime.date) -> QuerySet[SupervisorRecognition]:
    return SupervisorRecognition.objects.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


def is_supervisor(person, on: datetime.date) -> bool:
    return recognised_on(on).filter(person=person).exists()


@dataclass(frozen=True)
class Criteria:
    origin: geo.Place | None = None
    distance: int = search.DISTANCE_DEFAULT
    where: str = "all"  # all, place, online
    page: int = 1


@dataclass(frozen=True)
class Found:
    entry: SearchEntry
    distance_km: float | None
    place: str


def _entries(today: datetime.date):
    listed = Q(listed_from__lte=today) & (Q(listed_until__isnull=True) | Q(listed_until__gte=today))
    return (
        SearchEntry.objects.filter(listed, registration__person_id__in=recognised_on(today).values("person_id"))
        .prefetch_related(
            Prefetch("points", queryset=SearchPoint.objects.only("entry_id", "latitude", "longitude", "place"))
        )
        .order_by("sort_name", "number")
    )


def _measure(entry: SearchEntry, criteria: Criteria) -> Found | None:
    if criteria.where == "online" or criteria.origin is None:
        if criteria.where == "online" and not entry.online:
            return None
        if criteria.where == "place" and not entry.places:
            return None
        return Found(entry, None, entry.places)
    origin = criteria.origin
    nearest = min(
        (
            (geo.distance_km(origin.latitude, origin.longitude, p.latitude, p.longitude), p.place)
            for p in entry.points.all()
        ),
        default=None,
    )
    if nearest is not None and nearest[0] <= criteria.distance:
        return Found(entry, nearest[0], nearest[1])
    if criteria.where == "all" and entry.online:
        return Found(entry, None, entry.places)
    return None


def find(criteria: Criteria, today: datetime.date) -> search.Results:
    """Supervisors are few (dozens): two queries read them all with their public points."""
    found = [f for f in (_measure(entry, criteria) for entry in _entries(today)) if f is not None]
    found.sort(key=lambda f: (f.distance_km is None, f.distance_km or 0, f.entry.sort_name))
    count = len(found)
    pages = max(1, -(-count // search.PAGE_SIZE))
    page = min(max(1, criteria.page), pages)
    return search.Results(found[(page - 1) * search.PAGE_SIZE : page * search.PAGE_SIZE], count, page, pages)


def hint(near: kinds.Near, today: datetime.date) -> kinds.Hint | None:
    count = find(Criteria(origin=near.origin, distance=near.distance), today).count
    if not count:
        return None
    text = ngettext("%(count)d supervisor near you or online.", "%(count)d supervisors near you or online.", count) % {
        "count": count
    }
    return kinds.Hint(text, reverse("find:supervisors") + kinds.query_for(kinds.Near(near.origin, near.distance)))


kinds.register(
    kinds.Kind(
        key="supervisors",
        order=40,
        title=lambda: str(_("Find a supervisor")),
        lead=lambda: str(_("For trainers: a recognised supervisor near you or online.")),
        url_name="find:supervisors",
        roles=frozenset({TRAINER}),
        hint=hint,
    )
)
