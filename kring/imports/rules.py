"""What one row of an import would do, decided from the row and what Kring already holds (``World``).

Pure: no database. The dry run and the real run ask the same questions, the real run again just
before it writes, so that what changed in between is seen. Findings are stored as a code with
parameters and put into words when the office reads them, in the office's language of that moment.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy

from kring.imports.columns import BY_KEY
from kring.members.models import phone_validator
from kring.register.models import Level

CREATE, UPDATE, UNCHANGED, REFUSED = "create", "update", "unchanged", "refused"
LEVELS = {"basis": "basis", "basic": "basis", "specialist": "specialist"}
LANGUAGES = {"": "", "nl": "nl", "nederlands": "nl", "dutch": "nl", "en": "en", "engels": "en", "english": "en"}
PERSON_FIELDS = ("first_name", "name_prefix", "last_name", "phone")
MAX_LENGTH = {"first_name": 80, "name_prefix": 20, "last_name": 120, "phone": 20}
REGISTER_DIGITS = 6  # the register numbers its own numbers with six digits (register.services)

# What the office reads per row. Parameters named *date are ISO dates, "fields" a list of column keys.
MESSAGES = {
    "required": gettext_lazy("Fill in the %(column)s."),
    "too_long": gettext_lazy("The %(column)s is longer than %(max)s characters."),
    "email": gettext_lazy("“%(value)s” is not an e-mail address."),
    "phone": gettext_lazy("“%(value)s” is not a phone number."),
    "date": gettext_lazy("“%(value)s” in the column %(column)s is not a date. Write it as 31-12-2024."),
    "language": gettext_lazy("Write the language as nl or en, not “%(value)s”."),
    "type": gettext_lazy("We do not know the membership type “%(value)s”. Choose from: %(known)s."),
    "since_needed": gettext_lazy("Fill in the member since date for the membership."),
    "type_needed": gettext_lazy("Fill in the membership type, or leave the member since date empty."),
    "number": gettext_lazy("“%(value)s” is not a register number: it has 4 to 10 digits."),
    "number_needed": gettext_lazy("Fill in the register number for the registration."),
    "agb": gettext_lazy("“%(value)s” is not an AGB code: it has exactly 8 digits."),
    "level": gettext_lazy("Write the level as basis or specialist, not “%(value)s”."),
    "until_before": gettext_lazy("The registration ends before it starts."),
    "duplicate": gettext_lazy(
        "The same %(column)s is also on line %(lines)s of this file: it is not clear which row is right."
    ),
    "member_already": gettext_lazy("Already has a membership (%(type)s) since %(date)s."),
    "number_taken": gettext_lazy("Register number %(number)s belongs to someone else in the register."),
    "has_registration": gettext_lazy("Already has register number %(number)s."),
    "agb_taken": gettext_lazy("AGB code %(agb)s belongs to someone else in the register."),
    "service": "%(message)s",  # a refusal of another app's service, already in words
    # changes
    "person_new": gettext_lazy("New person, with an invitation to choose a password."),
    "person_new_account": gettext_lazy("New person, linked to the existing account with this e-mail address."),
    "person_changed": gettext_lazy("Changes: %(fields)s."),
    "membership_new": gettext_lazy("Membership %(type)s from %(date)s."),
    "membership_same": gettext_lazy("Membership %(type)s since %(date)s is already there."),
    "registration_new": gettext_lazy("Registration %(number)s (%(level)s) from %(date)s."),
    "registration_same": gettext_lazy(
        "Registration %(number)s is already there; its history is changed only in the register."
    ),
    "agb_changed": gettext_lazy("AGB code of %(number)s becomes %(agb)s."),
    "zeros": gettext_lazy("The %(column)s was a number in the spreadsheet; read as %(value)s with its leading zeros."),
}


def describe(code: str, params: dict, type_names: dict[str, str]) -> str:
    """A stored finding in the active language; ``type_names`` names the membership types by code."""
    words = {}
    for key, value in params.items():
        if key.endswith("date") and value:
            words[key] = format_date(datetime.date.fromisoformat(value), "j F Y")
        elif key == "column":
            words[key] = str(BY_KEY[value].label)
        elif key == "fields":
            words[key] = ", ".join(str(BY_KEY[name].label) for name in value)
        elif key == "type":
            words[key] = type_names.get(value, value)
        elif key == "known":
            words[key] = ", ".join(type_names.get(code, code) for code in value)
        elif key == "level":
            words[key] = Level(value).label
        elif key == "lines":
            words[key] = ", ".join(str(line) for line in value)
        else:
            words[key] = value
    return str(MESSAGES[code]) % words


@dataclass(frozen=True)
class PersonFacts:
    id: int
    first_name: str
    name_prefix: str
    last_name: str
    phone: str
    has_account: bool


@dataclass(frozen=True)
class MembershipFacts:
    type_code: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    active: bool


@dataclass
class World:
    """What Kring holds about the people, numbers and codes of the rows being checked."""

    people: dict[str, PersonFacts] = field(default_factory=dict)  # by lower-case e-mail address
    accounts: set[str] = field(default_factory=set)  # e-mail addresses of accounts without a person
    types: dict[str, str] = field(default_factory=dict)  # folded code or name (nl, en) -> code
    type_codes: list[str] = field(default_factory=list)
    memberships: dict[int, list[MembershipFacts]] = field(default_factory=dict)  # by person id
    registrations: dict[str, tuple[int, str]] = field(default_factory=dict)  # number -> (person id, AGB code)
    number_of_person: dict[int, str] = field(default_factory=dict)
    agb_owner: dict[str, int] = field(default_factory=dict)


@dataclass
class Plan:
    action: str
    values: dict
    changes: list = field(default_factory=list)  # [code, params]
    problems: list = field(default_factory=list)


def normalise(cells: dict) -> tuple[dict, list, list]:
    """The row's values cleaned and checked on their own: (values, problems, notes)."""
    values, problems, notes = {}, [], []
    text = {key: cell.text.strip() for key, cell in cells.items()}
    for key in ("first_name", "name_prefix", "last_name"):
        values[key] = " ".join(text.get(key, "").split())
    values["email"] = text.get("email", "").lower()
    values["phone"] = _phone(cells.get("phone"), notes)
    for key in ("first_name", "last_name", "email"):
        if not values[key]:
            problems.append(["required", {"column": key}])
    for key, limit in MAX_LENGTH.items():
        if len(values[key]) > limit:
            problems.append(["too_long", {"column": key, "max": limit}])
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            problems.append(["email", {"value": values["email"]}])
    if values["phone"]:
        try:
            phone_validator(values["phone"])
        except ValidationError:
            problems.append(["phone", {"value": values["phone"]}])
    language = text.get("language", "").lower()
    values["language"] = LANGUAGES.get(language, "")
    if language not in LANGUAGES:
        problems.append(["language", {"value": text["language"]}])
    values["membership_type"] = text.get("membership_type", "")
    for key in ("member_since", "registered_from", "registered_until"):
        values[key] = _date(key, text.get(key, ""), problems)
    values["register_number"] = _digits("register_number", cells.get("register_number"), REGISTER_DIGITS, notes)
    values["agb_code"] = _digits("agb_code", cells.get("agb_code"), 8, notes)
    level = text.get("level", "").lower()
    values["level"] = LEVELS.get(level, "")
    _check_registration(values, text, level, problems)
    return values, problems, notes


