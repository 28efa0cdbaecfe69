"""Setting up two-step verification, as a newcomer meets it: right after logging in it does not ask
for the password again, the key is readable text to type over, and after the recovery codes a button
leads back to where the person was going (or to "Beheer mijn gegevens")."""

import html
import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from kring.core.access import TWO_FACTOR_NEXT
from tests import factories as t
from tests.english import en

pytestmark = pytest.mark.django_db

SECRET = re.compile(r'<code id="authenticator_secret"[^>]*>([A-Z2-7 ]+)</code>')


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now, from the key as the page shows it."""
    return format_hotp_value(hotp_value("".join(secret.split()), int(time.time()) // 30))


def log_in(client, person):
    """A real login with the password, as a person does it (not force_login)."""
    response = client.post(en("account_login"), {"login": person.user.email, "password": t.PASSWORD})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(person.user.pk)


@pytest.fixture
def new_office_staff(db):
    person = t.PersonFactory(first_name="Nina", last_name="Nieuw")
    t.grant(person.user, "office")
    return person


def test_new_office_staff_set_up_two_step_verification_and_continue_where_they_were_going(new_office_staff, client):
    log_in(client, new_office_staff)
    going_to = en("finance:office")

    # The office page sends them to set up two-step verification, remembering where they were going.
    response = client.get(going_to)
    assert response.status_code == 302
    assert response["Location"] == en("accounts:two_factor_required") + "?next=" + going_to.replace("/", "%2F")
    page = client.get(response["Location"])
    assert en("mfa_activate_totp") in page.content.decode()

    # Right after logging in, the set-up does not ask for the password again.
    response = client.get(en("mfa_activate_totp"))
    assert response.status_code == 200, response.get("Location")
    page = response.content.decode()
    secret = SECRET.search(page).group(1)
    assert re.fullmatch(r"([A-Z2-7]{4} )*[A-Z2-7]{1,4}", secret), secret  # in blocks of four
    assert 'alt="QR code to scan with your authenticator app"' in page
    assert f'alt="{secret.replace(" ", "")}"' not in page and "disabled" not in page

    # A code computed from the key as shown switches it on and ends on the recovery codes.
    response = client.post(en("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302, response.content.decode()[:500]
    assert Authenticator.objects.filter(user=new_office_staff.user, type="totp").exists()
    codes = client.get(response["Location"])
    assert codes.status_code == 200
    page = html.unescape(codes.content.decode())
    assert "Your recovery codes" in page
    assert f'<a class="button" href="{going_to}">Done: continue where you were going</a>' in page

    # And the button leads to the page they wanted, which now opens.
    assert client.get(going_to).status_code == 200


def test_someone_setting_up_on_their_own_ends_on_manage_my_details(member, client):
    log_in(client, member)
    page = client.get(en("mfa_activate_totp")).content.decode()
    secret = SECRET.search(page).group(1)
    response = client.post(en("mfa_activate_totp"), {"code": totp_code(secret)})
    page = client.get(response["Location"]).content.decode()
    assert f'<a class="button" href="{en("members:home")}">Done: go to Manage my details</a>' in page


def test_a_wrong_code_changes_nothing_and_says_so(member, client):
    log_in(client, member)
    client.get(en("mfa_activate_totp"))
    response = client.post(en("mfa_activate_totp"), {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert not Authenticator.objects.filter(user=member.user).exists()


def test_without_a_fresh_login_it_asks_for_the_password_first(member, client):
    client.force_login(member.user)  # a session without a login moment, like one left open for long
    response = client.get(en("mfa_activate_totp"))
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]


def test_a_next_page_elsewhere_is_not_remembered(new_office_staff, client):
    log_in(client, new_office_staff)
    client.get(en("accounts:two_factor_required") + "?next=https://elders.example/")
    assert TWO_FACTOR_NEXT not in client.session


def test_the_admin_remembers_where_the_office_was_going(new_office_staff, client):
    log_in(client, new_office_staff)
    response = client.get(en("admin:members_person_changelist"), follow=True)
    assert response.redirect_chain[-1][0].startswith(en("accounts:two_factor_required") + "?next=")
    assert client.session[TWO_FACTOR_NEXT]["url"] == en("admin:members_person_changelist")
