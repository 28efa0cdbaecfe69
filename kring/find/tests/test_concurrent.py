"""At the same moment: two answers to one supervision question, two confirmations of one retreat's
attendance, one course announced twice (a double click). Each is stored once. Threads on PostgreSQL."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from kring.cpd.models import Activity
from kring.find import services
from kring.find.models import Course, Retreat, SupervisionRequest, SupervisorRecognition
from kring.find.tests.helpers import CRITERIA, course_data, make_retreat, make_trainer, recognise
from kring.intervision.tests.helpers import race
from kring.members import vocabulary
from tests import factories as t

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "sqlite" in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite writes one transaction at a time; run on PostgreSQL to show the race.",
    ),
]


@pytest.fixture(autouse=True)
def _vocabularies():
    vocabulary.load()  # a transactional test starts from an empty database


def test_two_answers_to_one_question():
    office = t.PersonFactory()
    supervisor, trainee = make_trainer(), make_trainer()
    recognise(supervisor, office)
    asked = services.supervision_ask(supervisor=supervisor, trainee=trainee, message="", by=trainee.user)
    outcomes = race(lambda accept: services.supervision_decide(asked, accept=accept, by=supervisor.user), [True, False])
    assert sorted(outcomes) == ["done", "refused"]
    assert SupervisionRequest.objects.get().status in ("accepted", "declined")


def test_two_confirmations_of_attendance_record_the_days_once():
    organiser, attendee = make_trainer(), make_trainer()
    retreat = make_retreat(organiser)
    today = timezone.localdate()
    Retreat.objects.filter(pk=retreat.pk).update(starts_on=today - datetime.timedelta(days=5), ends_on=today)
    number = attendee.registrations.get().number
    outcomes = race(
        lambda _n: services.retreat_attendance_confirm(retreat, numbers=[number], by=organiser.user), [1, 2]
    )
    assert outcomes == ["done", "done"]
    assert Activity.objects.filter(person=attendee, kind="retreat").count() == 1


def test_a_double_click_announces_one_course():
    trainer = make_trainer()
    data = course_data()
    outcomes = race(lambda _n: services.course_announce(person=trainer, data=data, by=trainer.user), [1, 2])
    assert "done" in outcomes
    assert Course.objects.count() == 1


def test_two_recognitions_of_one_trainer_at_once():
    office, trainer = t.PersonFactory(), make_trainer()
    today = timezone.localdate()
    values = {"starts_on": today, "training_completed_on": today - datetime.timedelta(days=3), **CRITERIA}
    outcomes = race(lambda _n: services.supervisor_recognise(person=trainer, by=office.user, **values), [1, 2])
    assert sorted(outcomes) == ["done", "refused"]
    assert SupervisorRecognition.objects.count() == 1
    assert Decimal(SupervisorRecognition.objects.get().training_days) == Decimal(4)
