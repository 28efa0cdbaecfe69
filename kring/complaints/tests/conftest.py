import pytest

from tests import factories as t


@pytest.fixture
def second_member(db):
    """A second member of the complaints committee (approves rulings)."""
    person = t.PersonFactory(first_name="Sanne", last_name="Tweede")
    t.grant(person.user, "complaints")
    t.add_totp(person.user)
    return person


@pytest.fixture
def registration(trainer):
    return trainer.registrations.get()
