"""The office changes a status only through the services: a new period with who/when/why and an audit entry."""

import datetime

import pytest
from django.utils import timezone

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.register import services
from kring.register.models import Level, RegistrationPeriod, Status
from tests import factories as t

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def registration(db, office):
    return services.registration_create(
        person=t.PersonFactory(), number="001234", level=Level.SPECIALIST, starts_on=TODAY - 400 * DAY, by=office.user
    )


def test_it_opens_five_years_on_creation_and_writes_the_audit_trail(registration, office):
    period = registration.periods.get()
    assert period.status == Status.ACTIVE
    assert period.ends_on == services.default_valid_until(TODAY - 400 * DAY)
    entry = AuditEntry.objects.get(action="kring.register.status.created")
    assert entry.actor == office.user and entry.object_id == str(registration.pk)


@pytest.mark.parametrize(
    "action, call, status",
    [
        ("suspend", lambda r, by: services.registration_suspend(r, on=TODAY, reason="r", by=by), Status.SUSPENDED),
        (
            "strike_off",
            lambda r, by: services.registration_strike_off(r, on=TODAY, reason="r", by=by),
            Status.STRUCK_OFF,
        ),
        ("expire", lambda r, by: services.registration_expire(r, on=TODAY, reason="r", by=by), Status.EXPIRED),
        (
            "change_level",
            lambda r, by: services.registration_change_level(r, level=Level.BASIS, on=TODAY, reason="r", by=by),
            Status.ACTIVE,
        ),
    ],
)
def test_it_closes_the_current_period_and_opens_a_new_one(registration, office, action, call, status):
    new = call(registration, office.user)
    old = registration.periods.order_by("pk").first()
    assert old.ends_on == TODAY - DAY
    assert (new.status, new.starts_on, new.recorded_by, new.reason) == (status, TODAY, office.user, "r")
    assert (
        AuditEntry.objects.filter(action=f"kring.register.status.{action}", object_id=str(registration.pk)).count() == 1
    )


def test_it_refuses_a_change_without_a_reason_and_changes_nothing(registration, office):
    with pytest.raises(Refused):
        services.registration_suspend(registration, on=TODAY, reason="  ", by=office.user)
    assert registration.periods.count() == 1
    assert not AuditEntry.objects.filter(action="kring.register.status.suspend").exists()


def test_it_refuses_to_reinstate_what_is_not_suspended(registration, office):
    with pytest.raises(Refused):
        services.registration_reinstate(registration, on=TODAY, reason="r", by=office.user)
    assert registration.periods.count() == 1


def test_it_refuses_a_change_before_the_last_change(registration, office):
    services.registration_suspend(registration, on=TODAY, reason="r", by=office.user)
    with pytest.raises(Refused):
        services.registration_strike_off(registration, on=TODAY - 10 * DAY, reason="r", by=office.user)
    assert RegistrationPeriod.objects.filter(registration=registration).count() == 2


def test_it_refuses_a_number_that_is_taken(registration, office):
    with pytest.raises(Refused):
        services.registration_create(
            person=t.PersonFactory(), number="001234", level=Level.BASIS, starts_on=TODAY, by=office.user
        )


def test_it_refuses_to_renew_a_struck_off_registration(registration, office):
    services.registration_strike_off(registration, on=TODAY, reason="r", by=office.user)
    with pytest.raises(Refused):
        services.registration_renew(registration, starts_on=TODAY + DAY, reason="r", by=office.user)


def test_it_records_an_expiry_after_the_validity_ran_out(db, office):
    registration = services.registration_create(
        person=t.PersonFactory(),
        number="005555",
        level=Level.SPECIALIST,
        starts_on=TODAY - 100 * DAY,
        ends_on=TODAY - 10 * DAY,
        by=office.user,
    )
    period = services.registration_expire(registration, on=TODAY - 9 * DAY, by=office.user)
    assert (period.status, period.level, period.ends_on) == (Status.EXPIRED, Level.SPECIALIST, None)
    assert registration.periods.order_by("pk").first().ends_on == TODAY - 10 * DAY  # untouched
