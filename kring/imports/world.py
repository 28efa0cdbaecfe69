"""What Kring holds about the rows being checked, read in a few queries per thousand rows."""

from __future__ import annotations

from itertools import islice

from django.db.models import Q

from kring.accounts.models import User
from kring.imports.rules import MembershipFacts, PersonFacts, World, type_keys
from kring.members.models import Membership, MembershipStatus, MembershipType, Person
from kring.register.models import Registration

CHUNK = 1000  # well under SQLite's limit on the parameters of one query


def _chunks(items, size=CHUNK):
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def world_for(rows: list[dict]) -> World:
    world = World()
    for membership_type in MembershipType.objects.all():
        world.type_codes.append(membership_type.code)
        for key in type_keys(membership_type.code, membership_type.name_nl, membership_type.name_en):
            world.types[key] = membership_type.code
    emails = {row["email"] for row in rows if row.get("email")}
    numbers = {row["register_number"] for row in rows if row.get("register_number")}
    agbs = {row["agb_code"] for row in rows if row.get("agb_code")}
    for chunk in _chunks(emails):
        _add_people(world, chunk)
    _add_memberships(world)
    _add_registrations(world, numbers, agbs)
    return world


def _add_people(world: World, emails: list[str]) -> None:
    people = Person.objects.filter(erased_at__isnull=True).filter(Q(email__in=emails) | Q(user__email__in=emails))
    for person in people.select_related("user"):
        facts = PersonFacts(
            id=person.pk,
            first_name=person.first_name,
            name_prefix=person.name_prefix,
            last_name=person.last_name,
            phone=person.phone,
            has_account=person.user_id is not None,
        )
        for email in {person.email.lower(), person.user.email.lower() if person.user else ""} - {""}:
            world.people.setdefault(email, facts)
    world.accounts |= set(User.objects.filter(email__in=emails, person__isnull=True).values_list("email", flat=True))


def _add_memberships(world: World) -> None:
    ids = {facts.id for facts in world.people.values()}
    for chunk in _chunks(ids):
        for membership in Membership.objects.filter(person_id__in=chunk).select_related("type"):
            world.memberships.setdefault(membership.person_id, []).append(
                MembershipFacts(
                    type_code=membership.type.code,
                    starts_on=membership.starts_on,
                    ends_on=membership.ends_on,
                    active=membership.status == MembershipStatus.ACTIVE,
                )
            )


def _add_registrations(world: World, numbers: set[str], agbs: set[str]) -> None:
    ids = {facts.id for facts in world.people.values()}
    found = []
    for chunk in _chunks(numbers):
        found += Registration.objects.filter(number__in=chunk).values_list("number", "person_id", "agb_code")
    for chunk in _chunks(agbs):
        found += Registration.objects.filter(agb_code__in=chunk).values_list("number", "person_id", "agb_code")
    for chunk in _chunks(ids):
        found += Registration.objects.filter(person_id__in=chunk).values_list("number", "person_id", "agb_code")
    for number, person_id, agb in found:
        world.registrations[number] = (person_id, agb)
        world.number_of_person[person_id] = number
        if agb:
            world.agb_owner[agb] = person_id
