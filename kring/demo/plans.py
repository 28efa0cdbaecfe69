"""The plain records the demo is planned in (a person, their practice, memberships and registration)
and the small helpers that make them: names with unique e-mail addresses, real places, phone numbers."""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass, field

from kring.core import geo
from kring.demo.words import (
    DUTCH_FIRST_NAMES,
    DUTCH_LAST_NAMES,
    DUTCH_WHOLE_NAMES,
    EMAIL_DOMAINS,
    FLEMISH_FIRST_NAMES,
    FLEMISH_LAST_NAMES,
    FLEMISH_POSTCODE_RANGES,
)


# --- Plans ----------------------------------------------------------------------------------------
@dataclass
class PracticePlan:
    name: str
    street: str
    place: geo.Place


@dataclass
class MembershipPlan:
    type_code: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    status: str  # the latest status: active, lapsed or ended
    changes: list[tuple[str, datetime.date, str]]  # (status, from, reason)


@dataclass
class PeriodPlan:
    status: str
    level: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    reason: str = ""


@dataclass
class RegistrationPlan:
    agb_code: str
    programme_codes: list[str]
    periods: list[PeriodPlan]
    number: str = ""  # given once all trainers are planned: older registrations get lower numbers


@dataclass
class PersonPlan:
    first_name: str
    name_prefix: str
    last_name: str
    email: str
    flemish: bool
    language: str = "nl"
    has_account: bool = True
    phone: str = ""
    website: str = ""
    about: str = ""
    online: bool = False
    consents: dict[str, bool] = field(default_factory=dict)
    practices: list[PracticePlan] = field(default_factory=list)
    work_domains: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    memberships: list[MembershipPlan] = field(default_factory=list)
    registration: RegistrationPlan | None = None


# --- Small helpers --------------------------------------------------------------------------------
def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def ascii_slug(text: str, sep: str = "") -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return sep.join("".join(ch if ch.isalnum() else " " for ch in plain).split())


def is_flemish(place: geo.Place) -> bool:
    code = int(place.postcode)
    return place.country == "BE" and any(low <= code <= high for low, high in FLEMISH_POSTCODE_RANGES)


class Places:
    """Real postcodes of the Netherlands and of Flanders, in a fixed order (for determinism)."""

    def __init__(self):
        places = sorted(geo.all_places(), key=lambda p: (p.country, p.postcode))
        self.nl = [p for p in places if p.country == "NL"]
        self.flanders = [p for p in places if is_flemish(p)]

    def pick(self, rng: random.Random, flemish: bool) -> geo.Place:
        return rng.choice(self.flanders if flemish else self.nl)


def phone_number(rng: random.Random, flemish: bool) -> str:
    if flemish:
        return f"+32 4{rng.randint(60, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    return f"06 {rng.randint(10000000, 99999999)}"


def some(rng: random.Random, codes: list[str], low: int, high: int) -> list[str]:
    return sorted(rng.sample(codes, rng.randint(low, min(high, len(codes)))))


class Namer:
    """Names and unique e-mail addresses."""

    def __init__(self, taken_emails: set[str]):
        self.taken = taken_emails

    def name(self, rng: random.Random, flemish: bool) -> tuple[str, str, str]:
        if flemish:
            return rng.choice(FLEMISH_FIRST_NAMES), "", rng.choice(FLEMISH_LAST_NAMES)
        if rng.random() < 0.06:
            return rng.choice(DUTCH_WHOLE_NAMES)
        prefix, last = rng.choice(DUTCH_LAST_NAMES)
        return rng.choice(DUTCH_FIRST_NAMES), prefix, last

    def email(self, rng: random.Random, first: str, prefix: str, last: str) -> str:
        local = f"{ascii_slug(first)}.{ascii_slug(prefix + ' ' + last)}"
        domain = rng.choice(EMAIL_DOMAINS)
        address, n = f"{local}@{domain}", 1
        while address in self.taken:
            n += 1
            address = f"{local}{n}@{domain}"
        self.taken.add(address)
        return address
