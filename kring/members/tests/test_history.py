from django.urls import reverse

from kring.core.models import AuditEntry
from kring.members import services
from tests.english import en

URL = en("members:history")


def test_it_shows_who_changed_which_fields(member, office, login):
    services.person_update(member, by=member.user, phone="06 12345678")
    services.person_update(member, by=office.user, last_name="Bakker-de Vries")
    services.membership_change_status(member.memberships.get(), "lapsed", by=None)
    page = login(member).get(URL).content.decode()
    assert "You" in page and "The office" in page and "Kring, automatically" in page
    assert "Details changed" in page and "phone number" in page and "last name" in page
    assert "Membership status changed" in page
    assert "06 12345678" not in page and "Bakker-de Vries" not in page.split("<main")[1].split("</h1>")[1]


def test_it_shows_only_entries_about_me(member, trainer, login):
    services.person_update(trainer, by=trainer.user, phone="06 12345678")
    page = login(member).get(URL).content.decode()
    assert "Details changed" not in page


def test_the_office_sees_the_entries_about_a_person_in_the_admin(member, office, client):
    services.person_update(member, by=member.user, phone="06 12345678")
    client.force_login(office.user)
    url = reverse("admin:core_auditentry_changelist") + f"?person_id={member.pk}"
    response = client.get(url)
    assert response.status_code == 200
    assert "kring.members.person.changed" in response.content.decode()


def test_it_pages_the_history_in_a_constant_number_of_queries(member, office, login, django_assert_max_num_queries):
    client = login(member)
    for number in range(60):
        services.person_update(member, by=office.user if number % 2 else member.user, phone=f"06 123456{number:02d}")
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert response.status_code == 200
    assert "Page 1 of 3" in response.content.decode()
    with django_assert_max_num_queries(10):
        assert client.get(URL + "?page=3").status_code == 200
    assert AuditEntry.objects.filter(person_id=member.pk).count() == 60


def test_it_names_the_area_of_changes_made_elsewhere_in_kring(member, office, login):
    from kring.core import audit

    audit.record("kring.register.status.suspended", by=office.user, person_id=member.pk)
    page = login(member).get(URL).content.decode()
    assert "Change in the register" in page
