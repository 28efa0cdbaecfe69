from django.urls import reverse

from kring.core.models import AuditEntry
from tests.english import en

URL = en("members:contact")


def _post(client, **changes):
    data = {"first_name": "Marieke", "name_prefix": "", "last_name": "Bakker", "phone": ""}
    return client.post(URL, {**data, **changes})


def test_it_shows_the_login_address_without_letting_it_be_edited(member, login):
    response = login(member).get(URL)
    page = response.content.decode()
    assert member.user.email in page
    assert 'name="email"' not in page


def test_it_saves_a_dutch_phone_number_and_records_which_field_changed(member, login):
    response = _post(login(member), phone="06 1234 5678")
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.phone == "06 1234 5678"
    entry = AuditEntry.objects.get(action="kring.members.person.changed", person_id=member.pk)
    assert entry.data == {"fields": ["phone"]}
    assert "5678" not in str(entry.data)


def test_it_accepts_a_belgian_number(member, login):
    assert _post(login(member), phone="+32 470 12 34 56").status_code == 302
    member.refresh_from_db()
    assert member.phone == "+32 470 12 34 56"


def test_it_refuses_a_wrong_phone_number_kindly_and_saves_nothing(member, login):
    response = _post(login(member), phone="12345", first_name="Mariek")
    assert response.status_code == 200
    assert "does not look like a Dutch or Belgian phone number" in response.content.decode()
    member.refresh_from_db()
    assert (member.first_name, member.phone) == ("Marieke", "")
    assert not AuditEntry.objects.filter(action="kring.members.person.changed").exists()


def test_it_asks_for_a_first_and_last_name(member, login):
    response = _post(login(member), first_name="", last_name="")
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.last_name == "Bakker"


def test_it_writes_no_audit_entry_when_nothing_changed(member, login):
    _post(login(member))
    assert not AuditEntry.objects.filter(action="kring.members.person.changed").exists()


def test_it_speaks_dutch_by_default(member, login):
    response = login(member).get(reverse("members:contact"))
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()
