"""The code of ethics and the complaints procedure. Case texts and documents are stored encrypted
(``kring.complaints.crypto``); what stays readable is what the procedure needs to keep time and what
the register and the annual report need: stages, dates, the outcome and its measure."""

from kring.complaints.models.cases import (
    OPEN_STAGES,
    REGISTER_MEASURES,
    Case,
    CaseDocument,
    CaseEntry,
    ConflictDeclaration,
    DestructionLog,
    EntryKind,
    Objection,
    Outcome,
    Party,
    Ruling,
    Stage,
)
from kring.complaints.models.ethics import EthicsAcceptance, EthicsCode

__all__ = [
    "Case",
    "CaseDocument",
    "CaseEntry",
    "ConflictDeclaration",
    "DestructionLog",
    "EntryKind",
    "EthicsAcceptance",
    "EthicsCode",
    "Objection",
    "OPEN_STAGES",
    "REGISTER_MEASURES",
    "Outcome",
    "Party",
    "Ruling",
    "Stage",
]
