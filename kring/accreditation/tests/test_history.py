"""The accreditation history answers "was this programme accredited on date D?"."""

import datetime

import pytest

from kring.accreditation.history import accredited_on, status_on
from kring.accreditation.models import Status
from kring.accreditation.services import decisions
from kring.core.refusals import Refused
from tests import factories as t

D = datetime.date


@pytest.fixture
def accredited(programme):
    t.accredit(programme, D(2020, 3, 1), D(2025, 2, 28))
    return programme


def test_it_answers_for_any_date(accredited):
    assert not accredited_on(accredited, D(2020, 2, 29))
    assert status_on(accredited, D(2020, 2, 29)) is None
    assert accredited_on(accredited, D(2020, 3, 1))
    assert accredited_on(accredited, D(2025, 2, 28))
    assert not accredited_on(accredited, D(2025, 3, 1))
    assert status_on(accredited, D(2025, 3, 1)) == Status.EXPIRED


def test_a_suspension_keeps_the_past_and_changes_the_future(programme, office):
    today = datetime.date.today()
    t.accredit(programme, today - datetime.timedelta(days=400), today + datetime.timedelta(days=1000))
    decisions.status_change(programme, status=Status.SUSPENDED, reason="Geen docenten meer.", by=office.user)
    assert accredited_on(programme, today - datetime.timedelta(days=1))
    assert status_on(programme, today) == Status.SUSPENDED
    assert not accredited_on(programme, today)
    decisions.status_change(
        programme,
        status=Status.ACTIVE,
        reason="Nieuwe docenten.",
        by=office.user,
        on=today + datetime.timedelta(days=10),
    )
    assert accredited_on(programme, today + datetime.timedelta(days=10))
    assert status_on(programme, today + datetime.timedelta(days=5)) == Status.SUSPENDED
    assert programme.periods.order_by("-starts_on").first().ends_on == today + datetime.timedelta(days=1000)
    assert not accredited_on(programme, today + datetime.timedelta(days=1001))


def test_a_withdrawal_needs_a_reason_and_an_accreditation(programme, office):
    with pytest.raises(Refused):
        decisions.status_change(programme, status=Status.WITHDRAWN, reason="Gestopt.", by=office.user)
    t.accredit(programme, D(2024, 1, 1), D(2028, 12, 31))
    with pytest.raises(Refused):
        decisions.status_change(programme, status=Status.WITHDRAWN, reason=" ", by=office.user)
    decisions.status_change(programme, status=Status.WITHDRAWN, reason="Gestopt.", by=office.user)
    assert status_on(programme, datetime.date.today()) == Status.WITHDRAWN
    assert accredited_on(programme, D(2024, 6, 1))
