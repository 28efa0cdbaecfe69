"""The dry run: per row what would happen and why, with nothing of the membership written."""

import datetime

import pytest

from kring.accounts.models import User
from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.imports import services
from kring.imports.models import ImportJob
from kring.imports.tests.helpers import HEADER_NL, csv_file, xlsx_file
from kring.members.models import Membership, Person
from kring.register.models import Registration
from tests import factories as t

pytestmark = pytest.mark.django_db

REGISTER_HEADER = [*HEADER_NL, "Registernummer", "AGB-code", "Niveau", "Geregistreerd vanaf"]


def plan(content: bytes, by, name: str = "leden.csv", language: str = "nl") -> ImportJob:
    return services.plan_create(name, content, by=by.user, language=language)


def rows_of(job):
    return {row.line: row for row in job.rows.all()}


def counts():
    return (Person.objects.count(), User.objects.count(), Membership.objects.count(), Registration.objects.count())


def test_a_dry_run_plans_each_row_and_writes_nothing_of_the_membership(office, member):
    member.phone = ""
    member.save()
    before, audit_before = counts(), AuditEntry.objects.count()
    content = csv_file(
        REGISTER_HEADER,
        [
            "Anne",
            "van",
            "Dijk",
            "Anne@Example.org",
            "0612345678",
            "practitioner",
            "01-01-2020",
            "000123",
            "01234567",
            "basis",
            "2021-03-01",
        ],
        [member.first_name, "", member.last_name, member.user.email, "0301234567", "", "", "", "", "", ""],
        [member.first_name + "x", "", member.last_name, "", "", "", "", "", "", "", ""],
    )
    job = plan(content, office)
    rows = rows_of(job)
    assert rows[2].action == "create" and rows[2].name == "Anne van Dijk"
    assert rows[2].values["email"] == "anne@example.org"
    assert rows[2].values["register_number"] == "000123" and rows[2].values["agb_code"] == "01234567"
    assert [code for code, _ in rows[2].changes] == ["person_new", "membership_new", "registration_new"]
    assert rows[3].action == "update" and rows[3].changes == [["person_changed", {"fields": ["phone"]}]]
    assert rows[4].action == "refused" and rows[4].problems == [["required", {"column": "email"}]]
    assert job.tally() == {"create": 1, "update": 1, "refused": 1}
    assert counts() == before
    assert AuditEntry.objects.count() == audit_before + 1  # only "checked", by the office


def test_a_row_already_in_kring_is_unchanged(office, trainer):
    membership = trainer.memberships.get()
    content = csv_file(
        [*HEADER_NL, "Registernummer", "Niveau", "Geregistreerd vanaf"],
        [
            trainer.first_name,
            trainer.name_prefix,
            trainer.last_name,
            trainer.user.email,
            "",
            "trainer",
            membership.starts_on.strftime("%d-%m-%Y"),
            "004211",
            "specialist",
            "2020-01-01",
        ],
    )
    row = plan(content, office).rows.get()
    assert row.action == "unchanged"
    assert [code for code, _ in row.changes] == ["membership_same", "registration_same"]


def test_xlsx_numbers_keep_their_leading_zeros(office):
    content = xlsx_file(
        ["voornaam", "achternaam", "e-mail", "telefoon", "registernummer", "agb", "niveau", "geregistreerd vanaf"],
        ["Noor", "Smit", "noor@example.org", 612345678, 123, 1234567, "Specialist", datetime.date(2022, 5, 1)],
        ["Wout", "Jacobs", "wout@example.org", "", 456, "", "basis", datetime.datetime(2023, 1, 2)],
        formats={4: "0000000"},  # the second row's register number is shown with seven digits
    )
    rows = rows_of(plan(content, office, name="leden.XLSX"))
    noor, wout = rows[2], rows[3]
    assert noor.action == wout.action == "create", (noor.problems, wout.problems)
    assert noor.values["phone"] == "0612345678" and noor.values["agb_code"] == "01234567"
    assert noor.values["register_number"] == "0000123" and wout.values["register_number"] == "0000456"
    assert noor.values["registered_from"] == "2022-05-01" and wout.values["registered_from"] == "2023-01-02"
    assert ["zeros", {"column": "agb_code", "value": "01234567"}] in noor.changes


def test_csv_numbers_are_text_and_keep_every_zero(office):
    content = csv_file(
        ["first name", "last name", "email", "register number", "AGB code", "level", "registered from"],
        ["Noor", "Smit", "noor@example.org", "0000123", "00012345", "basis", "1-3-2021"],
        delimiter=",",
    )
    row = plan(content, office, language="en").rows.get()
    assert row.action == "create", row.problems
    assert (row.values["register_number"], row.values["agb_code"], row.values["registered_from"]) == (
        "0000123",
        "00012345",
        "2021-03-01",
    )
    assert not any(code == "zeros" for code, _ in row.changes)


