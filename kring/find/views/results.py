"""What every results page of "find" shares: the page number, the cards' distance words, the links
to the next page and the hints of the other kinds."""

from __future__ import annotations

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from kring.core.access import roles_of
from kring.find import kinds
from kring.register import search


def page_number(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 7 else 1


def distance_words(distance_km: float | None) -> str:
    return _("%(km)s km away") % {"km": floatformat(distance_km, 1)} if distance_km is not None else ""


def context(request, form, results, *, kind: str, today) -> dict:
    """The form, results, paging query and the other kinds' hints, in a fixed number of queries."""
    kept = request.GET.copy()
    kept.pop("page", None)
    hints = []
    if results is not None:
        data = form.cleaned_data
        near = kinds.Near(
            origin=data.get("origin"),
            distance=data.get("distance") or search.DISTANCE_DEFAULT,
            # The hints ("3 trainers near you give MBCT") speak of one programme, so only when one is chosen.
            programme=programmes[0] if len(programmes := data.get("programme") or []) == 1 else "",
        )
        hints = kinds.hints(near, today, roles=roles_of(request.user), besides=kind)
    return {
        "form": form,
        "results": results,
        "searched": bool(request.GET),
        "base_query": kept.urlencode() + "&" if kept else "",
        "first_number": (results.page - 1) * search.PAGE_SIZE + 1 if results else 1,
        "hints": hints,
    }
