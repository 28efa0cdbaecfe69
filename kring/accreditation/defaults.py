"""The default accreditation criteria (version 1), made by a data migration; the office edits them
by making a new version. Sources (PRODUCT.md, "Facts from the field"):

- 200 study hours of which 120 contact hours, online not counted as contact: the VVM's first
  certification asks this of a trainer, so a programme that leads to it must offer at least that;
- at least 12 months: BAMBA (UK) asks at least 120 hours over at least 12 months;
- a silent retreat of at least 5 days: VVM (5–7 days) and BAMBA (at least 5 days);
- an 8-week course (MBSR/MBCT) as a participant before or early in the programme: BAMBA;
- supervised teaching practice: BAMBA;
- qualified teaching staff, assessment of students and MBI:TAC as the frame of assessment: the
  association's own defaults, asked in words and judged by the committee.
"""

from __future__ import annotations

from datetime import date

DEFAULTS = [
    ("curriculum_hours", 200, "At least 200 study hours in all: contact hours, self-study, practice and assignments."),
    ("contact_hours", 120, "At least 120 contact hours with teachers; online hours do not count as contact hours."),
    ("duration_months", 12, "The programme takes at least 12 months, so that practice can grow."),
    ("retreat_days", 5, "At least one silent retreat of 5 to 7 days, led by an experienced teacher."),
    ("participant_course", None, "Students followed an 8-week course (MBSR or MBCT) as a participant."),
    ("staff_qualifications", None, "Who teaches, with their training, experience and own practice."),
    ("assessment", None, "How students are assessed, by whom, and what happens when they do not pass yet."),
    ("supervised_practice", None, "Students teach an 8-week course under supervision during the programme."),
    ("mbi_tac", None, "How the six domains of the MBI:TAC shape teaching, feedback and assessment."),
]

NOTE = (
    "Default of the association: 200 study hours of which 120 contact hours and a silent retreat of 5-7 days "
    "(VVM first certification); at least 12 months, an 8-week course as participant and supervised teaching "
    "(BAMBA). The office edits these criteria by making a new version."
)

MODELS = ("CriteriaVersion", "Criterion")


def load(models=None) -> None:
    """Create version 1 if it is missing (the data migration, and tests that flush the database)."""
    if models is None:
        from kring.accreditation import models as current

        models = {name: getattr(current, name) for name in MODELS}
    version, created = models["CriteriaVersion"].objects.get_or_create(
        version=1, defaults={"valid_from": date(2020, 1, 1), "validity_years": 5, "note": NOTE}
    )
    if created:
        models["Criterion"].objects.bulk_create(
            models["Criterion"](criteria=version, kind=kind, minimum=minimum, guidance=guidance)
            for kind, minimum, guidance in DEFAULTS
        )
