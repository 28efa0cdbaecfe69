"""Fixtures for recertification tests: the trainer's cycle, activities, a certified colleague."""

import datetime
from decimal import Decimal

import pytest

from kring.cpd.models import Activity
from kring.recertification.models import CodeOfEthics
from kring.recertification.services import cycles, dossiers
from tests import factories as t
from tests.english import en as en  # the tests here take it from this conftest


@pytest.fixture
def cycle(trainer):
    return cycles.current_cycle(trainer)


@pytest.fixture
def add_activity():
    def _add(person, kind="intervision", on=None, hours="2", days="0", **extra):
        return Activity.objects.create(
            person=person,
            kind=kind,
            date=on or datetime.date.today(),
            hours=Decimal(hours),
            days=Decimal(days),
            **extra,
        )

    return _add


@pytest.fixture
def colleague(db):
    """A second registered trainer, who can confirm a peer conversation."""
    person = t.PersonFactory(first_name="Cora", last_name="Collega")
    t.make_member(person, "trainer")
    t.make_registration(person, number="000777")
    return person


@pytest.fixture
def second_colleague(db):
    person = t.PersonFactory(first_name="Daan", last_name="Tweede")
    t.make_member(person, "trainer")
    t.make_registration(person, number="000778")
    return person


def fulfil_scheme(person, cycle, add_activity):
    """Activities that meet every requirement of the cycle's scheme."""
    for year_start, _end in __import__("kring.recertification.rules", fromlist=["cycle_years"]).cycle_years(
        cycle.starts_on, cycle.ends_on
    ):
        for _i in range(4):
            add_activity(person, "intervision", on=year_start, hours="2")
    add_activity(person, "supervision", on=cycle.starts_on, hours="20")
    add_activity(person, "retreat", on=cycle.starts_on, hours="0", days="6")
    for _i in range(5):
        add_activity(person, "course_taught", on=cycle.starts_on, hours="20")
    add_activity(person, "course_followed", on=cycle.starts_on, hours="60")


def complete_dossier(person, cycle, colleague, second_colleague, add_activity):
    """A dossier with everything in it (activities may lie in the future of the cycle: fine for tests)."""
    fulfil_scheme(person, cycle, add_activity)
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_accept_ethics(dossier, by=person.user)
    dossiers.dossier_save_reflection(
        dossier, reflections={"reflection_embodiment": "Meer stilte in mijn lessen."}, by=person.user
    )
    for peer in (colleague, second_colleague):
        invitation = dossiers.peer_invite(dossier, identifier=peer.email, by=person.user)
        dossiers.peer_confirm(invitation, by=peer.user)
    dossiers.dossier_save_peer_report(dossier, report="Een goed gesprek over inquiry.", by=person.user)
    assert CodeOfEthics.current() is not None
    return dossier


def plain_pdf() -> bytes:
    """A real one-page PDF without active content, as a trainer's certificate would be."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
