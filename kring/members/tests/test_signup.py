from django.core import mail

from kring.members.models import Person


def test_it_creates_a_person_and_sends_a_verification_mail(db, client):
    response = client.post(
        "/accounts/signup/",
        {
            "first_name": "Fleur",
            "name_prefix": "van der",
            "last_name": "Veen",
            "email": "fleur@example.org",
            "password1": "rustig-ademen-2026",
            "password2": "rustig-ademen-2026",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(user__email="fleur@example.org")
    assert person.full_name == "Fleur van der Veen"
    assert len(mail.outbox) == 1
    assert "fleur@example.org" in mail.outbox[0].to


def test_it_refuses_a_sign_up_without_a_name_and_saves_nothing(db, client):
    response = client.post(
        "/accounts/signup/",
        {
            "first_name": "",
            "last_name": "",
            "email": "x@example.org",
            "password1": "rustig-ademen-2026",
            "password2": "rustig-ademen-2026",
        },
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()
    assert not Person.objects.exists()
    assert len(mail.outbox) == 0
