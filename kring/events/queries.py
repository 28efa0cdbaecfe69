"""Reading events for pages: the public list with its filters, and what a person may see."""

from __future__ import annotations

import datetime

from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kring.core import geo
from kring.events.models import HOLDING, Event, Mode, Registration, WaitingEntry, WaitingStatus

PAGE_SIZE = 50


def _sum(model, mode: str, **status):
    rows = (
        model.objects.filter(event=OuterRef("pk"), mode=mode, **status)
        .order_by()
        .values("event")
        .annotate(n=Sum("places"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_places(queryset):
    """Each event with the places taken per mode, in the same query (no query per event)."""
    return queryset.annotate(
        taken_live=_sum(Registration, Mode.LIVE, status__in=HOLDING)
        + _sum(WaitingEntry, Mode.LIVE, status=WaitingStatus.OFFERED),
        taken_online=_sum(Registration, Mode.ONLINE, status__in=HOLDING)
        + _sum(WaitingEntry, Mode.ONLINE, status=WaitingStatus.OFFERED),
    )


def free_of(event) -> dict[str, int]:
    return {mode: max(event.capacity(mode) - getattr(event, f"taken_{mode}"), 0) for mode in event.modes}


def upcoming(filters: dict, now=None) -> list[Event]:
    now = now or timezone.now()
    events = Event.objects.published().upcoming(now)
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("mode"):
        events = events.filter(mode__in=[filters["mode"], Mode.BOTH])
    if filters.get("month"):
        year, month = (int(part) for part in filters["month"].split("-"))
        first = timezone.make_aware(datetime.datetime(year, month, 1))
        after = timezone.make_aware(datetime.datetime(year + month // 12, month % 12 + 1, 1))
        events = events.filter(starts_at__lt=after, ends_at__gte=first)
    place = filters.get("place")
    radius = filters.get("distance") or 50
    if place:
        south, north, west, east = geo.bounding_box(place.latitude, place.longitude, radius)
        events = events.filter(
            Q(latitude__range=(south, north), longitude__range=(west, east)) | Q(mode__in=[Mode.ONLINE, Mode.BOTH])
        )
    found = list(with_places(events).order_by("starts_at", "pk")[: PAGE_SIZE * 2])
    for event in found:
        event.free = free_of(event)
        event.distance_km = (
            round(geo.distance_km(place.latitude, place.longitude, event.latitude, event.longitude))
            if place and event.latitude is not None
            else None
        )
    if place:
        found = [e for e in found if e.distance_km is None or e.distance_km <= radius]
    return found[:PAGE_SIZE]


def event_for_page(pk: int) -> Event:
    event = get_object_or_404(with_places(Event.objects.published().select_related("host")), pk=pk)
    event.free = free_of(event)
    return event


def registration_of(event: Event, person) -> Registration | None:
    if person is None:
        return None
    return Registration.objects.filter(event=event, person=person, status__in=HOLDING).first()


def waiting_of(event: Event, person) -> WaitingEntry | None:
    if person is None:
        return None
    return WaitingEntry.objects.filter(
        event=event, person=person, status__in=[WaitingStatus.WAITING, WaitingStatus.OFFERED]
    ).first()


def position_in_line(entry: WaitingEntry) -> int:
    return (
        WaitingEntry.objects.filter(
            event_id=entry.event_id, mode=entry.mode, status=WaitingStatus.WAITING, joined_at__lt=entry.joined_at
        ).count()
        + 1
    )
