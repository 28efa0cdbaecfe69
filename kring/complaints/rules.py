"""The terms of the procedure as pure functions of dates and the settings' numbers of days.

Defaults (``kring/settings.py``): receipt confirmed within 14 days; the trainer responds within 14
days; a decision within 42 days of filing (Wkkgz art. 17: six weeks), extendable once by 28 days (four
weeks) with a reason sent to both parties; objection within 28 days; a suspension at most 365 days;
files destroyed 5 years after closing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Terms:
    receipt_days: int = 14
    response_days: int = 14
    decision_days: int = 42
    extension_days: int = 28
    objection_days: int = 28
    max_suspension_days: int = 365
    retention_years: int = 5

    @classmethod
    def from_settings(cls) -> Terms:
        from django.conf import settings

        return cls(
            receipt_days=settings.KRING_COMPLAINTS_RECEIPT_DAYS,
            response_days=settings.KRING_COMPLAINTS_RESPONSE_DAYS,
            decision_days=settings.KRING_COMPLAINTS_DECISION_DAYS,
            extension_days=settings.KRING_COMPLAINTS_EXTENSION_DAYS,
            objection_days=settings.KRING_COMPLAINTS_OBJECTION_DAYS,
            max_suspension_days=settings.KRING_COMPLAINTS_MAX_SUSPENSION_DAYS,
            retention_years=settings.KRING_COMPLAINTS_RETENTION_YEARS,
        )


def days_after(day: datetime.date, days: int) -> datetime.date:
    return day + datetime.timedelta(days=days)


def first_terms(filed_on: datetime.date, terms: Terms) -> tuple[datetime.date, datetime.date]:
    """When the receipt must be confirmed and when the decision is due, counted from filing."""
    return days_after(filed_on, terms.receipt_days), days_after(filed_on, terms.decision_days)


def suspension_allowed(starts_on: datetime.date, until: datetime.date | None, terms: Terms) -> bool:
    """A suspension needs an end after its start, no longer than the rules allow."""
    return until is not None and starts_on < until <= days_after(starts_on, terms.max_suspension_days)


def destroy_after(closed_on: datetime.date, terms: Terms) -> datetime.date:
    """The first day a closed file may be destroyed."""
    try:
        return closed_on.replace(year=closed_on.year + terms.retention_years)
    except ValueError:  # 29 February
        return closed_on.replace(year=closed_on.year + terms.retention_years, day=28)


@dataclass(frozen=True)
class Due:
    """The next step of a case and the day it is due: for the committee's calm list."""

    step: str
    on: datetime.date | None


def next_due(
    *,
    stage: str,
    receipt_due: datetime.date,
    response_due: datetime.date | None,
    decision_due: datetime.date,
    objection_until: datetime.date | None,
    objection_open: bool,
) -> Due:
    """What the committee does next on a case and by when (None when nothing is due)."""
    if stage == "received":
        return Due("confirm", receipt_due)
    if stage == "confirmed":
        return Due("invite", decision_due)
    if stage == "invited":
        return Due("decide", decision_due)
    if stage == "objected" and objection_open:
        return Due("objection", None)
    if stage == "decided":
        return Due("wait_objection", objection_until)
    return Due("none", None)