def _check_registration(values, text, level, problems) -> None:
    number, agb = values["register_number"], values["agb_code"]
    wants = number or agb or level or values["registered_from"] or values["registered_until"]
    if number and not re.fullmatch(r"\d{4,10}", number):
        problems.append(["number", {"value": number}])
    if agb and not re.fullmatch(r"\d{8}", agb):
        problems.append(["agb", {"value": agb}])
    if not wants:
        return
    if not number:
        problems.append(["number_needed", {}])
    if level and level not in LEVELS:
        problems.append(["level", {"value": text["level"]}])
    if not level:
        problems.append(["required", {"column": "level"}])
    if not values["registered_from"] and not any(
        p[0] == "date" and p[1]["column"] == "registered_from" for p in problems
    ):
        problems.append(["required", {"column": "registered_from"}])
    start, end = values["registered_from"], values["registered_until"]
    if start and end and end < start:
        problems.append(["until_before", {}])


def _unreadable_date(problems: list, column: str) -> bool:
    """Whether the column's date was already reported as unreadable (then it is not also missing)."""
    return any(code == "date" and params["column"] == column for code, params in problems)


def _phone(cell, notes) -> str:
    if cell is None:
        return ""
    value = cell.text.strip()
    if cell.from_number and value.isdigit():
        # A spreadsheet drops the 0 of 0612345678 and the + of +31612345678.
        value = "+" + value if value[:2] in ("31", "32") and len(value) == 11 else "0" + value
        notes.append(["zeros", {"column": "phone", "value": value}])
    return value


