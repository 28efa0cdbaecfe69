"""Pure rules of recertification: progress against a scheme, completeness, the sample draw, reminders.

No database here: the views and services hand in plain values, so these rules are easy to test and
to reason about. Dates are inclusive: an activity on the first or the last day of a cycle counts.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

MAX_HOURS_PER_ENTRY = Decimal(200)
MAX_HOURS_PER_DAY = Decimal(24)

PER_YEAR = {"intervision_per_year"}
# What each requirement counts: (activity kinds, measure). ``None`` means every kind but the excluded.
MEASURES: dict[str, tuple[frozenset[str] | None, str]] = {
    "intervision_per_year": (frozenset({"intervision"}), "count"),
    "supervision_hours": (frozenset({"supervision"}), "hours"),
    "retreat_days": (frozenset({"retreat"}), "days"),
    "courses_taught": (frozenset({"course_taught"}), "count"),
    "cpd_hours": (None, "hours"),
}
# Teaching is work, not development: it does not add CPD hours.
NOT_CPD = frozenset({"course_taught"})


@dataclass(frozen=True)
class ActivityFact:
    kind: str
    date: datetime.date
    hours: Decimal = Decimal(0)
    days: Decimal = Decimal(0)


@dataclass(frozen=True)
class Stretch:
    """Progress over one stretch of time (a cycle year, or the whole cycle)."""

    starts_on: datetime.date
    ends_on: datetime.date
    required: Decimal
    done: Decimal

    @property
    def open(self) -> Decimal:
        return max(Decimal(0), self.required - self.done)

    @property
    def met(self) -> bool:
        return self.done >= self.required


@dataclass(frozen=True)
class RequirementProgress:
    kind: str
    amount: Decimal
    per_year: bool
    stretches: list[Stretch] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return all(s.met for s in self.stretches)

    @property
    def required(self) -> Decimal:
        return sum((s.required for s in self.stretches), Decimal(0))

    @property
    def done(self) -> Decimal:
        """Done towards the requirement; a busy year does not make up for a quiet one."""
        return sum((min(s.done, s.required) for s in self.stretches), Decimal(0))

    @property
    def open(self) -> Decimal:
        return self.required - self.done

    def current(self, today: datetime.date) -> Stretch:
        """The stretch that covers today (the last one after the cycle, the first one before)."""
        for stretch in self.stretches:
            if stretch.starts_on <= today <= stretch.ends_on:
                return stretch
        return self.stretches[-1] if today > self.stretches[-1].ends_on else self.stretches[0]

    def next_open(self, today: datetime.date) -> Stretch | None:
        """The first stretch still open that has not ended before today: what to do, and by when."""
        for stretch in self.stretches:
            if not stretch.met and stretch.ends_on >= today:
                return stretch
        return None


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cycle_end(starts_on: datetime.date, years: int) -> datetime.date:
    """The last day of a cycle of ``years`` years that starts on ``starts_on``."""
    return add_years(starts_on, years) - datetime.timedelta(days=1)


def cycle_years(starts_on: datetime.date, ends_on: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """The cycle cut into years counted from its start; the last one may be shorter."""
    years, start, i = [], starts_on, 0
    while start <= ends_on:
        i += 1
        end = min(add_years(starts_on, i) - datetime.timedelta(days=1), ends_on)
        years.append((start, end))
        start = end + datetime.timedelta(days=1)
    return years


def measure(kind: str, activities: Iterable[ActivityFact], starts_on: datetime.date, ends_on: datetime.date) -> Decimal:
    kinds, how = MEASURES[kind]
    total = Decimal(0)
    for activity in activities:
        if not (starts_on <= activity.date <= ends_on):
            continue
        if (kinds is not None and activity.kind not in kinds) or (kinds is None and activity.kind in NOT_CPD):
            continue
        total += 1 if how == "count" else (activity.hours if how == "hours" else activity.days)
    return total


def progress(
    requirements: Iterable[tuple[str, Decimal]],
    activities: Iterable[ActivityFact],
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> list[RequirementProgress]:
    """Per requirement of a scheme: what is done and what is open in a cycle, per year where it asks so."""
    activities = [a for a in activities if starts_on <= a.date <= ends_on]
    result = []
    for kind, amount in requirements:
        amount = Decimal(amount)
        if kind in PER_YEAR:
            stretches = [
                Stretch(s, e, amount, measure(kind, activities, s, e)) for s, e in cycle_years(starts_on, ends_on)
            ]
        else:
            stretches = [Stretch(starts_on, ends_on, amount, measure(kind, activities, starts_on, ends_on))]
        result.append(RequirementProgress(kind=kind, amount=amount, per_year=kind in PER_YEAR, stretches=stretches))
    return result


PEERS_NEEDED = 2


def dossier_gaps(
    *, requirements_met: bool, ethics_accepted: bool, has_reflection: bool, confirmed_peers: int, has_peer_report: bool
) -> list[str]:
    """What a dossier still lacks; an empty list means it is complete and can be accepted on trust."""
    gaps = []
    if not requirements_met:
        gaps.append("requirements")
    if not ethics_accepted:
        gaps.append("ethics")
    if not has_reflection:
        gaps.append("reflection")
    if confirmed_peers < PEERS_NEEDED:
        gaps.append("peers")
    if not has_peer_report:
        gaps.append("peer_report")
    return gaps


def sample_seed(cycle_id: int, salt: str) -> str:
    """The seed of a cycle's draw. It depends on the cycle, not on the version: resubmitting does not redraw."""
    return hashlib.sha256(f"{cycle_id}:{salt}".encode()).hexdigest()


def sample_draw(seed: str, percentage: Decimal | float) -> tuple[float, bool]:
    """A value in [0, 1) from the seed, and whether it falls in the sample of ``percentage`` percent."""
    value = int(seed[:16], 16) / 2**64
    return value, value * 100 < float(percentage)


REMINDERS = [("year", 365), ("six_months", 183), ("one_month", 31)]


def reminder_due(ends_on: datetime.date, today: datetime.date, already: set[str]) -> tuple[str | None, list[str]]:
    """The reminder to send today, and the earlier ones to mark as skipped (never more than one at once)."""
    days_left = (ends_on - today).days
    if days_left < 0:
        return None, []
    due = [kind for kind, days in REMINDERS if days_left <= days]
    if not due or due[-1] in already:
        return None, []
    return due[-1], [kind for kind in due[:-1] if kind not in already]
