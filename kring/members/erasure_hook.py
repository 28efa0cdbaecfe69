"""What erasure keeps, and whether it keeps the name: the one hook by which apps above members say so.

Members does not know who must keep what. An app that keeps data about a person past erasure (the
register: registrations with their history; finance: invoices for the tax law) adds a source once,
in its ``AppConfig.ready()``. The office's confirmation page lists everything the sources name, and
``services.person_erase`` keeps the name only when one of them needs it, as the person was told:
someone never registered as a trainer loses their name too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kring.members.models import Person


@dataclass(frozen=True)
class Kept:
    """One thing erasure keeps about a person, in words for the office, and whether it needs the name."""

    what: str
    keeps_name: bool = False


Source = Callable[[Person], list[Kept]]
_sources: dict[str, Source] = {}


def add_kept_source(name: str, source: Source) -> None:
    """Have ``source(person)`` list what app ``name`` keeps of ``person`` after erasure."""
    _sources[name] = source


def kept_for(person: Person) -> list[Kept]:
    """Everything erasure keeps of ``person``: what the apps above keep, then members' own part."""
    kept = [item for source in _sources.values() for item in source(person)]
    if person.memberships.exists():
        kept.append(Kept(_("Memberships with their history, for the association's accounts")))
    kept.append(Kept(_("The audit trail: when what changed and by whom, never the values")))
    return kept


def name_is_kept(person: Person) -> bool:
    return any(item.keeps_name for item in kept_for(person))
