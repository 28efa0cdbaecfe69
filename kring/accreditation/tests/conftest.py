"""Fixtures for accreditation: an institute with staff, a programme, a filled-in application,
the committee's chair and a second committee member."""

from decimal import Decimal

import pytest

from kring.accreditation import defaults
from kring.accreditation.models import Chair, Kind
from kring.accreditation.services import applications
from tests import factories as t

GOOD = {
    Kind.CURRICULUM_HOURS: (Decimal("220"), "Twee jaar, tien modules."),
    Kind.CONTACT_HOURS: (Decimal("130"), "Twintig lesdagen."),
    Kind.DURATION_MONTHS: (Decimal("18"), "Anderhalf jaar."),
    Kind.RETREAT_DAYS: (Decimal("6"), "Zes dagen stilte in de Ardennen."),
    Kind.PARTICIPANT_COURSE: (None, "Een MBSR-training als deelnemer vooraf."),
    Kind.STAFF_QUALIFICATIONS: (None, "Drie docenten, elk tien jaar ervaring."),
    Kind.ASSESSMENT: (None, "Twee beoordelaars met de MBI:TAC."),
    Kind.SUPERVISED_PRACTICE: (None, "Een eigen achtweekse training onder supervisie."),
    Kind.MBI_TAC: (None, "De zes domeinen zijn de leerlijn."),
}


@pytest.fixture(autouse=True)
def _criteria(db):
    defaults.load()  # flushed by transactional tests


@pytest.fixture
def the_institute(institute):
    """The institute the ``institute`` persona works for."""
    return institute.user.institute_grants.get().institute


@pytest.fixture
def programme(the_institute):
    return t.make_programme(the_institute)


def fill(application, by, answers=None):
    for kind, (number, text) in (answers or GOOD).items():
        applications.answer_save(application, kind=kind, number=number, text=text, by=by)
    return application


@pytest.fixture
def draft(programme, institute):
    return fill(applications.application_start(programme, by=institute.user), institute.user)


@pytest.fixture
def submitted(draft, institute):
    applications.application_submit(draft, by=institute.user)
    draft.refresh_from_db()
    return draft


@pytest.fixture
def chair(accreditation):
    Chair.objects.create(user=accreditation.user)
    return accreditation


@pytest.fixture
def colleague(db):
    """A second member of the accreditation committee."""
    person = t.PersonFactory(first_name="Carla", last_name="Commissie")
    t.grant(person.user, "accreditation")
    t.add_totp(person.user)
    return person
