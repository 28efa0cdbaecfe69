"""Event pages, split by audience: the public pages, the participant's, and the office's."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from kring.core.access import MEMBER, TRAINER, has_role
from kring.events.models import Event
from kring.members.models import Person

MEMBERS = (MEMBER, TRAINER)


def person_or_none(user) -> Person | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).select_related("user").first()


def event_for_staff(user, pk: int) -> Event:
    """An event for its attendance list: the office sees every event, a host only their own (404 else)."""
    events = Event.objects.all()
    if not has_role(user, "office"):
        events = events.filter(host__user=user)
    return get_object_or_404(events.select_related("host"), pk=pk)
