"""A new member signs up, confirms their e-mail, sets up two-step verification, fills in their
profile, makes two fields public and downloads their data."""

import json
import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

from kring.members.models import Person

EMAIL = "anouk.devries@example.org"
PASSWORD = "stil-zitten-bij-de-rivier-7"


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value("".join(secret.split()), int(time.time()) // 30))


def test_it_takes_a_new_member_from_sign_up_to_downloading_their_data(page, transactional_db):
    mail.outbox.clear()

    # Sign up with a name.
    page.goto("/accounts/signup/")
    page.fill("input[name=first_name]", "Anouk")
    page.fill("input[name=name_prefix]", "de")
    page.fill("input[name=last_name]", "Vries")
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("form:has(input[name=password1]) [type=submit]").click()
    page.wait_for_load_state()

    # Confirm the address with the link from the e-mail.
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()

    # Log in.
    page.goto("/accounts/login/")
    page.fill("input[name=login]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form:has(input[name=password]) [type=submit]").click()
    page.wait_for_url(re.compile(r"/mijn-gegevens/"))
    person = Person.objects.get(user__email=EMAIL)
    assert person.full_name == "Anouk de Vries"

    # Set up two-step verification with an authenticator app: right after logging in it does not ask
    # for the password again, and the key is text to type over.
    page.goto("/accounts/2fa/totp/activate/")
    assert "/2fa/totp/activate/" in page.url
    secret = page.locator("code#authenticator_secret").text_content()
    page.fill("input[name=code]", totp_code(secret))
    page.locator("form:has(input[name=code]) [type=submit]").click()
    page.wait_for_url(re.compile(r"/2fa/recovery-codes/"))
    assert person.user.authenticator_set.filter(type="totp").exists()
    # The recovery codes end the set-up with a way on, to "Beheer mijn gegevens".
    page.get_by_role("link", name="Klaar: ga naar Beheer mijn gegevens").click()
    page.wait_for_url(re.compile(r"/mijn-gegevens/$"))

    # Fill in the profile.
    page.goto("/mijn-gegevens/profiel/")
    page.get_by_label("MBSR", exact=True).check()
    page.fill("input[name=website]", "https://www.anoukdevries.nl")
    page.fill("textarea[name=about]", "Ik geef MBSR-trainingen in Gent en online.")
    page.locator("form:has(textarea[name=about]) [type=submit]").click()
    page.wait_for_url(re.compile(r"/mijn-gegevens/profiel/$"))

    # Make two fields public.
    page.goto("/mijn-gegevens/openbaar/")
    assert page.locator("input[type=checkbox]:checked").count() == 0
    page.check("input[name=website]")
    page.check("input[name=programmes]")
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/mijn-gegevens/openbaar/$"))

    # Download my data.
    page.goto("/mijn-gegevens/privacy/")
    with page.expect_download() as download_info:
        page.locator("a[href='/mijn-gegevens/privacy/download/']").click()
    with open(download_info.value.path(), encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["public"]["website"] is True and data["public"]["programmes"] is True
    assert data["public"]["about"] is False and data["public"]["email"] is False
    assert data["person"]["website"] == "https://www.anoukdevries.nl"
    assert data["person"]["programmes"] == ["mbsr"]
    assert data["account"]["email"] == EMAIL
    assert "totp" in data["account"]["two_factor"]
