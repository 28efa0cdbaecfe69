"""Pure decisions about events: who may come, at which price, what the office may set."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kring.core import geo
from kring.core.access import MEMBER, TRAINER
from kring.events.models import Audience, Event, Mode, PriceGroup

NOT_FOR_YOU = {
    Audience.MEMBERS: gettext_lazy("This event is for members of the association."),
    Audience.TRAINERS: gettext_lazy("This event is for registered trainers."),
}


def audience_allows(event: Event, roles: frozenset[str]) -> bool:
    if event.audience == Audience.PUBLIC:
        return True
    if event.audience == Audience.TRAINERS:
        return TRAINER in roles
    return bool({MEMBER, TRAINER} & roles)


def price_group(membership_codes: set[str]) -> str:
    """Student members pay the student price, other members the member price, everyone else (also
    visitors) the non-member price. Being a student is known from the membership type only: a
    visitor's word for it cannot be checked."""
    if "student" in membership_codes:
        return PriceGroup.STUDENT
    return PriceGroup.MEMBER if membership_codes else PriceGroup.NON_MEMBER


def event_problems(event: Event, *, taken: dict[str, int]) -> dict[str, str]:
    """Kind messages per field for an event the office made or changed; empty when all is well.
    ``taken`` gives the places already taken per mode."""
    errors = {}
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if opens and closes and closes <= opens:
        errors["registration_closes_at"] = _("Registration must close after it opens.")
    if event.online_link and not event.online_link.lower().startswith("https://"):
        errors["online_link"] = _("The online link must start with https:// so that it is private on the way.")
    if event.is_online and not event.online_link:
        errors["online_link"] = _("An online event needs its link (https://…).")
    if event.is_live and not event.postcode:
        errors["postcode"] = _("A live event needs the postcode of its venue.")
    elif event.postcode and geo.lookup(event.postcode, event.country) is None:
        errors["postcode"] = _(
            "We do not know this postcode. Enter a postcode in the Netherlands (for example 3512 AB) "
            "or Belgium (for example 9000)."
        )
    for name in ("price_member", "price_non_member", "price_student"):
        for field in (name, "early_" + name):
            value = getattr(event, field)
            if value is not None and value < 0:
                errors[field] = _("A price cannot be below zero.")
    for mode in (Mode.LIVE, Mode.ONLINE):
        if taken.get(mode, 0) > event.capacity(mode):
            field = "capacity_live" if mode == Mode.LIVE else "capacity_online"
            errors[field] = _("%(n)s places are already taken; the capacity cannot be lower.") % {"n": taken[mode]}
    return errors


def free_places(event: Event, mode: str, taken: int) -> int:
    return max(event.capacity(mode) - taken, 0)


def may_cancel(event: Event, now: datetime.datetime) -> bool:
    return now < event.cancel_deadline
