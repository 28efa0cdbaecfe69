"""Institutes, criteria, applications, the committee's review, accreditation status and graduates."""

from kring.accreditation.models.applications import (
    Answer,
    Application,
    ApplicationStatus,
    ApplicationVersion,
    Document,
)
from kring.accreditation.models.criteria import NUMERIC, ORDER, CriteriaVersion, Criterion, Kind
from kring.accreditation.models.institutes import Country, Institute, InstituteStaff, Programme, Teacher
from kring.accreditation.models.review import (
    OBJECTION_DAYS,
    Assessment,
    BoardOutcome,
    Chair,
    Condition,
    Decision,
    Objection,
    Outcome,
    Question,
    Reviewer,
    Verdict,
)
from kring.accreditation.models.status import AccreditationPeriod, ExpiryReminder, Graduate, Status

__all__ = [
    "NUMERIC",
    "OBJECTION_DAYS",
    "ORDER",
    "AccreditationPeriod",
    "Answer",
    "Application",
    "ApplicationStatus",
    "ApplicationVersion",
    "Assessment",
    "Chair",
    "Condition",
    "Country",
    "CriteriaVersion",
    "Criterion",
    "Decision",
    "Document",
    "ExpiryReminder",
    "Graduate",
    "Institute",
    "InstituteStaff",
    "Kind",
    "BoardOutcome",
    "Objection",
    "Outcome",
    "Programme",
    "Question",
    "Reviewer",
    "Status",
    "Teacher",
    "Verdict",
]
