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


BALANCER = "10.0.0.5"
LIMITED = "Te veel inlogpogingen"


def _post_login(client, email, password, *, peer, forwarded_for=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/accounts/login/", {"login": email, "password": password}, **headers)


@pytest.fixture
def behind_balancer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    settings.TRUSTED_PROXY_COUNT = 1


def test_one_guessed_account_behind_the_balancer_does_not_lock_out_the_others(db, client, behind_balancer):
    guessed, other = t.PersonFactory(), t.PersonFactory()
    for attempt in range(6):
        # The client writes its own X-Forwarded-For entry; the balancer appends the address it saw.
        _post_login(client, guessed.user.email, "wrong", peer=BALANCER, forwarded_for=f"1.2.3.{attempt}, 203.0.113.7")
    response = _post_login(client, other.user.email, t.PASSWORD, peer=BALANCER, forwarded_for="198.51.100.20")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.user.pk)


def test_the_guessed_account_stays_locked_from_every_address(db, client, behind_balancer):
    guessed = t.PersonFactory()
    for attempt in range(5):
        _post_login(client, guessed.user.email, "wrong", peer=BALANCER, forwarded_for=f"203.0.113.{attempt}")
    response = _post_login(client, guessed.user.email, t.PASSWORD, peer=BALANCER, forwarded_for="198.51.100.20")
    assert LIMITED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_client_guessing_many_accounts_behind_the_balancer_is_stopped(db, client, behind_balancer):
    people = [t.PersonFactory() for _ in range(6)]
    for person in people[:5]:
        _post_login(client, person.user.email, "wrong", peer=BALANCER, forwarded_for="203.0.113.7")
    response = _post_login(client, people[5].user.email, t.PASSWORD, peer=BALANCER, forwarded_for="203.0.113.7")
    assert LIMITED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_forged_forwarded_address_from_an_untrusted_peer_is_ignored(db, client, behind_balancer):
    # Someone reaching an app server directly cannot pose as many clients by writing the header.
    people = [t.PersonFactory() for _ in range(6)]
    for number, person in enumerate(people[:5]):
        _post_login(client, person.user.email, "wrong", peer="192.0.2.66", forwarded_for=f"203.0.113.{number}")
    response = _post_login(client, people[5].user.email, t.PASSWORD, peer="192.0.2.66", forwarded_for="203.0.113.99")
    assert LIMITED in response.content.decode()
    assert "_auth_user_id" not in client.session
