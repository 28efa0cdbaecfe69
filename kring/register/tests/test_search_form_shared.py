"""The register's search form shares its prepared fields between requests (``forms._prepared_fields``):
each form must still show its own language, the vocabularies as they are, and only its own errors."""

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.utils import translation

from kring.members import services as members
from kring.members.models import TaughtProgramme
from kring.register.forms import SearchForm


def programme_labels(form):
    return [label for _, label in form.fields["programme"].choices]


def test_each_language_gets_its_own_labels_and_choices(db):
    with translation.override("nl"):
        dutch = SearchForm(QueryDict(""))
        dutch_any = str(dict(dutch.fields["domain"].choices)[""])
    with translation.override("en"):
        english = SearchForm(QueryDict(""))
        english_any = str(dict(english.fields["domain"].choices)[""])
    assert dutch["postcode"].label == "Postcode" and english["distance"].label == "Distance in km"
    assert dutch["distance"].label == "Afstand in km"
    nl_names = list(TaughtProgramme.objects.order_by("position", "name_nl").values_list("name_nl", flat=True))
    en_names = list(TaughtProgramme.objects.order_by("position", "name_nl").values_list("name_en", flat=True))
    assert programme_labels(dutch) == nl_names and programme_labels(english) == en_names
    assert (dutch_any, english_any) == ("Elk werkdomein", "Any work domain")


def test_a_renamed_programme_shows_once_the_vocabularies_are_read_again(db, office):
    before = programme_labels(SearchForm(QueryDict("")))
    programme = TaughtProgramme.objects.order_by("position", "name_nl").first()
    programme.name_nl = "Aandacht voor iedereen"
    members.vocabulary_save(programme, changed=["name_nl"], by=office.user)
    cache.delete("register:vocabularies")  # the five minutes the vocabularies are kept for have passed
    after = programme_labels(SearchForm(QueryDict("")))
    assert after[0] == "Aandacht voor iedereen" and after[1:] == before[1:]


def test_one_forms_errors_and_values_stay_its_own(db):
    wrong = SearchForm(QueryDict("postcode=3512&distance=2&programme=nothing"))
    right = SearchForm(QueryDict("postcode=3512&distance=25"))
    assert not wrong.is_valid() and right.is_valid()
    assert set(wrong.errors) == {"distance", "programme"} and not right.errors
    assert right["distance"].value() == "25" and wrong["distance"].value() == "2"
    assert wrong.errors["programme"] == ["Deze keuze kennen we niet. Kies er een uit de lijst."]
    with pytest.raises(TypeError):  # shared, so nobody can swap a field of every form at once
        right.fields["distance"] = None
