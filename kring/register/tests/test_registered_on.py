import datetime

from django.utils import timezone

from kring.register.history import registered_on
from kring.register.models import RegistrationPeriod, Status
from tests import factories as t


def test_it_does_not_count_a_struck_off_trainer_as_registered_today(db):
    """An earlier active period and a later struck-off period must not together 'cover' today."""
    today = timezone.localdate()
    registration = t.make_registration(
        t.PersonFactory(), starts_on=today - datetime.timedelta(days=400), ends_on=today - datetime.timedelta(days=10)
    )
    RegistrationPeriod.objects.create(
        registration=registration,
        status=Status.STRUCK_OFF,
        level="specialist",
        starts_on=today - datetime.timedelta(days=9),
        ends_on=None,
    )
    registered_today = registered_on(today)
    assert not registered_today.filter(pk=registration.pk).exists()
    on_last_day = registered_on(today - datetime.timedelta(days=10))
    assert on_last_day.filter(pk=registration.pk).exists()


def test_a_suspension_inside_an_open_active_period_means_not_registered(db):
    """Overlapping periods: the later suspension wins, as on the public page and in the API."""
    today = timezone.localdate()
    registration = t.make_registration(t.PersonFactory(), starts_on=today - datetime.timedelta(days=400), ends_on=None)
    RegistrationPeriod.objects.create(
        registration=registration,
        status=Status.SUSPENDED,
        level="specialist",
        starts_on=today - datetime.timedelta(days=5),
        ends_on=today + datetime.timedelta(days=5),
    )
    assert not registered_on(today).filter(pk=registration.pk).exists()
    assert registered_on(today - datetime.timedelta(days=6)).filter(pk=registration.pk).exists()
    assert registered_on(today + datetime.timedelta(days=6)).filter(pk=registration.pk).exists()