@pytest.mark.parametrize("header", ["BSN", "Burgerservicenummer", "rijksregisternummer", "INSZ", "National number"])
def test_a_national_number_column_refuses_the_whole_file_and_keeps_nothing(office, header):
    content = csv_file([*HEADER_NL, header], ["Anne", "", "Dijk", "anne@example.org", "", "", "", "123456782"])
    with pytest.raises(Refused) as refused:
        plan(content, office)
    assert header in str(refused.value) and "Kring nooit bewaart" in str(refused.value)
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        (
            "leden.csv",
            csv_file([*HEADER_NL, "Schoenmaat"], ["Anne", "", "Dijk", "a@example.org", "", "", "", "39"]),
            "Schoenmaat",
        ),
        ("leden.csv", csv_file(["Voornaam", "Achternaam"], ["Anne", "Dijk"]), "e-mailadres"),
        (
            "leden.csv",
            csv_file(["Voornaam", "Achternaam", "E-mail", "email"], ["Anne", "Dijk", "a@x.nl", "b@x.nl"]),
            "twee keer",
        ),
        ("leden.csv", csv_file(["Voornaam", "Achternaam", "E-mail"], ["Anne", "Dijk", "a@x.nl", "extra"]), "geen naam"),
        ("leden.csv", b"", "leeg"),
        ("leden.xlsx", b"PK\x03\x04 not really a workbook", "Excel"),
        ("leden.xls", b"\xd0\xcf\x11\xe0", ".xlsx"),
        ("leden.pdf", b"%PDF-1.7", "CSV"),
        ("leden.csv", b"\x00\x01\x02\x03binary", "CSV"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_kindly(office, name, content, words):
    with pytest.raises(Refused) as refused:
        plan(content, office, name=name)
    assert words in str(refused.value)
    assert not ImportJob.objects.exists()


def test_duplicates_within_the_file_are_refused_each_with_the_other_line(office):
    content = csv_file(
        [*HEADER_NL, "Registernummer", "Niveau", "Geregistreerd vanaf"],
        ["Anne", "", "Dijk", "anne@example.org", "", "", "", "000301", "basis", "2021-01-01"],
        ["Bram", "", "Dijk", "bram@example.org", "", "", "", "000302", "basis", "2021-01-01"],
        ["Anne", "", "Dijk", "ANNE@example.org", "", "", "", "000303", "basis", "2021-01-01"],
        ["Noor", "", "Smit", "noor@example.org", "", "", "", "000302", "basis", "2021-01-01"],
    )
    rows = rows_of(plan(content, office))
    assert rows[2].problems == [["duplicate", {"column": "email", "lines": [4]}]]
    assert rows[4].problems == [["duplicate", {"column": "email", "lines": [2]}]]
    assert rows[3].problems == [["duplicate", {"column": "register_number", "lines": [5]}]]
    assert all(row.action == "refused" for row in rows.values())


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        (["Anne", "", "Dijk", "geen-adres", "", "", ""], "email"),
        (["Anne", "", "Dijk", "a@example.org", "bel me", "", ""], "phone"),
        (["Anne", "", "Dijk", "a@example.org", "", "goudlid", "2020-01-01"], "type"),
        (["Anne", "", "Dijk", "a@example.org", "", "practitioner", ""], "since_needed"),
        (["Anne", "", "Dijk", "a@example.org", "", "practitioner", "31-02-2020"], "date"),
        (["Anne", "", "Dijk", "a@example.org", "", "", "2020-01-01"], "type_needed"),
        (["", "", "Dijk", "a@example.org", "", "", ""], "required"),
        (["A" * 81, "", "Dijk", "a@example.org", "", "", ""], "too_long"),
    ],
)
def test_a_bad_value_refuses_its_row_with_a_reason(office, cells, problem):
    row = plan(csv_file(HEADER_NL, cells), office).rows.get()
    assert row.action == "refused" and [code for code, _ in row.problems] == [problem]


def test_registration_rows_are_checked_against_the_register(office, trainer, member):
    other = t.make_registration(member, number="007000")
    other.agb_code = "12345678"
    other.save()
    content = csv_file(
        ["Voornaam", "Achternaam", "E-mail", "Registernummer", "AGB", "Niveau", "Geregistreerd vanaf"],
        ["Nieuw", "Mens", "nieuw@example.org", "004211", "", "basis", "2021-01-01"],  # the trainer's number
        ["Twee", "Mens", "twee@example.org", "009999", "12345678", "basis", "2021-01-01"],  # the member's AGB
        [trainer.first_name, trainer.last_name, trainer.user.email, "009998", "", "basis", "2021-01-01"],
        ["Drie", "Mens", "drie@example.org", "12", "1234", "hoog", "2021-01-01"],
        ["Vier", "Mens", "vier@example.org", "009997", "", "basis", ""],
        ["Vijf", "Mens", "vijf@example.org", "", "87654321", "", ""],
    )
    rows = rows_of(plan(content, office))
    assert [code for code, _ in rows[2].problems] == ["number_taken"]
    assert [code for code, _ in rows[3].problems] == ["agb_taken"]
    assert rows[4].problems == [["has_registration", {"number": "004211"}]]
    assert [code for code, _ in rows[5].problems] == ["number", "agb", "level"]
    assert [code for code, _ in rows[6].problems] == ["required"]
    assert [code for code, _ in rows[7].problems] == ["number_needed", "required", "required"]


def test_a_membership_that_overlaps_the_current_one_is_refused(office, member):
    content = csv_file(
        HEADER_NL, [member.first_name, "", member.last_name, member.user.email, "", "trainer", "2025-01-01"]
    )
    row = plan(content, office).rows.get()
    assert row.action == "refused" and row.problems[0][0] == "member_already"


def test_plans_nobody_confirmed_are_forgotten_after_two_weeks(office):
    old = plan(csv_file(HEADER_NL, ["Anne", "", "Dijk", "a@example.org", "", "", ""]), office)
    ImportJob.objects.filter(pk=old.pk).update(created_at=old.created_at - datetime.timedelta(days=15))
    plan(csv_file(HEADER_NL, ["Bram", "", "Dijk", "b@example.org", "", "", ""]), office)
    assert not ImportJob.objects.filter(pk=old.pk).exists()
