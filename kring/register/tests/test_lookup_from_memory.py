"""A number's standing from memory (``lookup``) is exactly what the register's history answers from the
ORM: on seeded data, for every registration on many dates, every field; also right after a change."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from kring.members import services as members
from kring.members.models import TaughtProgramme
from kring.register import lookup, search_index, services
from kring.register.history import standing_on, with_history
from kring.register.models import Registration

FIELDS = ["number", "on", "registered", "status", "level", "valid_since", "valid_until"]
FIELDS += ["programme_codes", "reimbursable_codes", "counts_for_reimbursement"]


def answer(standing):
    return [getattr(standing, name) for name in FIELDS]


def dates_of(registration, today):
    """Today, long ago, and the days around every start and end of the registration's history."""
    days = {today, today - datetime.timedelta(days=3000)}
    for period in registration.periods.all():
        for day in (period.starts_on, period.ends_on):
            if day is not None:
                days |= {day - datetime.timedelta(days=1), day, day + datetime.timedelta(days=1)}
    return sorted(day for day in days if day <= today)


def assert_same(registrations, today):
    for registration in registrations:
        for on in dates_of(registration, today):
            fast = lookup.standing(registration.number, on)
            assert fast is not None
            assert (fast.name, answer(fast.standing)) == (
                registration.person.full_name,
                answer(standing_on(registration, on)),
            ), (registration.number, on)


@pytest.fixture
def seeded(db):
    call_command("seed_demo", trainers=150, members=0, seed=1, verbosity=0)
    search_index.rebuild()
    return list(with_history().order_by("number"))


def test_memory_and_the_history_give_the_same_standing_on_seeded_data(seeded):
    today = timezone.localdate()
    assert_same(seeded, today)
    assert_same(seeded, today)  # the second time from memory
    assert lookup.facts_of(seeded[0].number, search_index.generation()) is lookup._kept[seeded[0].number]
    assert lookup.standing("999999999", today) is None


def test_memory_follows_every_change_of_the_register_at_once(seeded, office):
    today = timezone.localdate()
    registration = next(r for r in seeded if lookup.standing(r.number, today).standing.registered)
    assert_same([registration], today)

    services.registration_suspend(registration, on=today, reason="complaint", by=office.user)
    members.person_update(registration.person, by=office.user, first_name="Wilhelmina")
    mbct = TaughtProgramme.objects.get(code="mbct")
    services.registration_update(registration, changed=["programmes"], by=office.user, programmes=[mbct])
    fresh = with_history().get(pk=registration.pk)
    assert lookup.standing(fresh.number, today).name.startswith("Wilhelmina")
    assert lookup.standing(fresh.number, today).standing.status == "suspended"
    assert_same([fresh], today)

    services.registration_reinstate(fresh, on=today, reason="cleared", by=office.user)
    assert_same([with_history().get(pk=registration.pk)], today)


def test_a_programme_the_office_stops_counting_for_reimbursement_counts_no_more_at_once(seeded, office):
    today = timezone.localdate()
    counted = next(r for r in seeded if lookup.standing(r.number, today).standing.counts_for_reimbursement)
    for code in lookup.standing(counted.number, today).standing.reimbursable_codes:
        programme = TaughtProgramme.objects.get(code=code)
        programme.counts_for_reimbursement = False
        members.vocabulary_save(programme, changed=["counts_for_reimbursement"], by=office.user)
    assert lookup.standing(counted.number, today).standing.counts_for_reimbursement is False
    assert_same([with_history().get(pk=counted.pk)], today)


def test_a_new_registration_is_found_at_once(seeded, office):
    today = timezone.localdate()
    assert lookup.standing("123456", today) is None
    person = Registration.objects.order_by("pk").first().person
    services.registration_create(person=person, level="basis", number="123456", starts_on=today, by=office.user)
    assert lookup.standing("123456", today).standing.registered is True


def test_it_reads_a_number_in_two_queries_and_in_one_from_memory_after_that(seeded, django_assert_max_num_queries):
    today, number = timezone.localdate(), seeded[0].number
    with django_assert_max_num_queries(2):  # the generation with the programmes, the facts
        lookup.standing(number, today)
    with django_assert_max_num_queries(1):  # the generation with the programmes
        lookup.standing(number, today)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statements are prepared on PostgreSQL only")
def test_prepared_statements_outlive_a_rolled_back_transaction_and_answer_the_same(seeded):
    today = timezone.localdate()
    lookup._kept.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        assert lookup.standing(seeded[0].number, today) is not None  # prepares both statements here
        raise RuntimeError("rolled back")
    assert {"kring_lookup_generation", "kring_lookup_facts"} <= connection.connection.kring_prepared
    lookup._kept.clear()
    assert_same(seeded[:20], today)  # executed as prepared, after the rollback
