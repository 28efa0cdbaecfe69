"""Answers from the register's history: "was number X registered on date D, at which level?"

Shared by the public pages, the open data and the insurers' API so that they always agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from kring.register.models import Level, Registration, RegistrationPeriod, Status

# When periods overlap, the one that starts last wins; on the same start, the one recorded last.
WINNER_FIRST = ("-starts_on", "-recorded_at", "-pk")


@dataclass(frozen=True)
class StandingOn:
    """The standing of one registration on one date."""

    number: str
    on: datetime.date
    period: RegistrationPeriod | None  # the period covering ``on``; None before the first or in a gap
    programme_codes: frozenset[str]
    reimbursable_codes: frozenset[str]

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
    periods = list(registration.periods.all())
    programmes = list(registration.programmes.all())
    return StandingOn(
        number=registration.number,
        on=on,
        period=period_on(periods, on),
        programme_codes=frozenset(p.code for p in programmes),
        reimbursable_codes=frozenset(p.code for p in programmes if p.counts_for_reimbursement),
    )


def with_history():
    """A queryset of registrations with everything ``standing_on`` needs, in three queries."""
    return Registration.objects.select_related("person").prefetch_related("periods", "programmes")
