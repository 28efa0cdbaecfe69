"""Where do I stand: per requirement what is done and what is open, in a constant number of queries."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.cpd.models import Activity
from kring.recertification.tests.conftest import en
from kring.register.models import RegistrationPeriod, Status
from tests import factories as t

QUERIES = {}


def test_it_shows_what_is_done_and_what_is_open(trainer, login, cycle, add_activity):
    add_activity(trainer, "supervision", on=cycle.starts_on, hours="4")
    page = login(trainer).get(en("recertification:dashboard")).content.decode()
    assert "Hours of supervision in the cycle" in page
    assert "4 of 10 done" in page
    assert f"Still 6 to go, before {cycle.ends_on:%-d %B %Y}" in page
    assert 'class="error' not in page and "alert" not in page


def _measure(trainer, login, count):
    Activity.objects.filter(person=trainer).delete()
    today = datetime.date.today()
    Activity.objects.bulk_create(
        Activity(
            person=trainer,
            kind=("intervision", "supervision", "course_followed")[i % 3],
            date=today - datetime.timedelta(days=i % 300),
            hours=Decimal(1),
        )
        for i in range(count)
    )
    client = login(trainer)
    client.get(reverse("recertification:dashboard"))  # a first request warms the caches (templates, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("recertification:dashboard"))
    assert response.status_code == 200
    return len(queries)


def test_it_needs_the_same_number_of_queries_for_10_and_1000_activities(trainer, login):
    few = _measure(trainer, login, 10)
    many = _measure(trainer, login, 1000)
    print(f"dashboard queries: 10 activities -> {few}, 1000 activities -> {many}")
    assert few == many
    assert many <= 18  # also the association the layout names and the code of ethics notice


def test_it_lists_the_log_in_a_constant_number_of_queries(trainer, login, django_assert_max_num_queries):
    today = datetime.date.today()
    Activity.objects.bulk_create(Activity(person=trainer, kind="supervision", date=today, hours=1) for _ in range(200))
    client = login(trainer)
    client.get(reverse("recertification:activity_list"))
    with django_assert_max_num_queries(16):
        assert client.get(reverse("recertification:activity_list")).status_code == 200


def test_registered_until_is_what_the_register_shows(db, login):
    """An earlier, ended period does not make the dashboard show its end date as the validity."""
    today = datetime.date.today()
    person = t.PersonFactory()
    t.make_member(person, "trainer")
    registration = t.make_registration(
        person, starts_on=today - datetime.timedelta(days=2000), ends_on=today - datetime.timedelta(days=400)
    )
    RegistrationPeriod.objects.create(
        registration=registration,
        status=Status.ACTIVE,
        level="specialist",
        starts_on=today - datetime.timedelta(days=399),
        ends_on=None,
    )
    page = login(person).get(en("recertification:dashboard")).content.decode()
    old_end = today - datetime.timedelta(days=400)
    assert 'id="valid-until">–<' in page
    assert f"{old_end:%-d %B %Y}" not in page
