from kring.members.models import Person
from tests import factories as t


def test_it_keeps_every_field_private_until_the_person_chooses(db):
    person = t.PersonFactory()
    assert not any(person.is_public(name) for name in Person.PUBLIC_FIELDS)


def test_it_writes_a_dutch_name_with_its_prefix_in_the_middle(db):
    person = t.PersonFactory(first_name="Thijs", name_prefix="van", last_name="Dijk")
    assert person.full_name == "Thijs van Dijk"
    assert person.sort_name == "Dijk, Thijs van"


def test_it_has_a_consent_switch_for_every_public_field():
    for name in Person.PUBLIC_FIELDS:
        assert Person._meta.get_field(f"public_{name}").default is False
