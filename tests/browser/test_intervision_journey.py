"""A trainer looks for a group, joins one, the coordinator accepts, a meeting is held and confirmed, and
the trainer downloads the intervision record."""

import datetime

import pypdf
from django.core import mail
from django.utils import timezone

from kring.cpd.models import Activity
from kring.intervision import services
from kring.intervision.models import Attendance
from tests import factories as t


def _trainer(first_name, postcode):
    person = t.PersonFactory(first_name=first_name, last_name="Jong")
    t.make_member(person, "trainer")
    t.add_practice(person, postcode)
    t.make_registration(person)
    return person


def _log_in(page, person):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", person.user.email)
    page.fill("input[name=password]", t.PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login" not in url)


def _log_out(page):
    page.goto("/")
    page.click("form[action*='logout'] button")
    page.wait_for_load_state()


def test_a_trainer_finds_joins_meets_and_downloads_the_record(page):
    coordinator = _trainer("Carla", "3511")
    services.group_offer(
        by=coordinator.user, name="Kring aan de Gracht", mode="live", postcode="3511", country="NL", capacity=6
    )
    trainer = _trainer("Thijs", "3512")

    # The trainer says what they look for and sees a group that suits them.
    _log_in(page, trainer)
    page.goto("/intervisie/ik-zoek-een-groep/")
    page.select_option("#id_mode", "live")
    page.fill("#id_postcode", "3512")
    page.check("input[name=moments][value=weekday-evening]")
    page.click("form:has(#id_mode) button[type=submit]")
    page.click("text=Kring aan de Gracht")

    # ... and asks to join.
    page.fill("#id_message", "Ik geef MBCT in Utrecht en zoek een vaste groep.")
    page.click("form[action$='/aanmelden/'] button[type=submit]")
    assert page.locator(".messages").is_visible()
    _log_out(page)

    # The coordinator accepts with the pre-written message.
    _log_in(page, coordinator)
    page.goto("/intervisie/")
    page.click(".card a[href$='/aanmeldingen/']")
    page.click("a[href$='/accepteren/']")
    assert "Thijs" in page.input_value("#id_message")
    page.click("form:has(#id_message) button[type=submit]")
    assert trainer.user.email in mail.outbox[-1].to

    # A meeting has just been held; the coordinator notes who was there and confirms.
    held = timezone.localtime(timezone.now() - datetime.timedelta(minutes=2))
    page.goto("/intervisie/")
    page.click(".card a[href$='/bijeenkomsten/nieuw/']")
    page.fill("#id_starts_at", held.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_method", "incident")
    page.select_option("#id_mbi_tac_domain", "3")
    page.click("form:has(#id_starts_at) button[type=submit]")
    page.click("form[action$='/aanwezig/']:not(:has(select)) button")
    page.select_option("#id_person", label=trainer.full_name)
    page.click("form:has(#id_person) button")
    page.click("form[action$='/bevestigen/'] button")
    attendance = Attendance.objects.get(person=trainer)
    assert attendance.is_confirmed
    assert Activity.objects.filter(person=trainer, kind="intervision").exists()
    _log_out(page)

    # The trainer writes the record and downloads it.
    _log_in(page, trainer)
    page.goto("/intervisie/verslagen/")
    assert page.locator("progress").get_attribute("value") == "1"
    page.click("a[href$='/verslag/']")
    page.fill("#id_topics", "Omgaan met stilte")
    page.fill("#id_reflection", "Ik wil meer vertrouwen op de groep.")
    page.click("form:has(#id_topics) button[type=submit]")
    with page.expect_download() as download:
        page.click("a[href$='/verslag.pdf']")
    pdf = pypdf.PdfReader(download.value.path())
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Kring aan de Gracht" in text and "Omgaan met stilte" in text and "Carla" in text
