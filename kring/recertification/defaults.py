"""The default certification schemes, a code of ethics version and the sample setting.

The figures are defaults that the office edits in the admin (a change makes a new version). Sources,
from the association's field (PRODUCT.md, "Facts from the field"; docs/recertification.md):

- cycle of 5 years: the VVM certificate is valid 5 years (4 until 2023); the Mindfulness Register
  (VMBN) registers for 5 years;
- at least 4 intervision meetings a year: the VMBN's requirement;
- a silent retreat of 5–7 days in the cycle: the VVM's requirement (5 days as the minimum);
- supervision and courses given in the period: the VVM checks both at recertification; 10 hours of
  supervision and 5 courses (about one a year) for specialists are our own believable defaults;
- CPD hours: "CPD of sufficient level" (VVM); 50 hours in five years is our default.
"""

from __future__ import annotations

import secrets
from datetime import date

DEFAULTS = {
    "specialist": {
        "intervision_per_year": 4,
        "supervision_hours": 10,
        "retreat_days": 5,
        "courses_taught": 5,
        "cpd_hours": 50,
    },
    "basis": {
        "intervision_per_year": 4,
        "supervision_hours": 5,
        "retreat_days": 5,
        "courses_taught": 2,
        "cpd_hours": 40,
    },
}

NOTE = (
    "Default of the association: 5-year cycle (VVM, VMBN), at least 4 intervision meetings a year (VMBN), "
    "a silent retreat of 5-7 days (VVM), supervision and courses given (VVM). The office edits these figures."
)

CODE_OF_ETHICS = """Erecode van de vereniging (samenvatting)

1. Je werkt vanuit respect voor de deelnemer en diens autonomie.
2. Je beoefent zelf mindfulness, regelmatig en met aandacht.
3. Je werkt binnen de grenzen van je deskundigheid en verwijst door als dat nodig is.
4. Je gaat zorgvuldig om met wat deelnemers je toevertrouwen.
5. Je blijft leren: met intervisie, supervisie, retraites en scholing.
6. Je bent eerlijk over wat een training wel en niet kan.
"""


MODELS = ("CertificationScheme", "SchemeRequirement", "CodeOfEthics", "SampleSetting")


def load(models=None) -> None:
    """Create the defaults if they are missing (the data migration, and tests that flush the database).
    ``models`` maps each name in ``MODELS`` to its model class; the migration passes its historical ones."""
    if models is None:
        from kring.recertification import models as current

        models = {name: getattr(current, name) for name in MODELS}
    Scheme = models["CertificationScheme"]
    Requirement = models["SchemeRequirement"]
    CodeOfEthics = models["CodeOfEthics"]
    SampleSetting = models["SampleSetting"]
    for level, requirements in DEFAULTS.items():
        scheme, created = Scheme.objects.get_or_create(
            level=level, version=1, defaults={"valid_from": date(2020, 1, 1), "cycle_years": 5, "note": NOTE}
        )
        if created:
            Requirement.objects.bulk_create(
                Requirement(scheme=scheme, kind=kind, amount=amount) for kind, amount in requirements.items()
            )
    CodeOfEthics.objects.get_or_create(
        version="2024", defaults={"valid_from": date(2024, 1, 1), "text": CODE_OF_ETHICS}
    )
    if not SampleSetting.objects.exists():
        SampleSetting.objects.create(percentage=10, salt=secrets.token_hex(16))
