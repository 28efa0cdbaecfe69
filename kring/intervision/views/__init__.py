"""Intervision pages, split by subject: groups, meetings, records and calendar feeds."""

from __future__ import annotations

from kring.core.access import MEMBER, TRAINER

MEMBERS = (MEMBER, TRAINER)
