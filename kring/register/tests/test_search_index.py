"""The search index is rebuilt by `manage.py register_reindex` and refreshed by the services."""

from django.core.management import call_command

from kring.register import search_index
from kring.register.models import SearchEntry, SearchPoint
from tests import factories as t

from .conftest import DAY, TODAY, public_trainer


def test_it_rebuilds_the_index_with_public_data_only(db, capsys):
    public_trainer("Anna", "Utrecht", "3512", programmes=("mbsr", "mbct"))
    public_trainer("Bas", "Privé", "3811", public=False)
    public_trainer("Cor", "Oud", "3811", starts_on=TODAY - 900 * DAY, ends_on=TODAY - 30 * DAY)
    call_command("register_reindex")
    assert "2 registered trainers indexed" in capsys.readouterr().out
    anna = SearchEntry.objects.get(name="Anna Utrecht")
    assert anna.programmes == " mbct mbsr " and anna.points.get().place == "Utrecht"
    bas = SearchEntry.objects.get(name="Bas Privé")
    assert bas.programmes == "" and not bas.points.exists() and bas.places == ""
    assert SearchPoint.objects.count() == 1


def test_it_refreshes_one_person(db):
    registration = public_trainer("Anna", "Utrecht", "3512")
    search_index.rebuild()
    before = search_index.generation()
    person = registration.person
    person.public_practices = False
    person.save()
    search_index.refresh(person_ids=[person.pk])
    assert not SearchPoint.objects.exists()
    assert search_index.generation() != before


def test_it_lists_a_future_registration_from_its_first_day(db):
    t.make_registration(t.PersonFactory(), starts_on=TODAY + 5 * DAY)
    search_index.rebuild()
    assert SearchEntry.objects.get().listed_from == TODAY + 5 * DAY
