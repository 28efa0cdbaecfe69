from kring.core.models import AuditEntry
from kring.members.models import SpokenLanguage, TaughtProgramme, WorkDomain
from tests.english import en

URL = en("members:profile")


def test_it_shows_the_vocabularies_as_checkbox_lists(member, login):
    page = login(member).get(URL).content.decode()
    assert page.count('type="checkbox"') >= WorkDomain.objects.count() + TaughtProgramme.objects.count()
    assert "MBSR" in page and "Mental healthcare" in page


def test_it_saves_the_profile_and_records_the_field_names(member, login):
    mbsr, mbct = TaughtProgramme.objects.filter(code__in=["mbsr", "mbct"])
    dutch = SpokenLanguage.objects.get(code="nl")
    response = login(member).post(
        URL,
        {
            "programmes": [mbsr.pk, mbct.pk],
            "languages": [dutch.pk],
            "website": "www.stilte.nl",
            "about": "Ik geef MBSR in Utrecht.",
            "online": "on",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert set(member.programmes.values_list("code", flat=True)) == {"mbsr", "mbct"}
    assert member.website == "https://www.stilte.nl"
    assert member.online is True
    entry = AuditEntry.objects.get(action="kring.members.person.changed")
    assert entry.data["fields"] == ["about", "languages", "online", "programmes", "website"]
    assert "Utrecht" not in str(entry.data)


def test_it_refuses_a_website_that_is_not_an_address(member, login):
    response = login(member).post(URL, {"website": "no website yet"})
    assert response.status_code == 200
    assert "Enter a valid URL" in response.content.decode()
    member.refresh_from_db()
    assert member.website == ""


def test_it_refuses_an_unknown_programme(member, login):
    response = login(member).post(URL, {"programmes": [999999]})
    assert response.status_code == 200
    assert not member.programmes.exists()


def test_it_opens_the_profile_in_a_constant_number_of_queries(member, login, django_assert_max_num_queries):
    client = login(member)
    client.get(URL)
    with django_assert_max_num_queries(16):
        assert client.get(URL).status_code == 200
