"""The demo's fixed people: the logins with known passwords (office, board, committees, a trainer and
a member) and the one password every generated account shares."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kring.core import geo
from kring.demo import histories, plans
from kring.demo import people as demo

GENERATED_PASSWORD = "demo-kring-2026"  # every generated trainer and member # nosec B105 # the demo password, published on purpose
DEMO_TRAINER_NUMBER = "001000"
DEMO_TRAINER_AGB = "90010000"


@dataclass
class DemoLogin:
    email: str
    password: str
    who: str
    role: str = ""  # a granted role (office, board, committees)


DEMO_LOGINS = [
    DemoLogin("bureau@kring.example", "demo-bureau-2026", "office", "office"),
    DemoLogin("bestuur@kring.example", "demo-bestuur-2026", "board", "board"),
    DemoLogin("certificering@kring.example", "demo-certificering-2026", "certification committee", "certification"),
    DemoLogin("accreditatie@kring.example", "demo-accreditatie-2026", "accreditation committee", "accreditation"),
    DemoLogin("klachten@kring.example", "demo-klachten-2026", "complaints committee", "complaints"),
    DemoLogin("trainer@kring.example", "demo-trainer-2026", "trainer (registered specialist, Utrecht)"),
    DemoLogin("lid@kring.example", "demo-lid-2026", "member (practitioner, Flanders)"),
]


def fixed_people(today: datetime.date) -> dict[str, plans.PersonPlan]:
    """The people behind the demo logins, by e-mail address."""
    P, M, R, Period = plans.PersonPlan, plans.MembershipPlan, plans.RegistrationPlan, plans.PeriodPlan
    days = datetime.timedelta
    trainer_since = plans.add_years(today, -8)
    second_cycle = plans.add_years(trainer_since, histories.CYCLE_YEARS)
    utrecht = geo.lookup("3512", "NL")
    trainer = P(
        "Sanne",
        "van der",
        "Meer",
        "trainer@kring.example",
        False,
        phone="06 41234567",
        website="https://www.sannevandermeer.example",
        online=True,
        about=f"Ik geef sinds {trainer_since.year} mindfulnesstrainingen in Utrecht. Ik werk veel met mensen met stress en "
        "burn-outklachten. Je bent welkom zoals je bent.",
        consents={name: True for name in demo.CONSENT_CHANCES},
        practices=[plans.PracticePlan("Mindfulness aan de Gracht", "Oudegracht 112", utrecht)],
        work_domains=["general-public", "mental-healthcare"],
        target_groups=["adults", "employees"],
        languages=["nl", "en"],
        programmes=["mbct", "mbsr"],
        memberships=[
            M(
                "practitioner",
                trainer_since - days(3 * 365),
                trainer_since - days(1),
                "ended",
                [
                    ("active", trainer_since - days(3 * 365), "Aangemeld"),
                    ("ended", trainer_since - days(1), "Overgestapt naar trainerslid"),
                ],
            ),
            M("trainer", trainer_since, None, "active", [("active", trainer_since, "Gecertificeerd")]),
        ],
        registration=R(
            DEMO_TRAINER_AGB,
            ["mbct", "mbsr"],
            [
                Period("active", "basis", trainer_since, second_cycle - days(1), "Eerste certificering"),
                Period(
                    "active",
                    "specialist",
                    second_cycle,
                    plans.add_years(second_cycle, histories.CYCLE_YEARS) - days(1),
                    "Herregistratie",
                ),
            ],
            number=DEMO_TRAINER_NUMBER,
        ),
    )
    member_since = plans.add_years(today, -3)
    member = P(
        "Lotte",
        "",
        "Janssens",
        "lid@kring.example",
        True,
        phone="+32 470 12 34 56",
        languages=["nl", "fr"],
        memberships=[
            M(
                "student",
                plans.add_years(today, -5),
                member_since - days(1),
                "ended",
                [
                    ("active", plans.add_years(today, -5), "Aangemeld"),
                    ("ended", member_since - days(1), "Opleiding afgerond"),
                ],
            ),
            M("practitioner", member_since, None, "active", [("active", member_since, "Overgestapt van studentlid")]),
        ],
    )
    # Staff: the board member is a member of the association; the office and committees are not.
    people = {
        "bureau@kring.example": P("Marleen", "", "Kuipers", "bureau@kring.example", False),
        "bestuur@kring.example": P(
            "Hans",
            "de",
            "Ridder",
            "bestuur@kring.example",
            False,
            memberships=[
                M(
                    "practitioner",
                    plans.add_years(today, -10),
                    None,
                    "active",
                    [("active", plans.add_years(today, -10), "Aangemeld")],
                )
            ],
        ),
        "certificering@kring.example": P("Ingrid", "", "Vos", "certificering@kring.example", False),
        "accreditatie@kring.example": P("Koen", "", "Maes", "accreditatie@kring.example", True),
        "klachten@kring.example": P("Judith", "van", "Dam", "klachten@kring.example", False),
        "trainer@kring.example": trainer,
        "lid@kring.example": member,
    }
    return people
