"""A trainer logs activities, sees where they stand and submits the dossier; the committee asks a question,
the trainer answers, the committee accepts, and the register shows the new validity."""

import datetime

from django.conf import settings as django_settings
from django.test import Client
from django.utils import dateformat, translation

from kring.recertification import defaults, rules
from kring.recertification.models import Dossier
from kring.register.history import standing_on, with_history


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


def add_activity(page, kind, hours, description):
    page.goto("/herregistratie/activiteiten/nieuw/")
    page.select_option("select[name=kind]", kind)
    page.fill("input[name=date]", datetime.date.today().isoformat())
    page.fill("input[name=hours]", hours)
    page.fill("textarea[name=description]", description)
    page.get_by_role("button", name="Opslaan").click()
    assert description in page.content()


def test_recertification_from_log_to_new_validity(
    transactional_db, page, live_server, settings, trainer, certification
):
    defaults.load()
    settings.SITE_URL = live_server.url

    log_in(page, live_server, trainer)
    add_activity(page, "supervision", "3", "Supervisie bij Anna")
    add_activity(page, "intervision", "2", "Intervisie Utrecht")

    page.goto("/herregistratie/")
    assert "3 van 10 gedaan" in page.content()
    page.goto("/herregistratie/dossier/")
    page.get_by_role("link", name="Mijn dossier nakijken en indienen").click()
    assert "Uren supervisie in de cyclus: 3 van 10 gedaan." in page.locator("#dossier-gaps").inner_text()
    page.get_by_role("button", name="Mijn dossier indienen").click()
    assert "certificeringscommissie" in page.locator("#dossier-status").inner_text().lower()

    log_in(page, live_server, certification)
    page.goto("/herregistratie/commissie/")
    page.get_by_role("link", name="Thijs van Dijk").click()
    page.fill("textarea[name=question]", "Wanneer ga je op stilteretraite?")
    page.get_by_role("button", name="Vraag versturen").click()

    log_in(page, live_server, trainer)
    page.goto("/herregistratie/dossier/")
    assert "Wanneer ga je op stilteretraite?" in page.content()
    page.fill("textarea[name=answer]", "In het voorjaar, zeven dagen.")
    page.get_by_role("button", name="Mijn antwoord versturen").click()

    log_in(page, live_server, certification)
    page.goto("/herregistratie/commissie/")
    page.get_by_role("link", name="Thijs van Dijk").click()
    assert "In het voorjaar, zeven dagen." in page.content()
    page.check("input[name=outcome][value=accept]")
    page.fill("textarea[name=reason]", "Een eerlijk dossier; de retraite staat gepland.")
    page.get_by_role("button", name="Besluit vastleggen").click()

    dossier = Dossier.objects.get(person=trainer)
    new_end = rules.cycle_end(dossier.cycle.ends_on + datetime.timedelta(days=1), 5)
    log_in(page, live_server, trainer)
    page.goto("/herregistratie/")
    with translation.override("nl"):
        assert page.locator("#valid-until").inner_text() == dateformat.format(new_end, "j F Y")
    registration = with_history().get(person=trainer)
    assert standing_on(registration, new_end).registered
    assert not standing_on(registration, new_end + datetime.timedelta(days=1)).registered
