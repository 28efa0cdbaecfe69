"""The office's import pages: upload, the plan in the reader's language, confirm, the report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kring.imports import services
from kring.imports.models import ImportJob
from kring.imports.tests.helpers import HEADER_NL, csv_file, xlsx_file
from kring.members.models import Person

pytestmark = pytest.mark.django_db


def upload(client, content: bytes, name: str = "leden.csv"):
    return client.post(reverse("imports:start"), {"file": SimpleUploadedFile(name, content)})


def rows(count: int, bad: int = 0) -> list[list[str]]:
    good = [[f"Lid{n}", "", "Jansen", f"lid{n}@example.org", "", "practitioner", "01-01-2021"] for n in range(count)]
    return good + [[f"Fout{n}", "", "Jansen", f"fout{n}@example.org", "", "goudlid", "01-01-2021"] for n in range(bad)]


def test_the_office_uploads_reads_the_plan_and_confirms(office, login):
    client = login(office)
    answer = upload(client, csv_file(HEADER_NL, *rows(2, bad=1)))
    job = ImportJob.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("imports:job", args=[job.pk])
    page = client.get(answer["Location"]).content.decode()
    assert "Er is nog niets opgeslagen" in page and "Importeer 2 rijen" in page
    assert "Het soort lidmaatschap “goudlid” kennen we niet. Kies uit: Trainerslid, Beoefenaar" in page
    assert "Lidmaatschap Beoefenaar vanaf 1 januari 2021." in page
    assert not Person.objects.filter(email__startswith="lid").exists()
    answer = client.post(reverse("imports:confirm", args=[job.pk]), follow=True)
    page = answer.content.decode()
    assert "Het importeren is begonnen" in page and "2 van 2 rijen klaar" in page
    assert '<progress id="progress" max="2" value="2">' in page
    assert Person.objects.filter(email__startswith="lid").count() == 2


def test_the_plan_speaks_the_readers_language(office, login):
    client = login(office)
    job = services.plan_create("leden.csv", csv_file(HEADER_NL, *rows(1, bad=1)), by=office.user, language="nl")
    with translation.override("en"):
        url = reverse("imports:job", args=[job.pk])
    page = client.get(url).content.decode()
    assert "We do not know the membership type “goudlid”. Choose from: Trainer member, Practitioner" in page
    assert "Membership Practitioner from 1 January 2021." in page


def test_a_refused_file_is_explained_on_the_form_and_nothing_is_kept(office, login):
    client = login(office)
    answer = upload(
        client, csv_file([*HEADER_NL, "BSN"], ["Anne", "", "Dijk", "a@example.org", "", "", "", "123456782"])
    )
    assert answer.status_code == 400
    assert "Dit bestand heeft een kolom die Kring nooit bewaart: BSN" in answer.content.decode()
    assert not ImportJob.objects.exists()
    answer = client.post(reverse("imports:start"), {})
    assert answer.status_code == 400 and "Dit veld is verplicht" in answer.content.decode()


def test_an_xlsx_upload_works_like_a_csv(office, login):
    client = login(office)
    answer = upload(client, xlsx_file(HEADER_NL, *rows(3)), name="leden.xlsx")
    assert answer.status_code == 302
    assert ImportJob.objects.get().tally() == {"create": 3}


def test_the_rows_can_be_filtered_and_paged(office, login):
    client = login(office)
    job = services.plan_create("leden.csv", csv_file(HEADER_NL, *rows(120, bad=3)), by=office.user, language="nl")
    url = reverse("imports:job", args=[job.pk])
    refused = client.get(url, {"show": "refused"}).content.decode()
    assert refused.count("<li><p><strong>Regel ") == 3 and "Fout0 Jansen" in refused and "Lid0 Jansen" not in refused
    first = client.get(url).content.decode()
    assert "Pagina 1 van 2" in first and "Lid99 Jansen" in first and "Lid100 Jansen" not in first


@pytest.mark.parametrize("count", [5, 150])
def test_the_plan_page_takes_the_same_queries_for_any_size(office, login, count, django_assert_max_num_queries):
    client = login(office)
    job = services.plan_create("leden.csv", csv_file(HEADER_NL, *rows(count, bad=2)), by=office.user, language="nl")
    with django_assert_max_num_queries(13):  # the same for 5 rows as for 150
        assert client.get(reverse("imports:job", args=[job.pk])).status_code == 200


def test_the_example_file_can_be_imported_as_it_is(office, login):
    client = login(office)
    example = client.get(reverse("imports:example"))
    assert example["Content-Type"].startswith("text/csv")
    assert example.content.decode("utf-8-sig").startswith("voornaam;tussenvoegsel;achternaam;e-mailadres")
    answer = upload(client, example.content)
    assert answer.status_code == 302
    row = ImportJob.objects.get().rows.get()
    assert row.action == "create", row.problems
    assert row.values["register_number"] == "000123" and row.values["agb_code"] == "01234567"


def test_discarding_removes_the_plan(office, login):
    client = login(office)
    job = services.plan_create("leden.csv", csv_file(HEADER_NL, *rows(1)), by=office.user, language="nl")
    answer = client.post(reverse("imports:discard", args=[job.pk]), follow=True)
    assert "Niet geïmporteerd" in answer.content.decode()
    assert not ImportJob.objects.exists()


def test_the_office_finds_the_import_on_its_home_page(office, login):
    page = login(office).get(reverse("members:home")).content.decode()
    assert reverse("imports:start") in page and "Leden importeren" in page
