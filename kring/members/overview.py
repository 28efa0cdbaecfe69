"""The one hook by which apps above members add a card to "Beheer mijn gegevens" (the overview).

Members does not know which apps a person also uses there (courses and retreats they announce, for
instance). Such an app adds a card once, in its ``AppConfig.ready()``: ``card(person, roles)`` returns
what the card shows (``Card``), or None when it is not for this person. No signal: the overview view
calls ``cards`` where you read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Card:
    key: str  # used for the heading's id
    title: str
    text: str
    url: str
    link_text: str


CardSource = Callable[[object, frozenset], Card | None]
_sources: list[CardSource] = []


def add_overview_card(source: CardSource) -> None:
    """Have ``source(person, roles)`` add a card to the person's overview in "Beheer mijn gegevens"."""
    if source not in _sources:
        _sources.append(source)


def cards(person, roles: frozenset) -> list[Card]:
    return [card for card in (source(person, roles) for source in _sources) if card is not None]
