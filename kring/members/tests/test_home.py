from django.urls import reverse

from kring.core.models import AuditEntry
from kring.members.models import Person
from tests import factories as t
from tests.english import en


def test_it_shows_the_overview_with_tabs(member, login):
    response = login(member).get(reverse("members:home"))
    assert response.status_code == 200
    for name in ("contact", "practices", "profile", "visibility", "privacy"):
        assert reverse(f"members:{name}") in response.content.decode()
    assert "Marieke Bakker" in response.content.decode()


def test_it_says_nothing_is_public_by_default(member, login):
    assert "Nothing of your profile is public" in login(member).get(en("members:home")).content.decode()


def test_an_account_without_a_person_gets_a_calm_page_and_nothing_is_written(db, client):
    user = t.UserFactory()
    client.force_login(user)
    entries = AuditEntry.objects.count()
    response = client.get(en("members:home"))
    assert response.status_code == 409
    assert "Your account is not linked to a member of the association." in response.content.decode()
    assert not Person.objects.filter(user=user).exists()
    assert AuditEntry.objects.count() == entries


def test_it_opens_the_overview_in_a_constant_number_of_queries(trainer, login, django_assert_max_num_queries):
    client = login(trainer)
    for postcode in ("1012", "9711", "6211"):
        t.add_practice(trainer, postcode)
    with django_assert_max_num_queries(13):  # with the cards that find and finance add
        assert client.get(reverse("members:home")).status_code == 200
