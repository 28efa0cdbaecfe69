"""A visitor files a complaint, gets the receipt mail, the committee handles it and suspends the trainer,
the register shows the suspension, and the visitor reads the outcome through the private link."""

import datetime
import re

from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from kring.complaints import defaults
from kring.core.models import Association


def log_in(page, live_server, person):
    client = Client()
    client.force_login(person.user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def private_link(message, live_server) -> str:
    return re.search(r"(/klachten/volgen/\S+/)", message.body).group(1)


def test_a_complaint_from_filing_to_a_suspension_in_the_register(
    transactional_db, page, live_server, settings, trainer, complaints
):
    Association.objects.get_or_create(pk=1, defaults={"name": "Kring", "short_name": "Kring"})
    defaults.load()
    settings.SITE_URL = live_server.url
    page.set_default_timeout(60000)  # a shared, busy test machine

    # A visitor without an account files a complaint.
    page.goto("/klachten/indienen/")
    page.fill("input[name=trainer]", "004211")
    page.fill("textarea[name=description]", "De trainer raakte mij tijdens de bodyscan aan zonder het te vragen.")
    page.fill("input[name=when]", "maart 2026")
    page.fill("input[name=email]", "kim@example.org")
    page.get_by_role("button", name="Mijn klacht versturen").click()
    assert "Je ontvangstnummer is" in page.content()
    number = page.locator("dl.facts dd").first.inner_text()

    receipt = next(m for m in mail.outbox if m.to == ["kim@example.org"])
    assert number in receipt.subject
    link = private_link(receipt, live_server)

    # The committee confirms, asks the trainer, and decides on a suspension.
    log_in(page, live_server, complaints)
    page.goto("/klachten/commissie/")
    page.get_by_role("link", name=number).click()
    assert "bodyscan" in page.content()
    page.get_by_role("button", name="Ontvangst bevestigen").click()
    page.fill("textarea[name=question]", "Wil je reageren op wat er tijdens de bodyscan gebeurde?")
    page.get_by_role("button", name="Naar de trainer sturen").click()
    page.get_by_label("Gegrond: schorsing voor een periode").check()
    until = timezone.localdate() + datetime.timedelta(days=90)
    page.fill("input[name=measure_until]", until.isoformat())
    page.fill("textarea[name=reason]", "De trainer vroeg geen toestemming voor aanraking.")
    page.get_by_role("button", name="Besluiten").click()
    assert "Opgeslagen" in page.content()

    # The register shows the suspension at once.
    page.context.clear_cookies()
    page.goto("/register/004211/")
    assert "geschorst" in page.locator("#registration-status").inner_text().lower()

    # The visitor reads the outcome through the private link.
    page.goto(link)
    assert "Gegrond: schorsing voor een periode" in page.locator(".outcome").inner_text()
    decided = [m for m in mail.outbox if m.to == ["kim@example.org"]][-1]
    assert "Gegrond: schorsing" in decided.body
