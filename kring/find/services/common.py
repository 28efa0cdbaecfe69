"""What the services of courses and retreats share: whose offer it is, and where it takes place."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import geo
from kring.core.refusals import Refused
from kring.register import history
from kring.register.models import Registration

PLACE_FIELDS = ("online", "postcode", "country", "place", "latitude", "longitude")


def registration_of(person, on: datetime.date) -> Registration:
    """The person's registration that is active today; refused when there is none."""
    for registration in history.with_history().filter(person=person).order_by("-created_at"):
        if history.active_period_on(registration, timezone.localdate()) is not None:
            return registration
    raise Refused(_("Only trainers with a valid registration in the register can announce this."))


def lock(registration: Registration) -> None:
    """Announcements of one registration one at a time, so a double click finds the first one."""
    Registration.objects.select_for_update().filter(pk=registration.pk).first()


def check_valid_on(registration: Registration, on: datetime.date, what: str) -> None:
    if history.active_period_on(history.with_history().get(pk=registration.pk), on) is None:
        raise Refused(
            _(
                "Your registration is not valid on %(date)s, the first day of this %(what)s. "
                "It can be listed once your registration is renewed."
            )
            % {"date": on.strftime("%d-%m-%Y"), "what": what},
            field="starts_on",
        )


def check_starts_ahead(starts_on: datetime.date) -> None:
    if starts_on <= timezone.localdate():
        raise Refused(_("The start date has passed or is today. Choose a date after today."), field="starts_on")


def place_of(data: dict) -> dict:
    """The place fields from ``online``, ``postcode`` and ``country``: the coordinates of the postcode,
    or none at all for an online offer."""
    if data.get("online"):
        return {"online": True, "postcode": "", "country": "", "place": "", "latitude": None, "longitude": None}
    country = data.get("country") or "NL"
    place = geo.lookup(data.get("postcode") or "", country)
    if place is None:
        raise Refused(
            _("We do not know this postcode. Enter a Dutch or Belgian postcode, or choose online."), field="postcode"
        )
    return {
        "online": False,
        "postcode": place.postcode,
        "country": country,
        "place": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }
