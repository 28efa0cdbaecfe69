"""Pure decisions of intervision: does a group suit someone looking, and how far away is it.

No database here: functions take anything with the model's attribute names, so they are easy to
test and reuse (also by the group former's adapters).
"""

from __future__ import annotations

from kring.core import geo
from kring.intervision.models import MEETINGS_ASKED_PER_YEAR, Mode


def distance_between(a, b) -> float | None:
    """Kilometres between two things with ``latitude``/``longitude``, or None if one has no place."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return geo.distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def modes_fit(seeker_mode: str, group_mode: str) -> bool:
    """A live-only seeker needs a group that meets live; an online-only seeker one that meets online."""
    if seeker_mode == Mode.LIVE:
        return group_mode in (Mode.LIVE, Mode.BOTH)
    if seeker_mode == Mode.ONLINE:
        return group_mode in (Mode.ONLINE, Mode.BOTH)
    return True


def group_suits_seeker(group, seeker) -> bool:
    """Hard and stated wishes of a seeker against a group's description. Empty wishes match anything."""
    if not modes_fit(seeker.mode, group.mode):
        return False
    if group.mode == Mode.LIVE or (group.mode == Mode.BOTH and seeker.mode == Mode.LIVE):
        distance = distance_between(group, seeker)
        if distance is None or distance > seeker.max_distance_km:
            return False
    for wish, offer in (
        (seeker.work_domain_id, group.work_domain_id),
        (seeker.target_group_id, group.target_group_id),
        (seeker.language_id, group.language_id),
    ):
        if wish and offer and wish != offer:
            return False
    if seeker.experience_wish and seeker.experience_wish != group.experience:
        return False
    return not (seeker.moments and group.moment and group.moment not in seeker.moments)


def meetings_progress(confirmed: int, asked: int = MEETINGS_ASKED_PER_YEAR) -> dict:
    """What the at-a-glance count shows: how many of the asked meetings are confirmed this year."""
    return {
        "confirmed": confirmed,
        "asked": asked,
        "done": confirmed >= asked,
        "percent": min(100, round(100 * confirmed / asked)) if asked else 100,
    }
