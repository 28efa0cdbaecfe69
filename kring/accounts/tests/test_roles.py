import datetime

from django.utils import timezone

from kring.core.access import roles_of
from tests import factories as t


def fresh(user):
    user.__dict__.pop("_kring_roles", None)
    return user


def test_a_signed_up_person_without_membership_is_only_a_user(outsider):
    assert roles_of(fresh(outsider.user)) == {"public", "user"}


def test_a_member_is_a_member_but_not_a_trainer(member):
    assert roles_of(fresh(member.user)) == {"public", "user", "member"}


def test_a_registered_trainer_is_a_trainer(trainer):
    assert {"member", "trainer"} <= roles_of(fresh(trainer.user))


def test_it_stops_counting_a_trainer_whose_registration_expired(db):
    person = t.PersonFactory()
    today = timezone.localdate()
    t.make_registration(
        person, starts_on=today - datetime.timedelta(days=900), ends_on=today - datetime.timedelta(days=1)
    )
    assert "trainer" not in roles_of(fresh(person.user))


def test_a_committee_seat_ends_on_its_end_date(db):
    person = t.PersonFactory()
    today = timezone.localdate()
    t.grant(person.user, "certification", ends_on=today)
    assert "certification" in roles_of(fresh(person.user))
    t.grant(person.user, "complaints", ends_on=today - datetime.timedelta(days=1))
    assert "complaints" not in roles_of(fresh(person.user))


def test_committee_roles_are_granted_per_committee(db):
    person = t.PersonFactory()
    t.grant(person.user, "accreditation")
    roles = roles_of(fresh(person.user))
    assert "accreditation" in roles
    assert not roles & {"certification", "complaints", "office", "board"}
