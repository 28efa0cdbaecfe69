"""Certification schemes, cycles, dossiers and the committee's work."""

from kring.recertification.models.committee import (
    OBJECTION_DAYS,
    Application,
    ApplicationStatus,
    BoardOutcome,
    CommitteeNote,
    Decision,
    InformationRequest,
    Objection,
    Outcome,
)
from kring.recertification.models.dossier import (
    MBI_TAC_DOMAINS,
    CodeOfEthics,
    Dossier,
    DossierStatus,
    DossierVersion,
    PeerInvitation,
    ReminderKind,
    ReminderSent,
    SampleDraw,
)
from kring.recertification.models.scheme import (
    CertificationScheme,
    Cycle,
    RequirementKind,
    SampleSetting,
    SchemeRequirement,
)

__all__ = [
    "Application",
    "ApplicationStatus",
    "BoardOutcome",
    "CertificationScheme",
    "CodeOfEthics",
    "CommitteeNote",
    "Cycle",
    "Decision",
    "Dossier",
    "DossierStatus",
    "DossierVersion",
    "InformationRequest",
    "MBI_TAC_DOMAINS",
    "OBJECTION_DAYS",
    "Objection",
    "Outcome",
    "PeerInvitation",
    "ReminderKind",
    "ReminderSent",
    "RequirementKind",
    "SampleDraw",
    "SampleSetting",
    "SchemeRequirement",
]
