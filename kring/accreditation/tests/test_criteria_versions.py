"""Criteria are data in versions; an application is judged by the version it was submitted under."""

import datetime
from decimal import Decimal

import pytest

from kring.accreditation import rules
from kring.accreditation.models import CriteriaVersion, Kind
from kring.accreditation.services import applications, criteria
from kring.core.refusals import Refused


def minimums(version):
    return {c.kind: c.minimum for c in version.criteria.all()}


def test_it_seeds_the_default_criteria_from_the_field(db):
    version = CriteriaVersion.objects.get(version=1)
    figures = minimums(version)
    assert figures[Kind.CURRICULUM_HOURS] == 200
    assert figures[Kind.CONTACT_HOURS] == 120
    assert figures[Kind.RETREAT_DAYS] == 5
    assert figures[Kind.DURATION_MONTHS] == 12
    assert figures[Kind.MBI_TAC] is None
    assert version.validity_years == 5
    assert len(figures) == 9


def test_it_judges_an_application_by_its_own_version_after_a_stricter_one_comes(submitted, institute, office):
    v1 = submitted.criteria
    v2 = criteria.criteria_new_version(v1, by=office.user, valid_from=datetime.date.today())
    v2.criteria.filter(kind=Kind.CURRICULUM_HOURS).update(minimum=Decimal("250"))

    version = submitted.versions.get()
    assert version.criteria == v1
    checks = {c.kind: c for c in rules.judge(version.content, list(minimums(version.criteria).items()))}
    assert checks[Kind.CURRICULUM_HOURS].meets is True  # 220 against v1's 200, not v2's 250

    later = applications.application_start(submitted.programme, by=institute.user)
    assert later.pk == submitted.pk  # still open: no second application
    assert CriteriaVersion.objects.valid_on(datetime.date.today()) == v2


def test_a_new_application_follows_the_new_version(programme, institute, office):
    from kring.accreditation.tests.conftest import fill

    v2 = criteria.criteria_new_version(
        CriteriaVersion.objects.get(version=1), by=office.user, valid_from=datetime.date.today()
    )
    application = fill(applications.application_start(programme, by=institute.user), institute.user)
    applications.application_submit(application, by=institute.user)
    application.refresh_from_db()
    assert application.criteria == v2


def test_it_refuses_to_change_a_version_in_use(submitted, office):
    version = submitted.criteria
    version.validity_years = 3
    with pytest.raises(Refused):
        criteria.criteria_save(version, changed=["validity_years"], by=office.user)
    assert CriteriaVersion.objects.get(pk=version.pk).validity_years == 5


def test_it_judges_numbers_below_the_minimum():
    checks = rules.judge(
        {"answers": {"contact_hours": {"number": "100"}}}, [("contact_hours", Decimal(120)), ("mbi_tac", None)]
    )
    assert [c.meets for c in checks] == [False, None]
