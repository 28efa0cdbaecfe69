"""The office pages open only through Kring's one login, with two-step verification, for everyone:
the admin's own password form is gone, and superusers get no shortcut."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests import factories as t


@pytest.fixture
def superuser(db):
    user = get_user_model().objects.create_superuser("beheer@example.org", t.PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def test_a_superuser_without_two_factor_is_sent_to_set_it_up(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:two_factor_required") + "?next=%2Fbureau%2F"
    assert client.get(reverse("admin:members_person_changelist")).status_code == 302


def test_a_superuser_with_two_factor_opens_the_office_pages(client, superuser):
    t.add_totp(superuser)
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_login_form_does_not_log_anyone_in_with_a_password(client, superuser):
    t.add_totp(superuser)
    response = client.post(
        reverse("admin:login"), {"username": superuser.email, "password": t.PASSWORD, "next": "/bureau/"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_admin_login_sends_visitors_to_the_one_login_and_back(client, db):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('account_login')}?next=/bureau/"
    assert response.status_code == 200


def test_the_one_login_asks_a_superuser_for_the_second_step(client, superuser):
    t.add_totp(superuser)
    response = client.post(reverse("account_login"), {"login": superuser.email, "password": t.PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_a_superuser_has_no_office_role_outside_the_admin(client, superuser):
    t.add_totp(superuser)
    client.force_login(superuser)
    assert client.get(reverse("register:office_register_csv")).status_code == 403


def test_a_logged_in_trainer_on_the_admin_login_is_refused_not_looped(trainer, login):
    client = login(trainer)
    assert client.get(reverse("admin:login")).status_code == 403