def _digits(key, cell, length, notes) -> str:
    if cell is None:
        return ""
    value = cell.text.strip()
    if cell.from_number and value.isdigit() and len(value) < length:
        value = value.zfill(length)
        notes.append(["zeros", {"column": key, "value": value}])
    return value


DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


def _date(key: str, value: str, problems: list) -> str:
    if not value:
        return ""
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    problems.append(["date", {"value": value, "column": key}])
    return ""


def plan_row(values: dict, problems: list, notes: list, world: World) -> Plan:
    """What the row would do in ``world``: its action, the changes it brings and why it is refused."""
    plan = Plan(action=CREATE, values=dict(values), problems=list(problems))
    person = world.people.get(values["email"])
    if person is None:
        plan.changes.append(["person_new_account" if values["email"] in world.accounts else "person_new", {}])
    else:
        changed = [name for name in PERSON_FIELDS if values[name] and values[name] != getattr(person, name)]
        if changed:
            plan.changes.append(["person_changed", {"fields": changed}])
        plan.values["person_id"] = person.id
    _plan_membership(plan, person, world)
    _plan_registration(plan, person, world)
    plan.changes.extend(notes)
    if plan.problems:
        plan.action = REFUSED
    elif person is not None:
        real = [change for change in plan.changes if not change[0].endswith("_same") and change[0] != "zeros"]
        plan.action = UPDATE if real else UNCHANGED
    return plan


def _plan_membership(plan: Plan, person: PersonFacts | None, world: World) -> None:
    values = plan.values
    if not values["membership_type"]:
        if values["member_since"]:
            plan.problems.append(["type_needed", {}])
        return
    found = world.types.get(_fold(values["membership_type"]))
    if found is None:
        plan.problems.append(["type", {"value": values["membership_type"], "known": world.type_codes}])
        return
    code = values["membership_type"] = found
    if not values["member_since"]:
        if not _unreadable_date(plan.problems, "member_since"):
            plan.problems.append(["since_needed", {}])
        return
    since = datetime.date.fromisoformat(values["member_since"])
    for membership in world.memberships.get(person.id, []) if person else []:
        if membership.type_code == code and membership.starts_on == since:
            plan.changes.append(["membership_same", {"type": code, "date": values["member_since"]}])
            return
        if membership.active and (membership.ends_on is None or membership.ends_on >= since):
            plan.problems.append(
                ["member_already", {"type": membership.type_code, "date": membership.starts_on.isoformat()}]
            )
            return
    plan.changes.append(["membership_new", {"type": code, "date": values["member_since"]}])


def _plan_registration(plan: Plan, person: PersonFacts | None, world: World) -> None:
    values = plan.values
    number, agb = values["register_number"], values["agb_code"]
    if not number or not values["level"] or not values["registered_from"]:
        return
    owner_of_agb = world.agb_owner.get(agb) if agb else None
    if owner_of_agb is not None and (person is None or owner_of_agb != person.id):
        plan.problems.append(["agb_taken", {"agb": agb}])
    existing = world.registrations.get(number)
    if existing is not None:
        owner, current_agb = existing
        if person is None or owner != person.id:
            plan.problems.append(["number_taken", {"number": number}])
        elif agb and agb != current_agb:
            plan.changes.append(["agb_changed", {"number": number, "agb": agb}])
        else:
            plan.changes.append(["registration_same", {"number": number}])
        return
    if person is not None and person.id in world.number_of_person:
        plan.problems.append(["has_registration", {"number": world.number_of_person[person.id]}])
        return
    plan.changes.append(
        ["registration_new", {"number": number, "level": values["level"], "date": values["registered_from"]}]
    )


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def type_keys(code: str, name_nl: str, name_en: str) -> list[str]:
    return [_fold(code), _fold(name_nl), _fold(name_en)]


DUPLICATE_KEYS = ("email", "register_number", "agb_code")


def mark_duplicates(lines: list[int], values: list[dict], problems: list[list]) -> None:
    """Every row whose e-mail address, register number or AGB code another row of the file also has
    is refused, all of them: which one is right is the office's call, not a guess."""
    for key in DUPLICATE_KEYS:
        seen: dict[str, list[int]] = {}
        for index, row in enumerate(values):
            if row.get(key):
                seen.setdefault(row[key], []).append(index)
        for indexes in seen.values():
            if len(indexes) < 2:
                continue
            for index in indexes:
                others = [lines[other] for other in indexes if other != index]
                problems[index].append(["duplicate", {"column": key, "lines": others}])
