"""Parts of "Beheer mijn gegevens" that apps above members add: a tab, and a card on the overview.

Members never imports the apps above it; each joins once in its ``AppConfig.ready()`` (finance adds
"Invoices and mandate", find "My courses and retreats"). No signal: the layout reads the tabs and the
overview view asks each card source, in the order added, what its card shows for this person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from kring.members.models import Person


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str


@dataclass(frozen=True)
class Card:
    key: str  # the heading's id
    title: str
    texts: tuple[str, ...]  # one paragraph each
    url: str
    link_text: str


CardSource = Callable[[Person, frozenset], Card | None]
_tabs: dict[str, Tab] = {}
_cards: dict[str, CardSource] = {}


def add_tab(key: str, label, url_name: str) -> None:
    """A tab after members' own, linking to ``url_name``; its pages pass ``tab=key`` to be marked."""
    _tabs[key] = Tab(key, label, url_name)


def add_home_card(key: str, source: CardSource) -> None:
    """A card on the overview: ``source(person, roles)`` says what it shows, or None to leave it out.
    A source keeps its query count constant: the overview's budget is fixed."""
    _cards[key] = source


def tabs() -> list[Tab]:
    return list(_tabs.values())


def home_cards(person: Person, roles: frozenset) -> list[Card]:
    return [card for card in (source(person, roles) for source in _cards.values()) if card is not None]


def role_card(role: str, key: str, title, text, url_name: str, link_text) -> CardSource:
    """A card only people with ``role`` see: the way to the pages of that role (no query)."""

    def source(person: Person, roles: frozenset) -> Card | None:
        if role not in roles:
            return None
        return Card(key=key, title=str(title), texts=(str(text),), url=reverse(url_name), link_text=str(link_text))

    return source
