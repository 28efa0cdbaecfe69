"""A visitor on a Dutch event page switches to English and lands on the same event's English address,
then back; an old English link from an e-mail (/en/ and the Dutch path) still leads to the page."""

from kring.events.tests.helpers import make_event


def switch_to(page, language: str) -> None:
    page.locator("#language-select").select_option(language)
    page.locator("form.language-switch button[type=submit]").click()


def test_the_language_switch_keeps_the_page_and_old_english_links_still_work(transactional_db, page, live_server):
    event = make_event(audience="public", title="Jaardag")

    page.goto(f"/evenementen/{event.pk}/")
    switch_to(page, "en")
    page.wait_for_url(f"{live_server.url}/en/events/{event.pk}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Jaardag"

    switch_to(page, "nl")
    page.wait_for_url(f"{live_server.url}/evenementen/{event.pk}/")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.goto(f"/en/evenementen/{event.pk}/?from=mail")
    assert page.url == f"{live_server.url}/en/events/{event.pk}/?from=mail"
    assert page.get_by_role("heading", level=1).inner_text() == "Jaardag"
