"""Believable demo people for a laptop, a demo or a benchmark: Dutch and Flemish names, real postcodes,
memberships and registrations with some history.

Everything here is pure: ``plan_people`` turns a random generator and a date into plain records, so the
same seed gives the same association. ``manage.py seed_demo`` (``kring.demo``) stores them.
"""

from __future__ import annotations

import datetime
import random

from kring.demo.histories import member_memberships, registration_periods, trainer_memberships
from kring.demo.plans import Namer, PersonPlan, Places, PracticePlan, RegistrationPlan, ascii_slug, phone_number, some
from kring.demo.words import ABOUT_CLOSINGS, ABOUT_MIDDLES, ABOUT_OPENINGS, BE_STREETS, NL_STREETS, PRACTICE_WORDS

# --- People ---------------------------------------------------------------------------------------
WORK_DOMAINS = ["healthcare", "mental-healthcare", "education", "business", "general-public", "youth-care"]
TARGET_GROUPS = ["adults", "youth", "children", "elderly", "patients", "employees", "parents"]
REIMBURSED = ["mbsr", "mbct"]
OTHER_PROGRAMMES = ["mbcl", "mbsr-youth", "mindful-parenting", "msc"]
CONSENT_CHANCES = {  # how often a trainer switches a public field on
    "email": 0.5,
    "phone": 0.4,
    "website": 0.8,
    "about": 0.7,
    "practices": 0.85,
    "work_domains": 0.75,
    "target_groups": 0.75,
    "languages": 0.7,
    "programmes": 0.85,
    "online": 0.6,
}


def plan_trainer(rng: random.Random, namer: Namer, places: Places, today: datetime.date) -> PersonPlan:
    flemish = rng.random() < 0.25
    first, prefix, last = namer.name(rng, flemish)
    person = PersonPlan(first, prefix, last, namer.email(rng, first, prefix, last), flemish)
    person.language = "en" if rng.random() < 0.04 else "nl"
    person.phone = phone_number(rng, flemish) if rng.random() < 0.9 else ""
    home = places.pick(rng, flemish)
    word = rng.choice(PRACTICE_WORDS)
    practice_name = rng.choice(
        [
            f"Praktijk {word}",
            f"Mindfulness {home.name}",
            f"{word} Mindfulness",
            f"{prefix.capitalize() + ' ' if prefix else ''}{last} Mindfulness & Coaching",
            "",
        ]
    )
    streets = BE_STREETS if flemish else NL_STREETS
    person.practices = [PracticePlan(practice_name, f"{rng.choice(streets)} {rng.randint(1, 180)}", home)]
    if rng.random() < 0.2:
        person.practices.append(
            PracticePlan("", f"{rng.choice(streets)} {rng.randint(1, 90)}", places.pick(rng, flemish))
        )
    if rng.random() < 0.6:
        person.website = f"https://www.{ascii_slug(practice_name or first + ' ' + last, '-')}.example"
    person.online = rng.random() < 0.4
    person.work_domains = some(rng, WORK_DOMAINS, 1, 3)
    person.target_groups = some(rng, TARGET_GROUPS, 1, 3)
    spoken = (
        ["nl"] + (["en"] if rng.random() < 0.45 else []) + (["fr"] if rng.random() < (0.3 if flemish else 0.03) else [])
    )
    spoken += [rng.choice(["de", "ar", "tr"])] if rng.random() < 0.06 else []
    person.languages = spoken

    periods = registration_periods(rng, today)
    level = periods[-1].level
    if level == "specialist":
        taught = some(rng, REIMBURSED, 1, 2) + some(rng, OTHER_PROGRAMMES, 0, 2)
        covered = [code for code in taught if code in REIMBURSED or rng.random() < 0.5]
    else:
        taught = some(rng, OTHER_PROGRAMMES, 1, 2) + (["mbsr"] if rng.random() < 0.3 else [])
        covered = list(taught)
    person.programmes = sorted(taught)
    has_agb = rng.random() < (0.9 if level == "specialist" else 0.4)
    person.registration = RegistrationPlan("AGB" if has_agb else "", sorted(covered), periods)
    person.memberships = trainer_memberships(rng, periods[0].starts_on, periods, today)
    person.about = " ".join(
        [
            rng.choice(ABOUT_OPENINGS).format(year=periods[0].starts_on.year, place=home.name),
            rng.choice(ABOUT_MIDDLES),
            rng.choice(ABOUT_CLOSINGS),
        ]
    )
    person.consents = {name: rng.random() < chance for name, chance in CONSENT_CHANCES.items()}
    person.consents["website"] = person.consents["website"] and bool(person.website)
    return person


def plan_member(rng: random.Random, namer: Namer, today: datetime.date) -> PersonPlan:
    flemish = rng.random() < 0.25
    first, prefix, last = namer.name(rng, flemish)
    person = PersonPlan(first, prefix, last, namer.email(rng, first, prefix, last), flemish)
    person.language = "en" if rng.random() < 0.04 else "nl"
    person.has_account = rng.random() < 0.95
    person.phone = phone_number(rng, flemish) if rng.random() < 0.6 else ""
    person.languages = ["nl"] + (["en"] if rng.random() < 0.3 else [])
    person.memberships = member_memberships(rng, today)
    return person  # no consents: nothing of a member is public


def plan_people(
    rng: random.Random,
    *,
    trainers: int,
    members: int,
    today: datetime.date,
    taken_emails: set[str] | None = None,
    first_number: int = 1001,
    taken_agb_codes: set[str] | None = None,
) -> list[PersonPlan]:
    """Plan ``trainers`` trainers and ``members`` members. Register numbers are six digits with leading
    zeros, given in order of first certification; AGB codes are eight digits and unique."""
    namer, places = Namer(taken_emails if taken_emails is not None else set()), Places()
    planned_trainers = [plan_trainer(rng, namer, places, today) for _ in range(trainers)]
    planned_members = [plan_member(rng, namer, today) for _ in range(members)]
    agb_taken = taken_agb_codes if taken_agb_codes is not None else set()
    in_order = sorted(planned_trainers, key=lambda p: p.registration.periods[0].starts_on)
    for offset, person in enumerate(in_order):
        registration = person.registration
        registration.number = f"{first_number + offset:06d}"
        if registration.agb_code:
            code = f"90{rng.randint(0, 999999):06d}"
            while code in agb_taken:
                code = f"90{rng.randint(0, 999999):06d}"
            agb_taken.add(code)
            registration.agb_code = code
    return planned_trainers + planned_members
