import pytest
from django.urls import reverse

from tests import factories as t


def _fail_login(client, email, language_prefix=""):
    return client.post(f"{language_prefix}/accounts/login/", {"login": email, "password": "not-the-password"})


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", "Te veel inlogpogingen"),
        ("/en", "Too many failed login attempts"),
    ],
)
def test_it_stops_password_guessing_with_a_message_in_the_users_language(db, client, prefix, expected):
    person = t.PersonFactory()
    for _ in range(5):
        response = _fail_login(client, person.user.email, prefix)
        assert expected not in response.content.decode()
    response = _fail_login(client, person.user.email, prefix)
    assert expected in response.content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post(f"{prefix}/accounts/login/", {"login": person.user.email, "password": t.PASSWORD})
    assert "_auth_user_id" not in client.session
    assert expected in response.content.decode()


def test_it_logs_in_with_the_right_password(db, client):
    person = t.PersonFactory()
    response = client.post(reverse("account_login"), {"login": person.user.email, "password": t.PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.user.pk)
