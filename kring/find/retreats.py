"""Retreats: finding them."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.core.access import PUBLIC
from kring.find import kinds, offers
from kring.find.models import Retreat
from kring.register import search


def with_card_data():
    return Retreat.objects.select_related("language", "registration__person", "institute")


def find(criteria: offers.Criteria, today: datetime.date) -> search.Results:
    return offers.find(with_card_data(), criteria, today, extra="days")


def hint(near: kinds.Near, today: datetime.date) -> kinds.Hint | None:
    count, first = offers.count_near(Retreat.objects.all(), near, today)
    if not count:
        return None
    text = ngettext(
        "%(count)d silent retreat near you, in %(month)s.",
        "%(count)d silent retreats near you; the first in %(month)s.",
        count,
    ) % {"count": count, "month": date_format(first, "F")}
    return kinds.Hint(text, reverse("find:retreats") + kinds.query_for(near))


kinds.register(
    kinds.Kind(
        key="retreats",
        order=30,
        title=lambda: str(_("Find a silent retreat")),
        lead=lambda: str(_("Some days of silent practice together, led by an experienced teacher.")),
        url_name="find:retreats",
        roles=frozenset({PUBLIC}),
        hint=hint,
    )
)
