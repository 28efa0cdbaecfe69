from kring.core.models import AuditEntry
from kring.members.models import Person
from tests.english import en

URL = en("members:visibility")


def test_it_offers_a_switch_per_public_field_all_off(member, login):
    page = login(member).get(URL).content.decode()
    for name in Person.PUBLIC_FIELDS:
        assert f'name="{name}"' in page
    assert "checked" not in page
    assert "Nothing is public until you choose it" in page


def test_it_saves_the_choices_and_records_which_switches_changed(member, login):
    response = login(member).post(URL, {"website": "on", "programmes": "on"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.public_website and member.public_programmes
    assert not member.public_email and not member.public_phone
    entry = AuditEntry.objects.get(action="kring.members.consent.changed")
    assert entry.data == {"fields": ["public_programmes", "public_website"]}


def test_it_switches_a_field_off_again(member, login):
    member.public_phone = True
    member.save()
    login(member).post(URL, {})
    member.refresh_from_db()
    assert not member.public_phone
