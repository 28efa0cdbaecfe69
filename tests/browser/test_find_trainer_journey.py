"""A visitor finds a trainer by postcode, downloads the proof of registration, follows the address printed
in it (the QR code's target) and sees the registration confirmed."""

import re

from pypdf import PdfReader

from kring.register import search_index


def test_find_a_trainer_and_verify_the_proof(transactional_db, page, live_server, settings, trainer):
    settings.SITE_URL = live_server.url
    trainer.public_practices = True
    trainer.save()
    search_index.rebuild()

    page.goto("/register/")
    page.get_by_label("Postcode").fill("3512 AB")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Thijs van Dijk").click()
    assert "004211" in page.locator("#registration-status").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("registratiebewijs", re.IGNORECASE)).click()
    pdf = PdfReader(download_info.value.path())
    text = "".join(p.extract_text() for p in pdf.pages)
    url = re.search(r"https?://\S+/register/\d+/", text).group(0)
    assert url == f"{live_server.url}/register/004211/"

    page.goto(url)
    status = page.locator("#registration-status").inner_text()
    assert "004211" in status and "ingeschreven" in status.lower()
