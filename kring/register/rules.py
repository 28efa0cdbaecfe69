"""Pure decisions about a registration's periods: no database, easy to test.

The history (``RegistrationPeriod`` rows) is the truth; these functions read it the same way
``kring.register.history.period_on`` does, so the public page, the search and the API agree.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from kring.register.history import ONE_DAY, Span, active_stretch, spans
from kring.register.models import RegistrationPeriod, Status

__all__ = ["ONE_DAY", "Span", "active_stretch", "ended_on", "spans"]


def ended_on(periods: Sequence[RegistrationPeriod], on: datetime.date) -> tuple[datetime.date, str] | None:
    """For a registration that was registered before ``on`` but is not on ``on``: the first day it was
    no longer registered and the status from then (``"expired"`` when no period follows)."""
    last_active: Span | None = None
    following: Span | None = None
    for span in spans(periods):
        if span.since > on:
            break
        if span.status == Status.ACTIVE:
            last_active, following = span, None
        elif last_active is not None and following is None:
            following = span
    if last_active is None or last_active.until is None or last_active.until >= on:
        return None
    first_day = last_active.until + ONE_DAY
    if following is not None and following.since == first_day:
        return first_day, following.status
    return first_day, Status.EXPIRED
