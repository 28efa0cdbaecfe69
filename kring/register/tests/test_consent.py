"""Consent: a field the trainer kept private never appears on the page, in the results, CSV or JSON."""

import csv
import io
import json

import pytest

from kring.members.models import SpokenLanguage, TargetGroup, TaughtProgramme, WorkDomain
from tests import factories as t

# field -> text that only that field can put anywhere (Dutch and English names, codes, values)
SECRETS = {
    "email": ["geheim-adres@example.org"],
    "phone": ["06 99887766"],
    "website": ["https://geheim-website.example"],
    "about": ["Geheime-beschrijving"],
    "practices": ["Geheimestraat 7", "Utrecht", "3512"],
    "work_domains": ["Jeugdzorg", "Youth care", "youth-care"],
    "target_groups": ["Ouderen", "Older people", "elderly"],
    "languages": ["Arabisch", "Arabic", '"ar"'],
    "programmes": ["Mindful Self-Compassion", '"msc"'],
    "online": ["Geeft ook online les", "Also teaches online", '"online": true'],
}
OPEN_DATA_FIELDS = {
    "website": "website",
    "practices": "places",
    "work_domains": "work_domains",
    "target_groups": "target_groups",
    "languages": "languages",
    "programmes": "programmes",
    "online": "online",
}


def make_trainer(public: set[str]):
    person = t.PersonFactory(
        first_name="Anna",
        last_name="Geheim",
        email=SECRETS["email"][0],
        phone=SECRETS["phone"][0],
        website=SECRETS["website"][0],
        about=SECRETS["about"][0],
        online=True,
    )
    t.add_practice(person, "3512", street=SECRETS["practices"][0])
    person.work_domains.set(WorkDomain.objects.filter(code="youth-care"))
    person.target_groups.set(TargetGroup.objects.filter(code="elderly"))
    person.languages.set(SpokenLanguage.objects.filter(code="ar"))
    person.programmes.set(TaughtProgramme.objects.filter(code="msc"))
    for field in person.PUBLIC_FIELDS:
        setattr(person, f"public_{field}", field in public)
    person.save()
    t.make_registration(person, number="000042")


def results_section(html: str) -> str:
    start = html.find('<section aria-labelledby="results-heading">')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def everything_shown(client) -> str:
    """The trainer's page in both languages, the search results (not the form) and the open data."""
    parts = [client.get("/register/000042/").content.decode(), client.get("/en/register/000042/").content.decode()]
    for query in ("q=anna", "postcode=3512", "q=utrecht"):
        parts.append(results_section(client.get(f"/register/?{query}").content.decode()))
        parts.append(results_section(client.get(f"/en/register/?{query}").content.decode()))
    parts.append(client.get("/register/open-data/register.csv").content.decode())
    parts.append(json.dumps(client.get("/register/open-data/register.json").json(), ensure_ascii=False))
    return "\n".join(parts).replace("&amp;", "&")


@pytest.mark.parametrize("field", sorted(SECRETS))
def test_a_private_field_never_appears(client, db, reindex, field):
    make_trainer(public=set(SECRETS) - {field})
    reindex()
    shown = everything_shown(client)
    for secret in SECRETS[field]:
        assert secret not in shown, secret
    assert SECRETS["website" if field != "website" else "about"][0] in shown  # the public ones do appear


@pytest.mark.parametrize("field", sorted(OPEN_DATA_FIELDS))
def test_open_data_leaves_a_private_field_empty(client, db, reindex, field):
    make_trainer(public=set(SECRETS) - {field})
    reindex()
    column = OPEN_DATA_FIELDS[field]
    row = client.get("/register/open-data/register.json").json()["registrations"][0]
    assert row[column] in ("", [], None)
    csv_row = next(csv.DictReader(io.StringIO(client.get("/register/open-data/register.csv").content.decode())))
    assert csv_row[column] == ""


def test_nothing_appears_without_consent(client, db, reindex):
    make_trainer(public=set())
    reindex()
    shown = everything_shown(client)
    for field, secrets in SECRETS.items():
        for secret in secrets:
            assert secret not in shown, field
    assert "Anna Geheim" in shown and "000042" in shown  # the register's own data is public


def test_everything_appears_with_consent(client, db, reindex):
    make_trainer(public=set(SECRETS))
    reindex()
    shown = everything_shown(client)
    for secrets in SECRETS.values():
        for secret in secrets:
            assert secret in shown, secret
