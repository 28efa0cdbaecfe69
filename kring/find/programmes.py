"""Accredited programmes as a kind of "find": accreditation's own search (``kring.accreditation.finding``)
and its public list, not a copy."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.accreditation import finding
from kring.core.access import PUBLIC
from kring.find import kinds


def hint(near: kinds.Near, today: datetime.date) -> kinds.Hint | None:
    count = finding.count_near(near.origin, near.distance, today)
    if not count:
        return None
    if near.origin is not None:
        text = ngettext(
            "%(count)d accredited programme near you or online.",
            "%(count)d accredited programmes near you or online.",
            count,
        ) % {"count": count}
    else:
        text = ngettext(
            "%(count)d accredited programme to become a mindfulness trainer.",
            "%(count)d accredited programmes to become a mindfulness trainer.",
            count,
        ) % {"count": count}
    params = kinds.query_for(
        kinds.Near(origin=near.origin, distance=near.distance)
    )  # a programme of courses is not one of these
    return kinds.Hint(text, reverse("accreditation:public_list") + params)


kinds.register(
    kinds.Kind(
        key="programmes",
        order=25,
        title=lambda: str(_("Become a mindfulness trainer")),
        lead=lambda: str(_("A training programme for mindfulness trainers, accredited by the association.")),
        url_name="accreditation:public_list",
        roles=frozenset({PUBLIC}),
        hint=hint,
    )
)
