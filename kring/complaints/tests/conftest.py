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


@pytest.fixture
def flushed_data(transactional_db):
    """Transactional tests flush the database, data migrations included: put back what personas and
    e-mails need (membership types, the association's row, the code of ethics)."""
    from kring.complaints import defaults
    from kring.core.models import Association
    from kring.members import vocabulary

    vocabulary.load()
    Association.objects.get_or_create(pk=1, defaults={"name": "Kring", "short_name": "Kring"})
    defaults.load()
