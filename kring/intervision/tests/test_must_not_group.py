"""Naming people I must not be in a group with, on the "looking for a group" page."""

import pytest
from django.urls import reverse
from django.utils import translation

from kring.core.models import AuditEntry
from kring.intervision.models import SeekerAvoid
from kring.intervision.tests.helpers import make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    """Pages and messages in Dutch, whatever an earlier test left active."""
    with translation.override("nl"):
        yield


def test_it_adds_someone_by_e_mail_and_shows_them_on_the_page(trainer, login):
    supervisor = make_trainer()
    client = login(trainer)
    response = client.post(reverse("intervision:avoid_add"), {"who": supervisor.email.upper()}, follow=True)
    assert SeekerAvoid.objects.get(person=trainer).other == supervisor
    assert supervisor.full_name in response.content.decode()
    entry = AuditEntry.objects.get(action="kring.intervision.avoid.added")
    assert supervisor.email not in str(entry.data)


def test_it_adds_someone_by_full_name(trainer, login):
    supervisee = make_trainer(first_name="Mieke", last_name="Vos")
    login(trainer).post(reverse("intervision:avoid_add"), {"who": "  mieke   vos "})
    assert SeekerAvoid.objects.get(person=trainer).other == supervisee


def test_an_unknown_or_ambiguous_name_gets_a_kind_message_and_changes_nothing(trainer, login):
    make_trainer(first_name="Jan", last_name="Bos")
    make_trainer(first_name="Jan", last_name="Bos")
    client = login(trainer)
    page = client.post(reverse("intervision:avoid_add"), {"who": "Jan Bos"}, follow=True).content.decode()
    assert "e-mailadres" in page
    page = client.post(reverse("intervision:avoid_add"), {"who": "Niemand Bekend"}, follow=True).content.decode()
    assert "geen lid met deze naam" in page
    client.post(reverse("intervision:avoid_add"), {"who": trainer.email})
    assert not SeekerAvoid.objects.exists()


def test_adding_the_same_person_twice_changes_nothing(trainer, login):
    other = make_trainer()
    client = login(trainer)
    client.post(reverse("intervision:avoid_add"), {"who": other.email})
    page = client.post(reverse("intervision:avoid_add"), {"who": other.email}, follow=True).content.decode()
    assert "al op je lijst" in page
    assert SeekerAvoid.objects.count() == 1


def test_only_my_own_entries_can_be_removed(trainer, member, login):
    mine = SeekerAvoid.objects.create(person=trainer, other=make_trainer())
    assert login(member).post(reverse("intervision:avoid_remove", args=[mine.pk])).status_code == 404
    assert SeekerAvoid.objects.exists()
    login(trainer).post(reverse("intervision:avoid_remove", args=[mine.pk]))
    assert not SeekerAvoid.objects.exists()
