"""The one hook by which apps above members follow a change in what a person made public.

Members does not know who keeps a copy of the public profile. An app that does (the register's
search index) adds its reaction once, in its ``AppConfig.ready()``. Members' services call
``public_profile_changed`` inside their own transaction, so every copy changes together with the
profile or not at all: search and open data never show what was just made private. No signal: the
call stands in the service where you read it.
"""

from __future__ import annotations

from collections.abc import Callable

Reaction = Callable[[list[int]], None]
_reactions: list[Reaction] = []


def on_public_profile_change(reaction: Reaction) -> None:
    """Have ``reaction(person_ids)`` called whenever the public profile of those people changed."""
    if reaction not in _reactions:
        _reactions.append(reaction)


def public_profile_changed(person_id: int) -> None:
    for reaction in _reactions:
        reaction([person_id])
