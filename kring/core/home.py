"""The entries of the home page: where a visitor can go (find a trainer, a course, an event, the
complaints procedure). Core knows none of those apps; each app that offers a way in adds its entry in
its ``AppConfig.ready()`` with ``add_home_entry``, so the home page links only to what exists."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class HomeEntry:
    key: str
    title: str | Promise
    text: str | Promise
    link_text: str | Promise
    url_name: str
    order: int = 50


_entries: dict[str, HomeEntry] = {}


def add_home_entry(entry: HomeEntry) -> None:
    """Add (or replace, by ``key``) an entry; lower ``order`` comes first."""
    _entries[entry.key] = entry


def home_entries() -> list[HomeEntry]:
    return sorted(_entries.values(), key=lambda e: (e.order, e.key))
