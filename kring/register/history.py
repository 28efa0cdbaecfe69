"""Answers from the register's history: "was number X registered on date D, at which level, and
until when is that registration valid?"

Shared by the public pages, the proof PDF, the open data, the office's exports and the insurers' API
so that they always agree.

**Valid until** (``valid_until``) is defined here once: the last day of the *uninterrupted
registration* that covers the date — the run of consecutive active days without a gap, a suspension,
a strike-off or an expiry. Periods already recorded after the current one count when they follow it
without a gap: a renewal the committee has decided (also "accept with conditions"), or a change of
level. A renewal that has not been decided is not in the history and does not count. ``None`` means
open-ended; on a date the registration is not registered there is no validity at all.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from kring.register.models import Level, Registration, RegistrationPeriod, Status

# When periods overlap, the one that starts last wins; on the same start, the one recorded last.
WINNER_FIRST = ("-starts_on", "-recorded_at", "-pk")
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class StandingOn:
    """The standing of one registration on one date."""

    number: str
    on: datetime.date
    period: RegistrationPeriod | None  # the period covering ``on``; None before the first or in a gap
    programme_codes: frozenset[str]
    reimbursable_codes: frozenset[str]
    stretch: Span | None = None  # the uninterrupted registration covering ``on``, when registered

    @property
    def valid_since(self) -> datetime.date | None:
        """First day of the uninterrupted registration; for another status, of that status's period."""
        if self.stretch is not None:
            return self.stretch.since
        return self.period.starts_on if self.period is not None else None

    @property
    def valid_until(self) -> datetime.date | None:
        """``valid_until`` of the module docstring; for another status, the last day of its period."""
        if self.stretch is not None:
            return self.stretch.until
        return self.period.ends_on if self.period is not None else None

    @property
    def registered(self) -> bool:
        return self.period is not None and self.period.status == Status.ACTIVE

    @property
    def status(self) -> str | None:
        if self.period is not None:
            return self.period.status
        return None

    @property
    def level(self) -> str | None:
        return self.period.level if self.period is not None else None

    @property
    def counts_for_reimbursement(self) -> bool:
        """Insurers reimburse only specialist trainers registered for MBSR/MBCT-like programmes."""
        return self.registered and self.level == Level.SPECIALIST and bool(self.reimbursable_codes)


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


def registered_stretch(periods: Sequence[RegistrationPeriod], on: datetime.date) -> Span | None:
    """The uninterrupted registration that covers ``on`` (None when not registered on ``on``)."""
    stretch = active_stretch(periods, on)
    return stretch if stretch is not None and stretch.since <= on else None


def valid_until(periods: Sequence[RegistrationPeriod], on: datetime.date) -> datetime.date | None:
    """The one definition of "valid until" (see the module docstring). None: open-ended or not registered."""
    stretch = registered_stretch(periods, on)
    return stretch.until if stretch is not None else None


def period_on(periods: list[RegistrationPeriod], on: datetime.date) -> RegistrationPeriod | None:
    """The period that covers ``on``; if periods overlap, the winner by ``WINNER_FIRST``.

    The one choice of a registration's period on a date: everything else (the database version
    ``periods_on`` included) follows it."""
    covering = [p for p in periods if p.covers(on)]
    return max(covering, key=lambda p: (p.starts_on, p.recorded_at, p.pk or 0)) if covering else None


def periods_on(on: datetime.date) -> QuerySet[RegistrationPeriod]:
    """``period_on`` in the database: the periods of the outer registration covering ``on``, the
    winner first. For a subquery (``Subquery(periods_on(d).values("status")[:1])``)."""
    return periods_covering(OuterRef("pk"), on)


def periods_covering(registration, on) -> QuerySet[RegistrationPeriod]:
    """``periods_on`` for any registration and date, both of which may be ``OuterRef``s: "was the
    registration of this course registered on the course's first day?" in one subquery."""
    return (
        RegistrationPeriod.objects.filter(registration=registration, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .order_by(*WINNER_FIRST)
    )


def registered_on(on: datetime.date | None = None) -> QuerySet[Registration]:
    """Registrations whose period on the date (today by default) is active: ``period_on`` in SQL."""
    on = on or timezone.localdate()
    status_on = Subquery(periods_on(on).values("status")[:1])
    return Registration.objects.alias(status_on=status_on).filter(status_on=Status.ACTIVE)


def active_period_on(registration: Registration, on: datetime.date) -> RegistrationPeriod | None:
    """The period on ``on`` when it makes the registration registered (active), else None."""
    period = period_on(list(registration.periods.all()), on)
    return period if period is not None and period.status == Status.ACTIVE else None


def standing_on(registration: Registration, on: datetime.date) -> StandingOn:
    """The standing of a registration on a date. Uses prefetched ``periods`` and ``programmes`` if present."""
    programmes = [(p.code, p.counts_for_reimbursement) for p in registration.programmes.all()]
    return standing_from(registration.number, on, list(registration.periods.all()), programmes)


def standing_from(
    number: str, on: datetime.date, periods: Sequence[RegistrationPeriod], programmes: Sequence[tuple[str, bool]]
) -> StandingOn:
    """``standing_on`` from the periods and the programmes (code, counts for reimbursement) themselves,
    however they were read (``kring.register.lookup`` keeps them in memory)."""
    period = period_on(list(periods), on)
    return StandingOn(
        number=number,
        on=on,
        period=period,
        programme_codes=frozenset(code for code, _ in programmes),
        reimbursable_codes=frozenset(code for code, counts in programmes if counts),
        stretch=registered_stretch(periods, on) if period is not None and period.status == Status.ACTIVE else None,
    )


def with_history():
    """A queryset of registrations with everything ``standing_on`` needs, in three queries."""
    return Registration.objects.select_related("person").prefetch_related("periods", "programmes")
