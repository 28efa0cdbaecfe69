"""Every page, as each persona that may open it, at 360 px in Chromium: no horizontal scrolling, and the
header's language label on one line (a label may break anywhere, so a squeezed one fell apart per letter)."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.access.matrix import personas_of
from tests.pages import every_page

WIDTH = 360
# How many lines the text of the header's language label takes.
LABEL_LINES = """(() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector("label[for=language-select]"));
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
})()"""


@pytest.fixture
def personas(transactional_db, request):
    from kring.accreditation import defaults as accreditation
    from kring.complaints import defaults as complaints
    from kring.members import vocabulary
    from kring.recertification import defaults as recertification

    # What the data migrations gave (vocabularies, criteria, the code of ethics, the scheme), gone
    # after an earlier browser test's flush.
    for load in (vocabulary.load, accreditation.load, complaints.load, recertification.load):
        load()
    return personas_of(request)


def session_cookie(person, live_server) -> dict:
    client = Client()
    client.force_login(person.user)
    value = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return {"name": django_settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}


def test_no_page_scrolls_sideways_at_360_px(browser, live_server, personas, settings):
    settings.ALLOWED_HOSTS = ["*"]
    pages = every_page(personas)
    too_wide = []
    contexts = {}
    checked = 0
    for item in pages:
        if item.role not in contexts:
            context = browser.new_context(
                base_url=live_server.url, locale="nl-NL", viewport={"width": WIDTH, "height": 740}
            )
            if personas[item.role] is not None:
                context.add_cookies([session_cookie(personas[item.role], live_server)])
            contexts[item.role] = context.new_page()
        page = contexts[item.role]
        if not page.request.get(item.url).headers.get("content-type", "").startswith("text/html"):
            continue  # a PDF, CSV, calendar or evidence file: no page to scroll
        checked += 1
        response = page.goto(item.url)
        assert response.status == 200, f"{item.label}: {response.status}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide.append(f"{item.label}: {width} px")
        if page.evaluate(LABEL_LINES) > 1:
            too_wide.append(f"{item.label}: the language label wraps")
    for page in contexts.values():
        page.context.close()
    assert too_wide == [], "\n".join(too_wide)
    assert checked > 50
