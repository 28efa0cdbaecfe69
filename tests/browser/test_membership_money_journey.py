"""A visitor applies for membership with a mandate, the office accepts, the yearly run invoices, the
collection file is made, the bank statement marks the invoice paid, and the member sees "paid"."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from kring.finance import rules
from kring.finance.camt_sample import Booking, statement
from kring.finance.models import CollectionItem
from tests import factories as t


def _log_in(page, person):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", person.user.email)
    page.fill("input[name=password]", t.PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login" not in url)


def _office_session(page, live_server):
    """The office's browser, already logged in with two-step verification set up (the login with a
    code is the sign-up journey's subject)."""
    office = t.PersonFactory(first_name="Bureau")
    t.grant(office.user, "office")
    t.add_totp(office.user)
    session = SessionStore()
    session[SESSION_KEY] = str(office.user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = office.user.get_session_auth_hash()
    session.save()
    context = page.context.browser.new_context(base_url=live_server.url, locale="nl-NL", accept_downloads=True)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}])
    office = context.new_page()
    office.set_default_timeout(60000)
    return office


def test_apply_accept_invoice_collect_and_see_paid(page, live_server):
    page.set_default_timeout(60000)  # PDFs are rendered on the way (the invoice e-mail)
    t.association_with_bank()
    year = timezone.localdate().year
    t.make_fee("practitioner", year, 8500)
    visitor = t.PersonFactory(first_name="Vera", last_name="Nieuw")

    # The visitor reads the fees and applies with a mandate.
    page.goto("/lid-worden/")
    assert "85,00" in page.content()
    _log_in(page, visitor)
    page.goto("/lid-worden/")
    practitioner = t.MembershipType.objects.get(code="practitioner").pk
    page.check(f"input[name=type][value='{practitioner}']")
    page.check("input[name=pays_by_mandate][value='1']")
    page.fill("#id_holder_name", "V. Nieuw")
    page.fill("#id_iban", "NL44 RABO 0123 4567 89")
    page.check("#id_agree")
    page.click("button[type=submit]:has-text('Verstuur')")
    page.wait_for_selector("text=ligt bij het bureau")

    # The office accepts, runs the year and makes the collection file.
    office = _office_session(page, live_server)
    office.goto("/financien/aanmeldingen/")
    office.click("button:has-text('Vera')")
    office.wait_for_selector("text=Het lidmaatschap is begonnen")
    office.goto("/financien/")
    office.fill("#id_year", str(year))
    office.click("button:has-text('Maak de facturen')")
    office.wait_for_selector("text=1 facturen")
    day = rules.next_target2_day(timezone.localdate() + datetime.timedelta(days=15))
    office.goto("/financien/incasso/")
    office.fill("#id_collection_date", day.isoformat())
    office.click("button:has-text('Maak het incassobestand')")
    office.wait_for_url(re.compile(r"/financien/incasso/\d+/"))
    with office.expect_download() as download:
        office.click("text=Download het pain.008-bestand")
    assert "pain.008.001.02" in Path(download.value.path()).read_text()

    # The bank's statement comes in and marks the invoice paid.
    item = CollectionItem.objects.get()
    office.goto("/financien/bank/")
    data = statement([Booking("BANK-1", item.amount_cents, end_to_end_id=item.end_to_end_id)])
    office.set_input_files("#id_file", files=[{"name": "afschrift.xml", "mimeType": "application/xml", "buffer": data}])
    office.click("button:has-text('Inlezen')")
    office.wait_for_selector("text=1 nieuwe boekingen")

    # The member sees it paid under "Beheer mijn gegevens".
    page.goto("/mijn-gegevens/facturen/")
    row = page.locator("tr", has_text=item.invoice.number)
    assert "Betaald" in row.inner_text()
    assert "NL44RABO0123456789" in page.content()
