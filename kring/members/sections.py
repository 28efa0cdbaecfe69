"""Parts of "Beheer mijn gegevens" that apps above members add: a tab and a card on the overview.

Members never imports the apps above it; each joins once in its ``AppConfig.ready()`` (finance adds
"Invoices and mandate"). The layout reads the tabs, the overview renders the cards in the order added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kring.members.models import Person


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str


_tabs: dict[str, Tab] = {}
_cards: dict[str, Callable[[Person], dict | None]] = {}


def add_tab(key: str, label, url_name: str) -> None:
    """A tab after members' own, linking to ``url_name``; its pages pass ``tab=key`` to be marked."""
    _tabs[key] = Tab(key, label, url_name)


def add_home_card(template: str, context: Callable[[Person], dict | None]) -> None:
    """A card on the overview: ``template`` rendered with ``context(person)``; None leaves it out."""
    _cards[template] = context


def tabs() -> list[Tab]:
    return list(_tabs.values())


def home_cards(person: Person) -> str:
    parts = []
    for template, context in _cards.items():
        values = context(person)
        if values is not None:
            parts.append(render_to_string(template, {"person": person, **values}))
    return mark_safe("".join(parts))  # nosec B308 B703 # each part is a template rendered with autoescaping
