"""Personas shared by every app's tests: anonymous, member, trainer, office, the committees, board."""

import pytest

from tests import factories as t

TEST_COMPLAINTS_KEY = "dGVzdC1rZXktZm9yLWtyaW5nLWNvbXBsYWludHMtMDE="  # nosec B105 # tests only


@pytest.fixture(autouse=True)
def _test_environment(settings, tmp_path):
    """Tasks run at once in tests, so e-mail lands in the locmem outbox; uploads go to a temp dir;
    rate-limit counters in the cache start from zero; every test starts in Dutch, the default, whatever
    language an earlier request in the same thread left active."""
    from django.core.cache import cache
    from django.utils import translation

    from kring.api.auth import forget_all_keys

    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The API's call log is written in each call's request, inside the test's transaction, and no key
    # is remembered from an earlier test.
    settings.KRING_API_LOG_SECONDS = 0
    forget_all_keys()
    # Complaints are encrypted at rest; tests use a key of their own (kring/complaints/crypto.py).
    settings.KRING_COMPLAINTS_KEYS = [TEST_COMPLAINTS_KEY]


@pytest.fixture
def member(db):
    """A practitioner member without a registration."""
    person = t.PersonFactory(first_name="Marieke", last_name="Bakker")
    t.make_member(person, "practitioner")
    return person


@pytest.fixture
def trainer(db):
    """A registered specialist trainer with a practice in Utrecht."""
    person = t.PersonFactory(first_name="Thijs", name_prefix="van", last_name="Dijk")
    t.make_member(person, "trainer")
    t.add_practice(person, "3512")
    t.make_registration(person, number="004211")
    return person


@pytest.fixture
def outsider(db):
    """Someone with an account but no membership (signed up, nothing more)."""
    return t.PersonFactory(first_name="Olaf", last_name="Buiten")


def _staff(role):
    person = t.PersonFactory(first_name=role.capitalize(), last_name="Medewerker")
    t.grant(person.user, role)
    t.add_totp(person.user)
    return person


@pytest.fixture
def office(db):
    return _staff("office")


@pytest.fixture
def board(db):
    return _staff("board")


@pytest.fixture
def certification(db):
    return _staff("certification")


@pytest.fixture
def accreditation(db):
    return _staff("accreditation")


@pytest.fixture
def complaints(db):
    return _staff("complaints")


@pytest.fixture
def institute(db):
    """Staff of a training institute (the institute role, with two-step verification)."""
    person = t.PersonFactory(first_name="Ilse", last_name="Instituut")
    t.make_institute_staff(person.user, t.make_institute())
    t.add_totp(person.user)
    return person


@pytest.fixture
def login(client):
    """Log a persona in: ``login(trainer)``; returns the client."""

    def _login(person):
        client.force_login(person.user)
        return client

    return _login
