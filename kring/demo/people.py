"""Believable demo people for a laptop, a demo or a benchmark: Dutch and Flemish names, real postcodes,
memberships and registrations with some history.

Everything here is pure: ``plan_people`` turns a random generator and a date into plain records, so the
same seed gives the same association. ``manage.py seed_demo`` (``kring.demo``) stores them.
"""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass, field

from kring.core import geo

# --- Names ----------------------------------------------------------------------------------------
DUTCH_FIRST_NAMES = [
    "Anne",
    "Marieke",
    "Ingrid",
    "Monique",
    "Petra",
    "Saskia",
    "Esther",
    "Linda",
    "Judith",
    "Wendy",
    "Mirjam",
    "Annemiek",
    "Karin",
    "Femke",
    "Lotte",
    "Sanne",
    "Eva",
    "Iris",
    "Marloes",
    "Janneke",
    "Hanneke",
    "Yvonne",
    "Willemijn",
    "Floor",
    "Roos",
    "Noor",
    "Fleur",
    "Lieke",
    "Ilse",
    "Nienke",
    "Suzanne",
    "Carolien",
    "Renske",
    "Margriet",
    "Jolanda",
    "Astrid",
    "Anouk",
    "Maaike",
    "Gerda",
    "Hilde",
    "Jan",
    "Pieter",
    "Kees",
    "Henk",
    "Marco",
    "Erik",
    "Bas",
    "Jeroen",
    "Maarten",
    "Thijs",
    "Wouter",
    "Joost",
    "Ruben",
    "Sander",
    "Bram",
    "Daan",
    "Koen",
    "Rutger",
    "Gijs",
    "Michiel",
    "Frank",
    "Hans",
    "Paul",
    "Arjen",
    "Niels",
    "Sjoerd",
    "Willem",
    "Douwe",
    "Hidde",
    "Stijn",
]
DUTCH_LAST_NAMES = [  # (prefix, last name): the prefix is sorted apart, as Dutch registers do
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Janssen"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("de", "Jong"),
    ("van", "Beek"),
    ("", "Schouten"),
    ("van der", "Heijden"),
    ("", "Willems"),
    ("van", "Vliet"),
    ("", "Hoekstra"),
    ("", "Maas"),
    ("", "Verhoeven"),
    ("", "Koster"),
    ("van", "Dam"),
    ("van der", "Wal"),
    ("", "Prins"),
    ("", "Blom"),
    ("", "Huisman"),
    ("", "Postma"),
    ("ter", "Horst"),
    ("van 't", "Hof"),
    ("in 't", "Veld"),
    ("", "Timmermans"),
    ("", "Kuipers"),
    ("", "Veenstra"),
    ("", "Bosman"),
    ("van", "Wijk"),
    ("", "Hermans"),
    ("", "Scholten"),
    ("", "Groen"),
    ("", "Gerritsen"),
    ("van", "Rijn"),
]
# Names of Dutch people whose families came from elsewhere: first and last name go together.
DUTCH_WHOLE_NAMES = [
    ("Samira", "", "El Amrani"),
    ("Mehmet", "", "Yilmaz"),
    ("Nadia", "", "Bouzid"),
    ("Emre", "", "Kaya"),
    ("Priya", "", "Ramdin"),
    ("Rachid", "", "Benali"),
    ("Anita", "", "Ramsaran"),
    ("Joyce", "", "Pinas"),
    ("Yasmina", "", "Ouali"),
    ("Deniz", "", "Demir"),
]
FLEMISH_FIRST_NAMES = [
    "An",
    "Els",
    "Griet",
    "Katrien",
    "Lieve",
    "Sofie",
    "Veerle",
    "Inge",
    "Leen",
    "Sarah",
    "Liesbeth",
    "Nathalie",
    "Evelien",
    "Ellen",
    "Annelies",
    "Marijke",
    "Kathleen",
    "Ann-Sophie",
    "Febe",
    "Elke",
    "Tine",
    "Greet",
    "Karolien",
    "Jan",
    "Koen",
    "Pieter",
    "Wim",
    "Bart",
    "Dirk",
    "Geert",
    "Luc",
    "Stijn",
    "Tom",
    "Steven",
    "Kris",
    "Filip",
    "Joris",
    "Bert",
    "Jens",
    "Tijs",
    "Thomas",
    "Frederik",
    "Pieterjan",
    "Dries",
    "Lieven",
]
# In Flanders the prefix is part of the surname and written with a capital ("Van Damme").
FLEMISH_LAST_NAMES = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Vermeulen",
    "Van den Broeck",
    "De Clercq",
    "Hermans",
    "Aerts",
    "Verstraete",
    "Lambrechts",
    "Van Damme",
    "Desmet",
    "De Backer",
    "Michiels",
    "Martens",
    "Smets",
    "Van de Velde",
    "Coppens",
    "Leemans",
    "Cools",
    "Van Acker",
    "Verbruggen",
    "De Vos",
    "Pauwels",
    "Hendrickx",
    "Vandenberghe",
    "Segers",
    "Bogaerts",
    "Geerts",
    "Vermeersch",
    "De Meyer",
    "Van Hecke",
    "Claeys",
    "Baert",
    "Thys",
    "Verlinden",
    "Van Dyck",
    "De Wilde",
    "Wuyts",
    "Nys",
]
NL_STREETS = [
    "Kerkstraat",
    "Dorpsstraat",
    "Stationsweg",
    "Molenweg",
    "Schoolstraat",
    "Julianastraat",
    "Wilhelminastraat",
    "Beatrixlaan",
    "Oranjelaan",
    "Lindelaan",
    "Nieuwstraat",
    "Hoofdstraat",
    "Emmastraat",
    "Parkweg",
    "Burgemeester de Withstraat",
    "Oude Gracht",
    "Zonnebloemstraat",
]
BE_STREETS = [
    "Kerkstraat",
    "Stationsstraat",
    "Dorpsstraat",
    "Molenstraat",
    "Nieuwstraat",
    "Kapelstraat",
    "Schoolstraat",
    "Grote Markt",
    "Steenweg",
    "Lindenlaan",
    "Vaartstraat",
    "Kouter",
    "Veldstraat",
    "Kasteelstraat",
    "Beukenlaan",
]
PRACTICE_WORDS = [
    "Aandacht",
    "Stilte",
    "Adem",
    "Ruimte",
    "Helder",
    "Kompas",
    "Zachte Kracht",
    "De Bron",
    "Het Moment",
    "Open Blik",
    "De Linde",
    "Landing",
]
EMAIL_DOMAINS = ["example.org", "example.net", "example.com"]
# Flanders: the Flemish provinces (the rest of Belgium is Brussels and Wallonia).
FLEMISH_POSTCODE_RANGES = [(1500, 1999), (2000, 2999), (3000, 3999), (8000, 8999), (9000, 9999)]

