"""A trainer looking for a group names their supervisor, gets a proposal without them, reads why it
suits them and says yes as the fourth: the group starts and they land on its page."""

from django.core import mail

from kring.intervision import proposals, services
from kring.intervision.models import Group
from tests import factories as t


def _seeker(first_name, last_name="Jong"):
    person = t.PersonFactory(first_name=first_name, last_name=last_name)
    t.make_member(person, "trainer")
    t.add_practice(person, "3512")
    t.make_registration(person)
    services.seeker_register(
        by=person.user, mode="live", postcode="3512", country="NL", max_distance_km=30, moments=["weekday-evening"]
    )
    return person


def _log_in(page, person):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", person.user.email)
    page.fill("input[name=password]", t.PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login" not in url)


def test_a_trainer_avoids_their_supervisor_and_says_yes_to_a_proposal(transactional_db, page):
    trainer = _seeker("Thijs", "Dijk")
    supervisor = _seeker("Sofie", "Smit")
    others = [_seeker(name) for name in ("Anne", "Bram", "Noor", "Wout")]

    _log_in(page, trainer)
    page.goto("/intervisie/ik-zoek-een-groep/")
    page.get_by_label("Naam of e-mailadres").fill("Sofie Smit")
    page.get_by_role("button", name="Zet op mijn lijst").click()
    assert "Sofie Smit" in page.locator("#avoid-title + p + ul").inner_text()

    run = proposals.proposals_run(seed=1)
    mine = run.proposals.get(answers__person=trainer)
    assert not mine.answers.filter(person=supervisor).exists()
    for person in [a.person for a in mine.answers.exclude(person=trainer)][:3]:
        proposals.proposal_answer(mine, by=person.user, accept=True)
    assert set(others) & {a.person for a in mine.answers.all()}

    page.goto("/intervisie/")
    page.get_by_role("link", name="Bekijk de voorstellen").click()
    page.get_by_role("link", name="Voorstel van").click()
    assert "Zelfde regio: Utrecht" in page.content()
    page.get_by_role("button", name="Ja, ik doe graag mee").click()
    page.wait_for_url("**/intervisie/groepen/*/")
    group = Group.objects.get()
    assert group.name in page.locator("h1").inner_text()
    assert group.current_members().filter(person=trainer).exists()
    assert trainer.email in [m.to[0] for m in mail.outbox]
