"""The kinds of offer that "find" knows, and what each one says on the others' pages.

Each kind (courses, trainers, accredited programmes, retreats, supervisors) is one module that registers a ``Kind`` when
``load`` imports it. The entry page lists the kinds in their order, and every results page asks the
other kinds for a short hint about the same place and programme ("3 trainers near you give MBCT").
A new kind of offer is one more module in ``MODULES``: its
query, its pages and one ``register(Kind(...))``; nothing else changes.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from kring.core import geo

# Imported by ``load`` from FindConfig.ready(), lowest ``order`` first on the entry page.
MODULES = (
    "kring.find.courses",
    "kring.find.trainers",
    "kring.find.programmes",
    "kring.find.retreats",
    "kring.find.supervisors",
)


@dataclass(frozen=True)
class Near:
    """What a results page searched for, in the terms every kind understands."""

    origin: geo.Place | None = None
    distance: int = 25
    programme: str = ""


@dataclass(frozen=True)
class Hint:
    text: str
    url: str


@dataclass(frozen=True)
class Kind:
    key: str
    order: int
    title: Callable[[], str]  # called when shown, so the words follow the active language
    lead: Callable[[], str]
    url_name: str
    roles: frozenset[str]  # who sees it on the entry page and in hints
    hint: Callable[[Near, datetime.date], Hint | None]  # one query at most


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _kinds[kind.key] = kind


def load() -> None:
    for name in MODULES:
        importlib.import_module(name)


def all_kinds(roles: frozenset[str]) -> list[Kind]:
    return sorted((k for k in _kinds.values() if k.roles & roles), key=lambda k: k.order)


def hints(near: Near, today: datetime.date, *, roles: frozenset[str], besides: str) -> list[Hint]:
    """What the other kinds have for the same search; a kind with nothing to say stays silent."""
    found = (kind.hint(near, today) for kind in all_kinds(roles) if kind.key != besides)
    return [hint for hint in found if hint is not None]


def query_for(near: Near) -> str:
    """The same place and programme as URL parameters for another kind's results page."""
    from urllib.parse import urlencode

    params = {}
    if near.origin is not None:
        params.update(postcode=near.origin.postcode, country=near.origin.country, distance=near.distance)
    if near.programme:
        params["programme"] = near.programme
    return "?" + urlencode(params) if params else ""
