"""The office imports its spreadsheet: reads the plan (one row refused, and why), confirms, sees it
done; an imported member follows the invitation, chooses a password and logs in."""

import re

from django.core import mail

from kring.imports.tests.helpers import HEADER_NL, csv_file
from tests.browser.test_membership_money_journey import _office_session


def test_import_confirm_and_the_invited_member_logs_in(page, live_server, tmp_path):
    office = _office_session(page, live_server)
    office.set_viewport_size({"width": 360, "height": 800})
    spreadsheet = tmp_path / "leden.csv"
    spreadsheet.write_bytes(
        csv_file(
            HEADER_NL,
            ["Anne", "van", "Dijk", "anne@example.org", "0612345678", "practitioner", "01-01-2021"],
            ["Bram", "", "Smit", "bram@example.org", "", "practitioner", "15-06-2022"],
            ["Carla", "", "Fout", "carla@example.org", "", "goudlid", "01-01-2020"],
        )
    )
    office.goto("/mijn-gegevens/")
    office.click("text=Naar het importeren")
    office.set_input_files("input[name=file]", str(spreadsheet))
    office.click("button:has-text('Controleer het bestand')")
    office.wait_for_url(re.compile(r"/importeren/\d+/$"))
    text = office.inner_text("main")
    assert "Er is nog niets opgeslagen" in text
    assert "Het soort lidmaatschap “goudlid” kennen we niet" in text
    assert office.evaluate("document.documentElement.scrollWidth") <= 360
    office.screenshot(path=str(tmp_path / "plan.png"), full_page=True)
    office.click("button:has-text('Importeer 2 rijen')")
    office.wait_for_selector("text=2 van 2 rijen klaar")
    assert "Uitnodigingen verstuurd" in office.inner_text("main")

    invitation = next(message for message in mail.outbox if "anne@example.org" in message.to)
    link = re.search(r"http://\S+/account/uitnodiging/\S+/", invitation.body).group(0)
    page.goto("/" + link.split("/", 3)[3])  # the path: the live server has its own port
    page.fill("input[name=new_password1]", "stil-zitten-en-ademen-8")
    page.fill("input[name=new_password2]", "stil-zitten-en-ademen-8")
    page.click("button:has-text('Bewaar mijn wachtwoord')")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert "Je wachtwoord is ingesteld" in page.inner_text("body")
    page.fill("input[name=login]", "anne@example.org")
    page.fill("input[name=password]", "stil-zitten-en-ademen-8")
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login" not in url)
    page.goto("/mijn-gegevens/")
    assert "Anne" in page.inner_text("main")
