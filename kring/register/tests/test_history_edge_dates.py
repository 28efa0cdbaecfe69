"""'Was number X registered on date D?' answered from the history, on the edges of its periods."""

import datetime

import pytest

from kring.register import services
from kring.register.history import standing_on, with_history
from kring.register.models import Level, Status
from tests import factories as t

D = datetime.date


@pytest.fixture
def history(db, office):
    """Registered 1 Jan 2020 – 31 Dec 2024, suspended 1–31 Mar 2022, reinstated from 1 Apr 2022."""
    person = t.PersonFactory()
    registration = services.registration_create(
        person=person,
        number="000123",
        level=Level.SPECIALIST,
        starts_on=D(2020, 1, 1),
        ends_on=D(2024, 12, 31),
        by=office.user,
    )
    services.registration_suspend(registration, on=D(2022, 3, 1), reason="complaint under review", by=office.user)
    services.registration_reinstate(registration, on=D(2022, 4, 1), reason="complaint dismissed", by=office.user)
    return with_history().get(pk=registration.pk)


@pytest.mark.parametrize(
    "day, registered, status",
    [
        (D(2019, 12, 31), False, None),  # before the first period
        (D(2020, 1, 1), True, Status.ACTIVE),  # the first day
        (D(2022, 2, 28), True, Status.ACTIVE),  # the day before the suspension
        (D(2022, 3, 1), False, Status.SUSPENDED),  # the first day of the suspension
        (D(2022, 3, 31), False, Status.SUSPENDED),  # its last day
        (D(2022, 4, 1), True, Status.ACTIVE),  # reinstated
        (D(2024, 12, 31), True, Status.ACTIVE),  # the last day of the validity
        (D(2025, 1, 1), False, None),  # the day after: nothing covers it
    ],
)
def test_it_answers_on_the_edges_of_each_period(history, day, registered, status):
    standing = standing_on(history, day)
    assert standing.registered is registered
    assert standing.status == status


def test_it_restores_the_validity_that_the_suspension_interrupted(history):
    assert standing_on(history, D(2024, 12, 31)).period.ends_on == D(2024, 12, 31)


def test_it_keeps_the_past_after_a_strike_off(history, office):
    services.registration_strike_off(
        history, on=D(2023, 6, 1), reason="decision of the complaints committee", by=office.user
    )
    history = with_history().get(pk=history.pk)
    assert standing_on(history, D(2023, 5, 31)).registered
    assert standing_on(history, D(2023, 6, 1)).status == Status.STRUCK_OFF
    assert standing_on(history, D(2030, 1, 1)).status == Status.STRUCK_OFF
    assert standing_on(history, D(2021, 1, 1)).registered  # the past is not rewritten


def test_it_answers_the_level_of_each_day(history, office):
    services.registration_change_level(
        history, level=Level.BASIS, on=D(2023, 1, 1), reason="recertified at basis", by=office.user
    )
    history = with_history().get(pk=history.pk)
    assert standing_on(history, D(2022, 12, 31)).level == Level.SPECIALIST
    assert standing_on(history, D(2023, 1, 1)).level == Level.BASIS
    assert standing_on(history, D(2024, 12, 31)).registered


def test_it_counts_a_renewal_from_its_first_day(history, office):
    services.registration_renew(
        history, starts_on=D(2025, 1, 1), ends_on=D(2029, 12, 31), reason="recertified", by=office.user
    )
    history = with_history().get(pk=history.pk)
    assert standing_on(history, D(2025, 1, 1)).registered
    assert standing_on(history, D(2029, 12, 31)).registered
    assert not standing_on(history, D(2030, 1, 1)).registered


def test_a_change_on_the_first_day_of_a_period_wins_that_day(db, office):
    registration = services.registration_create(
        person=t.PersonFactory(), number="000777", level=Level.BASIS, starts_on=D(2021, 5, 1), by=office.user
    )
    services.registration_suspend(registration, on=D(2021, 5, 1), reason="documents missing", by=office.user)
    registration = with_history().get(pk=registration.pk)
    assert standing_on(registration, D(2021, 5, 1)).status == Status.SUSPENDED
