"""Register numbers are handed out by one locked counter: never the same number twice."""

import pytest
from django.utils import timezone

from kring.core.refusals import Refused
from kring.core.tests.concurrency import at_the_same_moment, needs_parallel_writers
from kring.register import services
from kring.register.models import Registration
from tests import factories as t


def create(person, **extra):
    return services.registration_create(
        person=person, level="basis", starts_on=timezone.localdate(), reason="test", by=None, **extra
    )


def test_a_number_follows_the_highest_one_given(db):
    t.make_registration(t.PersonFactory(), number="000099")
    assert create(t.PersonFactory()).number == "000100"
    create(t.PersonFactory(), number="000500")
    assert create(t.PersonFactory()).number == "000501"


def test_a_number_in_use_is_refused_and_changes_nothing(db):
    t.make_registration(t.PersonFactory(), number="000099")
    with pytest.raises(Refused):
        create(t.PersonFactory(), number="000099")
    assert Registration.objects.count() == 1


@needs_parallel_writers()
@pytest.mark.django_db(transaction=True)
def test_acceptances_at_the_same_moment_get_different_numbers():
    t.make_registration(t.PersonFactory(), number="000041")
    people = [t.PersonFactory() for _ in range(4)]
    made = at_the_same_moment(create, people)
    assert sorted(r.number for r in made) == ["000042", "000043", "000044", "000045"]
