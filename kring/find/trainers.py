"""Trainers as a kind of "find": the register's own search (``kring.register.search``), not a copy."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.core.access import PUBLIC
from kring.find import kinds
from kring.register import search


def hint(near: kinds.Near, today: datetime.date) -> kinds.Hint | None:
    if near.origin is None:
        return None
    criteria = search.Criteria(origin=near.origin, distance=near.distance, codes={"programme": near.programme})
    count = search.find(criteria, today).count
    if not count:
        return None
    if near.programme:
        name = search.names("programme").get(near.programme, near.programme)
        text = ngettext(
            "%(count)d trainer near you gives %(programme)s.", "%(count)d trainers near you give %(programme)s.", count
        ) % {"count": count, "programme": name}
    else:
        text = ngettext("%(count)d trainer near you.", "%(count)d trainers near you.", count) % {"count": count}
    return kinds.Hint(text, reverse("register:search") + kinds.query_for(near))


kinds.register(
    kinds.Kind(
        key="trainers",
        order=20,
        title=lambda: str(_("Find a trainer")),
        lead=lambda: str(_("A registered mindfulness trainer near you, also for individual sessions.")),
        url_name="register:search",
        roles=frozenset({PUBLIC}),
        hint=hint,
    )
)
