"""An insurer with a key, and a client that sends it."""

import pytest
from django.core.cache import cache
from django.test import Client

from kring.api import services
from kring.api.models import Insurer
from kring.members.models import TaughtProgramme


@pytest.fixture(autouse=True)
def _fresh_rate_counters():
    cache.clear()


@pytest.fixture
def insurer(db):
    return Insurer.objects.create(name="Zilveren Polis")


@pytest.fixture
def api_key(insurer):
    key, secret = services.api_key_create(insurer, name="claims")
    key.secret = secret
    return key


@pytest.fixture
def api(api_key):
    """A client that calls the API with the insurer's key."""
    return Client(headers={"Authorization": f"Bearer {api_key.secret}"})


@pytest.fixture
def reimbursed_trainer(trainer):
    """The ``trainer`` persona (number 004211), registered for MBSR, with a private e-mail and phone."""
    registration = trainer.registrations.get()
    registration.programmes.add(TaughtProgramme.objects.get(code="mbsr"))
    registration.agb_code = "90012345"
    registration.save()
    trainer.email, trainer.phone = "thijs.prive@example.org", "06 12345678"
    trainer.save()
    return trainer
