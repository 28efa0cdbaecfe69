"""Pure rules of accreditation: checking answers against criteria, and the review clock."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

REVIEW_DAYS = 84  # the committee aims to decide within 12 weeks of the clock running


@dataclass(frozen=True)
class Check:
    """How one answer compares to one criterion's minimum; ``meets`` is None for criteria in words."""

    kind: str
    minimum: Decimal | None
    number: Decimal | None
    meets: bool | None


def judge(content: dict, criteria: list[tuple[str, Decimal | None]]) -> list[Check]:
    """Compare frozen answers (``{"answers": {kind: {"number": "200", ...}}}``) with the criteria of
    the version the application was submitted under. The committee judges; this only shows the figures."""
    answers = content.get("answers", {})
    checks = []
    for kind, minimum in criteria:
        raw = answers.get(kind, {}).get("number")
        number = Decimal(raw) if raw not in (None, "") else None
        meets = None if minimum is None else (number is not None and number >= minimum)
        checks.append(Check(kind=kind, minimum=minimum, number=number, meets=meets))
    return checks


def hours_problem(curriculum: Decimal | None, contact: Decimal | None) -> str | None:
    """Which figure is wrong, if any: "contact" when contact hours exceed the study hours."""
    if curriculum is not None and contact is not None and contact > curriculum:
        return "contact"
    return None


@dataclass(frozen=True)
class Clock:
    days_used: int
    days_left: int
    stopped: bool


def review_clock(
    started: datetime.date,
    pauses: list[tuple[datetime.date, datetime.date | None]],
    today: datetime.date,
    term: int = REVIEW_DAYS,
) -> Clock:
    """Days of review used from ``started`` up to today, not counting days on which a question was open.

    A pause runs from the day a question is asked up to (not including) the day it is answered; an
    unanswered question (end None) keeps the clock standing still."""

    def paused(day: datetime.date) -> bool:
        return any(start <= day and (end is None or day < end) for start, end in pauses)

    used, day = 0, started
    while day < today:
        used += not paused(day)
        day += datetime.timedelta(days=1)
    stopped = any(end is None for _start, end in pauses)
    return Clock(days_used=used, days_left=max(0, term - used), stopped=stopped)


def valid_until(starts_on: datetime.date, years: int) -> datetime.date:
    """The last day of an accreditation of ``years`` from ``starts_on`` (29 February becomes 28)."""
    try:
        end = starts_on.replace(year=starts_on.year + years)
    except ValueError:
        end = starts_on.replace(year=starts_on.year + years, day=28)
    return end - datetime.timedelta(days=1)