ABOUT_OPENINGS = [
    "Ik geef sinds {year} mindfulnesstrainingen in {place} en omgeving.",
    "Sinds {year} begeleid ik groepen in {place}.",
    "Ik ben mindfulnesstrainer in {place}, met een eigen praktijk sinds {year}.",
]
ABOUT_MIDDLES = [
    "Mijn achtergrond ligt in de zorg; ik werk veel met mensen die stress of pijn ervaren.",
    "Ik kom uit het onderwijs en werk graag met jongeren en leerkrachten.",
    "Voor ik trainer werd, werkte ik jaren in een organisatie. Ik weet hoe druk werk kan zijn.",
    "Ik werk als psycholoog en combineer dat met trainingen in kleine groepen.",
    "Naast de trainingen geef ik stiltedagen en retraites.",
]
ABOUT_CLOSINGS = [
    "In mijn trainingen staat vriendelijke aandacht centraal.",
    "Je bent welkom zoals je bent; we oefenen samen, in je eigen tempo.",
    "Ik train live in mijn praktijk en online.",
    "Bel of mail gerust voor een kennismakingsgesprek.",
]

CYCLE_YEARS = 5


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


# --- Histories ------------------------------------------------------------------------------------
def registration_periods(rng: random.Random, today: datetime.date) -> list[PeriodPlan]:
    """Five-year cycles from the first certification until today, with now and then a level change at
    recertification, a suspension, an expiry or (rarely) striking off."""
    fate = rng.random()
    expires = 0.90 <= fate < 0.95
    first = today - datetime.timedelta(days=rng.randint(30, 17 * 365))
    if expires and first > add_years(today, -CYCLE_YEARS) - datetime.timedelta(days=30):
        first = add_years(first, -CYCLE_YEARS)  # an expired registration needs a finished cycle
    level = "specialist" if rng.random() < 0.7 else "basis"
    periods, start = [], first
    while True:
        end = add_years(start, CYCLE_YEARS) - datetime.timedelta(days=1)
        periods.append(
            PeriodPlan("active", level, start, end, "Eerste certificering" if start == first else "Herregistratie")
        )
        if end >= today:
            break
        start = end + datetime.timedelta(days=1)
        change = rng.random()
        if level == "basis" and change < 0.15:
            level = "specialist"
        elif level == "specialist" and change < 0.05:
            level = "basis"

    if expires:
        last_finished = periods[-2]
        periods = periods[:-1]
        periods.append(
            PeriodPlan(
                "expired",
                last_finished.level,
                last_finished.ends_on + datetime.timedelta(days=1),
                None,
                "Niet op tijd geherregistreerd",
            )
        )
    elif fate >= 0.97:  # struck off some time ago, during the current cycle
        current = periods[-1]
        days = (today - current.starts_on).days
        on = current.starts_on + datetime.timedelta(days=rng.randint(1, days) if days >= 1 else 0)
        if on == current.starts_on:
            periods.pop()
        else:
            current.ends_on = on - datetime.timedelta(days=1)
        periods.append(PeriodPlan("struck_off", current.level, on, None, "Besluit van de klachtencommissie"))
    elif fate >= 0.95 or fate < 0.04:  # suspended for a while: 2% now, 4% in the past
        now = fate >= 0.95
        current = periods[-1] if now else rng.choice(periods)
        span = (min(today, current.ends_on) - current.starts_on).days
        if span > 60:
            begin = current.starts_on + datetime.timedelta(days=rng.randint(30, span - 1))
            until = begin + datetime.timedelta(days=rng.randint(60, 180))
            if now:  # the suspension lasts until a decision, some weeks from now
                until = max(until, today + datetime.timedelta(days=rng.randint(14, 90)))
            else:
                until = min(until, current.ends_on - datetime.timedelta(days=1), today - datetime.timedelta(days=1))
            if until > begin:
                index = periods.index(current)
                before = PeriodPlan(
                    "active", current.level, current.starts_on, begin - datetime.timedelta(days=1), current.reason
                )
                suspended = PeriodPlan(
                    "suspended", current.level, begin, until, "Geschorst in afwachting van een besluit"
                )
                after = PeriodPlan(
                    "active", current.level, until + datetime.timedelta(days=1), current.ends_on, "Schorsing opgeheven"
                )
                periods[index : index + 1] = [before, suspended] + ([] if now else [after])
    return periods


