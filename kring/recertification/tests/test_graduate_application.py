"""A graduate an institute reported applies for first certification: the application knows whether
the programme was accredited on the graduation date, and the committee sees it (unaccredited or
unreported graduates can still apply, marked as such)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kring.accreditation import defaults
from kring.accreditation.services import graduates
from kring.recertification.services import committee
from tests import factories as t

D = datetime.date


@pytest.fixture
def programme(institute):
    defaults.load()
    return t.make_programme(institute.user.institute_grants.get().institute)


def application_data(graduate):
    return {
        "level": "specialist",
        "graduate": graduate,
        "programme_name": "",
        "graduated_on": None,
        "study_hours": 220,
        "contact_hours": 130,
        "retreat_days": 6,
        "experience": "Twee trainingen gegeven.",
    }


def apply(person, graduate):
    certificate = SimpleUploadedFile("c.pdf", b"%PDF-1.4")
    return committee.application_submit(
        person=person,
        data=application_data(graduate),
        certificate=certificate,
        certificate_type="application/pdf",
        by=person.user,
    )


@pytest.mark.parametrize(("graduated_on", "accredited"), [(D(2024, 6, 30), True), (D(2019, 6, 30), False)])
def test_the_application_knows_whether_the_programme_was_accredited_on_the_graduation_date(
    programme, institute, member, graduated_on, accredited
):
    t.accredit(programme, D(2020, 1, 1), D(2024, 12, 31))
    graduate = graduates.graduate_report(
        programme, name=str(member), email=member.email, graduated_on=graduated_on, by=institute.user
    )
    application = apply(member, graduate)
    assert application.programme_accredited is accredited
    assert application.graduated_on == graduated_on
    assert application.programme_name == programme.name


def test_the_committee_sees_the_mark(programme, institute, member, certification, login):
    graduate = graduates.graduate_report(
        programme, name=str(member), email=member.email, graduated_on=D(2024, 6, 30), by=institute.user
    )
    application = apply(member, graduate)  # never accredited: still allowed, marked
    response = login(certification).get(reverse("recertification:committee_application", args=[application.pk]))
    assert "niet geaccrediteerd" in response.content.decode() or "not accredited" in response.content.decode()


def test_a_graduate_sees_their_reported_graduation_on_the_form(programme, institute, member, login):
    graduates.graduate_report(
        programme, name=str(member), email=member.email, graduated_on=D(2024, 6, 30), by=institute.user
    )
    response = login(member).get(reverse("recertification:application"))
    assert programme.name in response.content.decode()
