"""Answers from a programme's accreditation history: "was this programme accredited on date D?"

The public list, the graduates' first certification and the committee all ask here, so they agree.
"""

from __future__ import annotations

import datetime

from kring.accreditation.models import AccreditationPeriod, Programme, Status


def period_on(periods, on: datetime.date) -> AccreditationPeriod | None:
    """The period covering ``on``; when periods overlap, the one that starts last (then recorded last) wins."""
    covering = [p for p in periods if p.covers(on)]
    return max(covering, key=lambda p: (p.starts_on, p.recorded_at, p.pk or 0)) if covering else None


def status_on(programme: Programme, on: datetime.date) -> str | None:
    """The status on ``on``: None before the first accreditation; after the last period ended
    (its validity ran out) "expired", without a nightly job having to write it."""
    periods = list(programme.periods.all())  # prefetched by the lists that ask for many programmes
    period = period_on(periods, on)
    if period is not None:
        return period.status
    return Status.EXPIRED if any(p.starts_on <= on for p in periods) else None


def current_period(programme: Programme, on: datetime.date) -> AccreditationPeriod | None:
    return period_on(list(programme.periods.all()), on)


def accredited_on(programme: Programme, on: datetime.date) -> bool:
    """Whether the programme was accredited (active) on ``on``."""
    return status_on(programme, on) == Status.ACTIVE