def trainer_memberships(
    rng: random.Random, first_registered: datetime.date, periods: list[PeriodPlan], today: datetime.date
) -> list[MembershipPlan]:
    """A trainer membership from the first certification; before it often a practitioner or student
    membership. It ends with striking off or after an expired registration."""
    memberships = []
    start = first_registered
    if rng.random() < 0.4:
        earlier = first_registered - datetime.timedelta(days=rng.randint(365, 4 * 365))
        kind = rng.choice(["practitioner", "student"])
        end = first_registered - datetime.timedelta(days=1)
        memberships.append(
            MembershipPlan(
                kind,
                earlier,
                end,
                "ended",
                [("active", earlier, "Aangemeld"), ("ended", end, "Overgestapt naar trainerslid")],
            )
        )
    last = periods[-1]
    if last.status in {"struck_off", "expired"}:
        end = max(last.starts_on, start)
        status = "ended" if last.status == "struck_off" else "lapsed"
        reason = "Doorgehaald in het register" if status == "ended" else "Contributie niet betaald"
        memberships.append(
            MembershipPlan("trainer", start, end, status, [("active", start, "Gecertificeerd"), (status, end, reason)])
        )
    else:
        memberships.append(MembershipPlan("trainer", start, None, "active", [("active", start, "Gecertificeerd")]))
    return memberships


def member_memberships(rng: random.Random, today: datetime.date) -> list[MembershipPlan]:
    """Practitioners, students, institutes and honorary members; some lapsed or ended, some switched."""
    kind = rng.choices(["practitioner", "student", "institute", "honorary"], weights=[75, 15, 6, 4])[0]
    start = today - datetime.timedelta(days=rng.randint(20, 12 * 365))
    fate = rng.random()
    if kind == "student" and fate < 0.3 and (today - start).days > 800:
        switch = start + datetime.timedelta(days=rng.randint(365, (today - start).days - 30))
        end = switch - datetime.timedelta(days=1)
        return [
            MembershipPlan(
                "student", start, end, "ended", [("active", start, "Aangemeld"), ("ended", end, "Opleiding afgerond")]
            ),
            MembershipPlan("practitioner", switch, None, "active", [("active", switch, "Overgestapt van studentlid")]),
        ]
    if fate < 0.10 and (today - start).days > 400:
        end = start + datetime.timedelta(days=rng.randint(365, (today - start).days - 1))
        return [
            MembershipPlan(
                kind,
                start,
                end,
                "lapsed",
                [("active", start, "Aangemeld"), ("lapsed", end, "Contributie niet betaald")],
            )
        ]
    if fate < 0.20 and (today - start).days > 400:
        end = start + datetime.timedelta(days=rng.randint(365, (today - start).days - 1))
        return [
            MembershipPlan(
                kind, start, end, "ended", [("active", start, "Aangemeld"), ("ended", end, "Opgezegd door het lid")]
            )
        ]
    return [MembershipPlan(kind, start, None, "active", [("active", start, "Aangemeld")])]


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
