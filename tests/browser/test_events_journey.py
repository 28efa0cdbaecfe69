"""A member registers for a full event and joins the waiting list; another member cancels; the offer
mail arrives; the member says yes, finds the event in "my events", checks in with the code shown at
the event and downloads the certificate of attendance."""

import datetime
import re

from django.core import mail
from django.utils import timezone

from kring.events import services
from kring.events.models import Event, WaitingEntry
from tests import factories as t


def _member(first_name):
    person = t.PersonFactory(first_name=first_name, last_name="Visser")
    t.make_member(person, "practitioner")
    return person


def _log_in(page, person):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", person.user.email)
    page.fill("input[name=password]", t.PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login" not in url)


def test_waiting_list_offer_yes_check_in_and_certificate(page):
    now = timezone.now()
    starts = now + datetime.timedelta(minutes=50)  # check-in opens an hour before the start
    event = services.event_save(
        Event(
            title="Workshop Zelfcompassie",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=3),
            mode="live",
            venue="Huis van de Stad",
            postcode="3511",
            capacity_live=1,
            audience="members",
            registration_opens_at=now - datetime.timedelta(days=5),
            registration_closes_at=starts,
            cpd_hours=3,
        ),
        by=None,
    )
    other, member = _member("Sanne"), _member("Ruben")
    taken = services.register(event.pk, person=other, roles={"member"}, mode="live", by=other.user)

    # The member finds the event full and joins the waiting list, in two steps.
    _log_in(page, member)
    page.goto(f"/evenementen/{event.pk}/")
    assert page.get_by_text("vol, wachtlijst open").first.is_visible()
    page.click("a[href$='/aanmelden/']")
    page.click("main form[action$='/aanmelden/'] button[type=submit]")
    page.click("button[name=wait]")
    page.wait_for_url("**/evenementen/mijn/")
    assert page.get_by_text("Nummer 1 op de lijst").is_visible()

    # The other member cancels; the offer mail arrives by itself.
    mail.outbox.clear()
    services.registration_cancel(taken.pk, by=other.user)
    (offer_mail,) = [m for m in mail.outbox if m.to == [member.email]]
    path = re.search(r"https?://[^/]+(/evenementen/aanbod/[^/\s]+/)", offer_mail.body).group(1)

    # One click on yes; the event is in "my events".
    page.goto(path)
    page.click("text=Ja, ik kom")
    page.wait_for_url("**/evenementen/aanmelding/**")
    assert WaitingEntry.objects.get(person=member).status == "accepted"
    page.goto("/evenementen/mijn/")
    page.click("text=Workshop Zelfcompassie")

    # At the event: the code on the screen, then the certificate.
    event.refresh_from_db()
    page.fill("input[name=code]", event.checkin_code)
    page.click("form[action$='/inchecken/'] button[type=submit]")
    certificate = page.locator("a[href$='certificaat.pdf']")
    assert certificate.is_visible()
    response = page.request.get(certificate.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF")
