"""An institute applies for accreditation of its programme, the committee asks a question, the
institute answers (the clock stood still meanwhile), the committee accredits, the programme appears
on the public list, the institute reports a graduate, and the graduate applies for certification."""

import datetime

from kring.accreditation import defaults
from kring.accreditation.models import Application, Kind
from kring.recertification.models import Application as FirstCertification
from kring.recertification.tests.conftest import plain_pdf
from tests import factories as t
from tests.browser.test_recertification_journey import log_in

ANSWERS = {
    Kind.CURRICULUM_HOURS: ("220", "Twee jaar, tien modules."),
    Kind.CONTACT_HOURS: ("130", "Achttien lesdagen."),
    Kind.DURATION_MONTHS: ("18", "Anderhalf jaar."),
    Kind.RETREAT_DAYS: ("6", "Zes dagen stilte."),
    Kind.PARTICIPANT_COURSE: (None, "Iedere student volgde vooraf een MBSR-training."),
    Kind.STAFF_QUALIFICATIONS: (None, "Drie ervaren docenten."),
    Kind.ASSESSMENT: (None, "Twee beoordelaars met de MBI:TAC."),
    Kind.SUPERVISED_PRACTICE: (None, "Een achtweekse training onder supervisie."),
    Kind.MBI_TAC: (None, "De zes domeinen zijn de leerlijn."),
}


def test_from_application_to_accredited_programme_and_a_graduate_who_applies(
    transactional_db, page, live_server, settings, institute, accreditation, certification, member
):
    defaults.load()  # the live server's database is flushed: put the default criteria back
    page.set_default_timeout(60000)  # a long journey on a busy machine: the first pages compile templates
    settings.SITE_URL = live_server.url
    the_institute = institute.user.institute_grants.get().institute
    programme = t.make_programme(the_institute, "Opleiding Aandachtig Lesgeven")

    log_in(page, live_server, institute)
    page.goto("/opleidingen/instituut/")
    page.get_by_role("button", name="Accreditatie aanvragen").click()
    for kind, (number, text) in ANSWERS.items():
        page.goto(f"/opleidingen/instituut/aanvraag/{Application.objects.get().pk}/criterium/{kind}/")
        if number is not None:
            page.fill("input[name=number]", number)
        page.fill("textarea[name=text]", text)
        page.get_by_role("button", name="Opslaan").click()
        assert "Opgeslagen" in page.content()
    page.get_by_role("button", name="Aanvraag indienen").click()
    assert "Bij de accreditatiecommissie" in page.locator("#application-status").inner_text()

    log_in(page, live_server, accreditation)
    page.goto("/opleidingen/commissie/")
    page.get_by_role("link", name=programme.name).click()
    page.fill("textarea[name=text]", "Wie begeleidt de stilteretraite?")
    page.get_by_role("button", name="Vraag versturen").click()
    assert page.locator("#clock-stopped").is_visible()

    log_in(page, live_server, institute)
    page.goto("/opleidingen/instituut/")
    page.get_by_role("link", name="Wacht op het antwoord van het instituut").click()
    assert "Wie begeleidt de stilteretraite?" in page.content()
    page.fill("textarea[name=answer]", "Twee docenten met twintig jaar ervaring.")
    page.get_by_role("button", name="Mijn antwoord versturen").click()

    log_in(page, live_server, accreditation)
    page.goto("/opleidingen/commissie/")
    page.get_by_role("link", name=programme.name).click()
    assert "Twee docenten met twintig jaar ervaring." in page.content()
    page.check("input[name=outcome][value=accredit]")
    page.fill("textarea[name=reason]", "Een zorgvuldige opleiding die aan alle criteria voldoet.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    assert "Het besluit is vastgelegd" in page.content()

    page.context.clear_cookies()  # a visitor
    page.goto("/opleidingen/")
    page.get_by_role("link", name=programme.name).click()
    assert "Geaccrediteerd" in page.locator("#accreditation-status").inner_text()
    assert page.locator("figure.qr svg").count() == 1

    log_in(page, live_server, institute)
    page.goto(f"/opleidingen/instituut/opleiding/{programme.pk}/afgestudeerden/")
    page.fill("input[name=single-name]", str(member))
    page.fill("input[name=single-email]", member.email)
    page.fill("input[name=single-graduated_on]", datetime.date.today().isoformat())
    page.get_by_role("button", name="Melden", exact=True).click()
    assert "De afgestudeerde is gemeld." in page.content()

    log_in(page, live_server, member)
    page.goto("/herregistratie/aanvraag/")
    page.select_option("select[name=graduate]", index=1)
    page.fill("input[name=study_hours]", "220")
    page.fill("input[name=contact_hours]", "130")
    page.fill("input[name=retreat_days]", "6")
    page.fill("textarea[name=experience]", "Twee trainingen gegeven.")
    page.set_input_files(
        "input[name=certificate_file]", {"name": "diploma.pdf", "mimeType": "application/pdf", "buffer": plain_pdf()}
    )
    page.get_by_role("button", name="Mijn aanvraag versturen").click()
    application = FirstCertification.objects.get(person=member)
    assert application.programme_accredited and application.graduate.programme == programme

    log_in(page, live_server, certification)
    page.goto(f"/herregistratie/commissie/aanvragen/{application.pk}/")
    assert "Ja: gemeld door het instituut" in page.locator("#programme-accredited").inner_text()
