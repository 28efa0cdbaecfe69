"""The public register as open data: CSV and JSON with the schema of docs/open-data.md."""

import csv
import io

import pytest

from kring.register.exports import OPEN_DATA_COLUMNS
from kring.register.models import Status

from .conftest import DAY, TODAY, public_trainer


@pytest.fixture
def register(db, reindex):
    public_trainer(
        "Anna",
        "Utrecht",
        "3512",
        number="000042",
        programmes=("mbsr", "mbct"),
        online=True,
        starts_on=TODAY - 10 * DAY,
        ends_on=TODAY + 10 * DAY,
    )
    public_trainer("Bas", "Weg", "3811", number="000043", status=Status.SUSPENDED)
    reindex()


def test_it_serves_json_with_the_documented_schema(client, register, settings):
    settings.SITE_URL = "https://kring.example"
    response = client.get("/register/open-data/register.json")
    data = response.json()
    assert data["schema_version"] == "1" and data["generated_on"] == TODAY.isoformat()
    assert [r["number"] for r in data["registrations"]] == ["000042"]
    row = data["registrations"][0]
    assert list(row) == OPEN_DATA_COLUMNS
    assert row["name"] == "Anna Utrecht" and row["level"] == "specialist"
    assert row["registered_since"] == (TODAY - 10 * DAY).isoformat()
    assert row["valid_until"] == (TODAY + 10 * DAY).isoformat()
    assert row["programmes"] == ["mbct", "mbsr"]
    assert row["places"] == [{"place": "Utrecht", "postcode": "3512", "country": "NL"}]
    assert row["online"] is True
    assert row["url"] == "https://kring.example/register/000042/"


def test_it_serves_the_same_as_csv(client, register):
    response = client.get("/register/open-data/register.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == OPEN_DATA_COLUMNS
    assert [r["number"] for r in rows] == ["000042"]
    assert rows[0]["programmes"] == "mbct|mbsr"
    assert rows[0]["places"] == "NL-3512 Utrecht"
    assert rows[0]["online"] == "yes"


def test_it_is_the_same_at_the_english_address(client, register):
    assert client.get("/en/register/open-data/register.json").json()["registrations"][0]["number"] == "000042"
