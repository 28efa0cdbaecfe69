"""What the public may see of a registration: its standing today and the trainer's consented fields.

Read from the register itself (not the search index), so a trainer's page is right the moment the
office or the trainer changes something.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from kring.members.models import Person
from kring.register.history import registered_stretch
from kring.register.models import Level, Registration, Status
from kring.register.rules import ended_on


@dataclass(frozen=True)
class PublicStanding:
    registered: bool
    level: str | None
    since: datetime.date | None
    until: datetime.date | None
    ended_on: datetime.date | None  # first day no longer registered
    ended_status: str | None

    @property
    def level_label(self) -> str:
        return Level(self.level).label if self.level else ""

    @property
    def ended_status_label(self) -> str:
        return Status(self.ended_status).label if self.ended_status else ""


def standing_today(registration: Registration, today: datetime.date | None = None) -> PublicStanding:
    today = today or timezone.localdate()
    periods = list(registration.periods.all())
    stretch = registered_stretch(periods, today)
    if stretch is not None:
        return PublicStanding(True, stretch.level, stretch.since, stretch.until, None, None)
    ended = ended_on(periods, today)
    return PublicStanding(False, None, None, None, ended[0] if ended else None, ended[1] if ended else None)


def registration_for_page(number: str) -> tuple[Registration, PublicStanding] | None:
    """The registration and its standing today, or None for a number the register does not know.
    A fixed number of queries: the registration with its person, periods and the person's public lists."""
    if not number.isdigit():
        return None
    registration = (
        Registration.objects.filter(number=number, person__erased_at__isnull=True)
        .select_related("person")
        .prefetch_related(
            "periods",
            "person__practices",
            "person__programmes",
            "person__work_domains",
            "person__target_groups",
            "person__languages",
        )
        .first()
    )
    if registration is None:
        return None
    return registration, standing_today(registration)


def phone_href(phone: str) -> str:
    """A ``tel:`` address for a number as people type it ("06 12345678" -> "tel:0612345678")."""
    return "tel:" + "".join(c for i, c in enumerate(phone) if c.isdigit() or (c == "+" and i == 0))


def profile(person: Person) -> dict:
    """Only the fields the person made public, ready for a template. An absent key means private."""
    shown: dict = {}
    for name in ("email", "phone", "website", "about"):
        if person.is_public(name) and getattr(person, name):
            shown[name] = getattr(person, name)
    if "phone" in shown:
        shown["phone_href"] = phone_href(shown["phone"])
    if person.public_photo and person.photo:
        shown["photo"] = person.photo.url
    if person.public_practices:
        shown["practices"] = list(person.practices.all())
    for name in ("programmes", "work_domains", "target_groups", "languages"):
        if person.is_public(name):
            items = [item.name for item in getattr(person, name).all()]
            if items:
                shown[name] = items
    if person.public_online and person.online:
        shown["online"] = True
    return shown
