import pytest
from django.urls import reverse

from kring.core.models import AuditEntry
from kring.members.models import PracticeAddress
from tests import factories as t
from tests.english import en

ADD = en("members:practice_add")


def test_it_adds_a_dutch_practice_with_the_coordinates_of_its_postcode(member, login):
    response = login(member).post(
        ADD, {"name": "Praktijk Stilte", "street": "Oudegracht 1", "postcode": "3512ab", "place": "", "country": "NL"}
    )
    assert response.status_code == 302
    practice = member.practices.get()
    assert practice.postcode == "3512 AB"
    assert practice.place == "Utrecht"
    assert practice.latitude == pytest.approx(52.09, abs=0.05)
    entry = AuditEntry.objects.get(action="kring.members.practice.added")
    assert entry.person_id == member.pk
    assert "Oudegracht" not in str(entry.data)


def test_it_accepts_a_belgian_postcode(member, login):
    response = login(member).post(ADD, {"postcode": "9000", "place": "Gent", "country": "BE"})
    assert response.status_code == 302
    practice = member.practices.get()
    assert (practice.country, practice.postcode, practice.place) == ("BE", "9000", "Gent")
    assert practice.longitude == pytest.approx(3.72, abs=0.1)


def test_it_refuses_an_unknown_postcode_kindly_and_saves_nothing(member, login):
    response = login(member).post(ADD, {"postcode": "0000", "country": "NL"})
    assert response.status_code == 200
    assert "We cannot find this postcode" in response.content.decode()
    assert not PracticeAddress.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="kring.members.practice").exists()


def test_it_refuses_a_dutch_postcode_given_as_belgian(member, login):
    response = login(member).post(ADD, {"postcode": "3512 AB", "country": "BE"})
    assert response.status_code == 200
    assert not PracticeAddress.objects.exists()


def test_it_changes_a_practice_and_records_which_fields(trainer, login):
    practice = trainer.practices.get()
    url = reverse("members:practice_edit", args=[practice.pk])
    response = login(trainer).post(url, {"name": "De Linde", "postcode": "1012", "country": "NL", "place": ""})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert (practice.name, practice.place) == ("De Linde", "Amsterdam")
    entry = AuditEntry.objects.get(action="kring.members.practice.changed")
    assert {"name", "postcode", "place", "latitude", "longitude"} <= set(entry.data["fields"])


def test_it_asks_before_removing_and_removes_on_confirmation(trainer, login):
    practice = trainer.practices.get()
    client = login(trainer)
    url = reverse("members:practice_delete", args=[practice.pk])
    assert client.get(url).status_code == 200
    assert PracticeAddress.objects.filter(pk=practice.pk).exists()
    assert client.post(url).status_code == 302
    assert not PracticeAddress.objects.filter(pk=practice.pk).exists()
    assert AuditEntry.objects.filter(action="kring.members.practice.removed", person_id=trainer.pk).exists()


@pytest.mark.parametrize("name", ["members:practice_edit", "members:practice_delete"])
def test_it_gives_404_for_another_persons_practice(trainer, member, login, name):
    practice = trainer.practices.get()
    client = login(member)
    assert client.get(reverse(name, args=[practice.pk])).status_code == 404
    assert client.post(reverse(name, args=[practice.pk]), {"postcode": "1012", "country": "NL"}).status_code == 404
    assert PracticeAddress.objects.filter(pk=practice.pk, postcode="3512").exists()


def test_it_lists_practices_in_a_constant_number_of_queries(member, login, django_assert_max_num_queries):
    client = login(member)
    client.get(reverse("members:practices"))
    for postcode in ("3512", "1012", "9711", "6211"):
        t.add_practice(member, postcode)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("members:practices"))
    assert response.content.decode().count(reverse("members:practice_edit", args=[0])[:-2]) >= 4
