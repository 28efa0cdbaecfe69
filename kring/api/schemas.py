"""What the API answers, as documented in the OpenAPI document."""

from __future__ import annotations

import datetime
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

StatusCode = Literal["active", "suspended", "struck_off", "expired"]
LevelCode = Literal["basis", "specialist"]


class Error(Schema):
    error: str = Field(description="A stable, machine-readable code, e.g. 'unknown_number'.")
    message: str = Field(description="What went wrong and what to do, in English.")


class Standing(Schema):
    number: str = Field(description="The register number, as text (leading zeros matter).")
    name: str = Field(description="The trainer's name as in the public register.")
    on: datetime.date = Field(description="The date this answer is about.")
    registered: bool = Field(description="True when the registration was active on that date.")
    status: StatusCode | None = Field(description="Status on that date; null when no period covers the date.")
    level: LevelCode | None = Field(description="Level on that date; null when no period covers the date.")
    valid_since: datetime.date | None = Field(
        description="When registered: the first day of the uninterrupted registration that covers the date. "
        "Otherwise the first day of the period with that status."
    )
    valid_until: datetime.date | None = Field(
        description="When registered: the last day of the uninterrupted registration that covers the date, "
        "renewals already decided included (the same date as on the public page, the proof and the open data). "
        "Otherwise the last day of the period with that status. Null when open-ended."
    )
    programmes: list[str] = Field(description="Codes of the programmes the registration covers (e.g. 'mbsr').")
    counts_for_reimbursement: bool = Field(
        description="True when a course by this trainer counts for reimbursement on that date: registered, "
        "specialist level, and a programme that insurers reimburse (such as MBSR or MBCT)."
    )


class StandingList(Schema):
    on: datetime.date
    count: int
    results: list[Standing]


class BulkJobOut(Schema):
    id: uuid.UUID
    status: Literal["queued", "running", "done", "failed"]
    total_rows: int
    processed_rows: int
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    status_url: str
    result_url: str | None = Field(description="Where to download the result CSV once the status is 'done'.")
