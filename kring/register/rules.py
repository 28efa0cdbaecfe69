"""Pure decisions about a registration's periods: no database, easy to test.

The history (``RegistrationPeriod`` rows) is the truth; these functions read it the same way
``kring.register.history.period_on`` does, so the public page, the search and the API agree.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from kring.register.history import period_on
from kring.register.models import RegistrationPeriod, Status

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """A stretch of days in one status. ``until`` None means open-ended."""

    status: str
    level: str
    since: datetime.date
    until: datetime.date | None


def spans(periods: Sequence[RegistrationPeriod]) -> list[Span]:
    """The history cut into consecutive stretches, as ``period_on`` sees each day.

    Adjacent days with the same status and level are merged. Days that no period covers are gaps
    (no span)."""
    if not periods:
        return []
    points = sorted({p.starts_on for p in periods} | {p.ends_on + ONE_DAY for p in periods if p.ends_on})
    result: list[Span] = []
    for index, start in enumerate(points):
        period = period_on(list(periods), start)
        if period is None:
            continue
        end = points[index + 1] - ONE_DAY if index + 1 < len(points) else None
        previous = result[-1] if result else None
        if (
            previous
            and previous.status == period.status
            and previous.level == period.level
            and previous.until is not None
            and previous.until + ONE_DAY == start
        ):
            result[-1] = Span(period.status, period.level, previous.since, end)
        else:
            result.append(Span(period.status, period.level, start, end))
    return result


def active_stretch(periods: Sequence[RegistrationPeriod], on: datetime.date) -> Span | None:
    """The registered stretch that covers ``on`` or, failing that, the first one after it.

    Level changes inside a stretch do not interrupt it: "registered since" is the first day of the
    uninterrupted registration, "valid until" its last day. The level is the one on ``on`` (or on the
    first day, for a future stretch)."""
    stretches: list[list[Span]] = []
    for span in spans(periods):
        if span.status != Status.ACTIVE:
            stretches.append([])
            continue
        last = stretches[-1][-1] if stretches and stretches[-1] else None
        if last is not None and last.until is not None and last.until + ONE_DAY == span.since:
            stretches[-1].append(span)
        else:
            stretches.append([span])
    for parts in filter(None, stretches):
        until = parts[-1].until
        if until is None or until >= on:
            current = next((p for p in parts if p.since <= on and (p.until is None or on <= p.until)), parts[0])
            return Span(Status.ACTIVE, current.level, parts[0].since, until)
    return None


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
