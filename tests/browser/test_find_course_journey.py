"""A visitor on a phone (360 px) finds an MBSR course starting within two months near 9000 Gent, opens it,
reads what it asks and follows the sign-up link to the trainer."""

import datetime

from django.utils import timezone

from kring.find.tests.helpers import make_course, make_trainer

SIGNUP = "https://aanmelden.example.org/mbsr-gent"


def no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_find_an_mbsr_course_near_gent_on_a_phone(transactional_db, page, live_server, settings):
    settings.SITE_URL = live_server.url
    today = timezone.localdate()
    gent = make_trainer("9000", first_name="Sanne", last_name="Claes")
    chosen = make_course(gent, starts_on=today + datetime.timedelta(days=40), signup_url=SIGNUP)
    make_course(gent, starts_on=today + datetime.timedelta(days=120))  # too late
    make_course(gent, programme="mbct", starts_on=today + datetime.timedelta(days=20))  # another programme
    make_course(
        make_trainer("1012", "NL"), postcode="1012", country="NL", starts_on=today + datetime.timedelta(days=30)
    )
    page.set_viewport_size({"width": 360, "height": 740})
    page.route(
        SIGNUP, lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Aanmelden bij Sanne</h1>")
    )

    page.goto("/")
    no_horizontal_scroll(page)
    page.get_by_role("link", name="Vind een cursus, een retraite of een supervisor").click()
    page.wait_for_url("**/vinden/")
    page.get_by_label("Postcode").fill("9000")
    page.get_by_label("Land").select_option("BE")
    page.get_by_label("Programma").select_option("mbsr")
    page.get_by_role("button", name="Cursussen tonen").click()
    page.wait_for_url(lambda url: "postcode=9000" in url)  # the results page, not the form it left
    no_horizontal_scroll(page)
    page.get_by_label("Begint").select_option("2")
    page.get_by_label("Waar").select_option("place")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(lambda url: "within=2" in url)
    assert "1 cursus gevonden" in page.locator("#results-heading").inner_text()
    no_horizontal_scroll(page)

    page.locator("ol.results a").first.click()
    page.wait_for_url(f"**/vinden/cursussen/{chosen.pk}/")
    asks = page.locator("#what-it-asks").inner_text()
    assert "8 bijeenkomsten" in asks and "elke dag" in asks
    assert page.locator("#reimbursement").is_visible()
    no_horizontal_scroll(page)

    page.get_by_role("link", name="Aanmelden bij de trainer").click()
    page.wait_for_url(SIGNUP)
    assert "Aanmelden bij Sanne" in page.content()
