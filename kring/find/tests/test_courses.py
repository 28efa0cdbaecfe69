"""Announcing courses, the bad input the issue names, and when a course is listed."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.find import courses, offers, services
from kring.find.models import Course
from kring.find.tests.helpers import course_data, make_course, make_trainer
from kring.register.models import RegistrationPeriod, Status

pytestmark = pytest.mark.django_db


def listed_pks(today=None):
    return [f.offer.pk for f in courses.find(offers.Criteria(), today or timezone.localdate()).results]


def test_an_announced_course_is_listed_with_its_place():
    trainer = make_trainer()
    course = make_course(trainer)
    assert (course.place, course.postcode, course.country) == ("Gent", "9000", "BE")
    assert course.latitude and course.longitude
    assert listed_pks() == [course.pk]
    assert AuditEntry.objects.filter(action="kring.find.course.announced").count() == 1


def test_announcing_twice_keeps_one_course():
    trainer = make_trainer()
    assert make_course(trainer).pk == make_course(trainer).pk
    assert Course.objects.count() == 1


def test_an_online_course_has_no_place():
    course = make_course(make_trainer(), online=True, postcode="")
    assert course.online and course.place == "" and course.latitude is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"starts_on": datetime.date(2020, 1, 6)}, "starts_on"),
        ({"starts_on": "today"}, "starts_on"),
        ({"price": Decimal("-1")}, "price"),
        ({"sessions": 0}, "sessions"),
        ({"postcode": "0000"}, "postcode"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(overrides, field):
    trainer = make_trainer()
    if overrides.get("starts_on") == "today":
        overrides["starts_on"] = timezone.localdate()
    before = AuditEntry.objects.count()
    with pytest.raises(Refused) as refused:
        make_course(trainer, **overrides)
    assert refused.value.field == field
    assert Course.objects.count() == 0 and AuditEntry.objects.count() == before


def test_someone_whose_registration_ended_cannot_announce():
    trainer = make_trainer()
    period = RegistrationPeriod.objects.get(registration__person=trainer)
    period.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    period.save()
    with translation.override("en"), pytest.raises(Refused, match="valid registration"):
        make_course(trainer)
    assert not Course.objects.exists()


def test_a_course_after_the_end_of_the_registration_is_refused():
    trainer = make_trainer()
    period = RegistrationPeriod.objects.get(registration__person=trainer)
    period.ends_on = timezone.localdate() + datetime.timedelta(days=10)
    period.save()
    with translation.override("en"), pytest.raises(Refused, match="not valid on") as refused:
        make_course(trainer, starts_on=timezone.localdate() + datetime.timedelta(days=20))
    assert refused.value.field == "starts_on" and not Course.objects.exists()


def test_a_course_disappears_when_it_starts():
    course = make_course(make_trainer())
    assert listed_pks(course.starts_on - datetime.timedelta(days=1)) == [course.pk]
    assert listed_pks(course.starts_on) == []


def test_a_course_disappears_when_its_trainers_registration_ends():
    trainer = make_trainer()
    course = make_course(trainer)
    assert courses.is_listed(course, timezone.localdate())
    # The office strikes the trainer off from next week: the course, which starts later, is no longer listed.
    RegistrationPeriod.objects.create(
        registration=course.registration,
        status=Status.STRUCK_OFF,
        level="specialist",
        starts_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    assert listed_pks() == []
    assert not courses.is_listed(course, timezone.localdate())


def test_change_and_withdraw():
    trainer = make_trainer()
    course = make_course(trainer)
    services.course_change(course, data=course_data(price=Decimal("350")), by=trainer.user)
    course.refresh_from_db()
    assert course.price == Decimal("350")
    with pytest.raises(Refused):
        services.course_change(course, data=course_data(price=Decimal("-5")), by=trainer.user)
    course.refresh_from_db()
    assert course.price == Decimal("350")
    services.course_withdraw(course, by=trainer.user)
    services.course_withdraw(course, by=trainer.user)
    assert AuditEntry.objects.filter(action="kring.find.course.withdrawn").count() == 1
    assert listed_pks() == []
    with translation.override("en"), pytest.raises(Refused, match="withdrawn"):
        services.course_change(course, data=course_data(), by=trainer.user)


def test_reimbursement_follows_the_registers_rule():
    specialist = make_course(make_trainer())
    basis = make_course(make_trainer(level="basis"))
    mbcl = make_course(make_trainer(programmes=("mbsr", "mbcl")), programme="mbcl")
    assert courses.reimbursable(specialist)
    assert not courses.reimbursable(basis)
    assert not courses.reimbursable(mbcl)
