"""Institutes report graduates one by one or from a CSV (dry run first, a line per row); a graduate
applies for first certification, and the application knows whether the programme was accredited on
the graduation date (see kring/recertification/tests/test_graduate_application.py)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kring.accreditation.models import Graduate
from kring.accreditation.services import graduates
from kring.core.refusals import Refused
from tests import factories as t

D = datetime.date


def test_it_reports_a_graduate_and_refuses_the_same_one_twice(programme, institute):
    graduates.graduate_report(
        programme, name="Gert Afgestudeerd", email="Gert@example.nl", graduated_on=D(2025, 6, 30), by=institute.user
    )
    with pytest.raises(Refused, match="al gemeld|already"):
        graduates.graduate_report(
            programme, name="Gert", email="gert@example.nl", graduated_on=D(2025, 6, 30), by=institute.user
        )
    assert Graduate.objects.count() == 1


def test_it_refuses_a_graduation_in_the_future(programme, institute):
    with pytest.raises(Refused):
        graduates.graduate_report(
            programme,
            name="G",
            email="g@example.nl",
            graduated_on=datetime.date.today() + datetime.timedelta(days=1),
            by=institute.user,
        )
    assert not Graduate.objects.exists()


CSV = (
    "programme;name;email;graduated_on\n"
    "{slug};Anna de Vries;anna@example.nl;2025-06-30\n"
    "onbekende-opleiding;Bert;bert@example.nl;2025-06-30\n"
    "{slug};Anna de Vries;anna@example.nl;2025-06-30\n"
    "{slug};Cees;geen-adres;2025-06-30\n"
    "{slug};Dirk Jansen;dirk@example.nl;30-06-2025\n"
)


def test_a_dry_run_reports_every_row_and_stores_nothing(programme, institute):
    report = graduates.graduates_import(
        programme.institute, data=CSV.format(slug=programme.slug).encode(), dry_run=True, by=institute.user
    )
    assert [r.ok for r in report] == [True, False, False, False, True]
    assert [r.line for r in report] == [2, 3, 4, 5, 6]
    assert not Graduate.objects.exists()


def test_the_real_run_stores_the_good_rows(programme, institute):
    report = graduates.graduates_import(
        programme.institute, data=CSV.format(slug=programme.slug).encode(), dry_run=False, by=institute.user
    )
    assert sum(r.ok for r in report) == 2
    assert sorted(Graduate.objects.values_list("email", flat=True)) == ["anna@example.nl", "dirk@example.nl"]


def test_a_programme_of_another_institute_is_unknown(programme, institute):
    other = t.make_programme(t.make_institute("Ander Instituut"), "Andere opleiding")
    data = f"programme,name,email,graduated_on\n{other.slug},Eva,eva@example.nl,2025-01-01\n".encode()
    report = graduates.graduates_import(programme.institute, data=data, dry_run=False, by=institute.user)
    assert not report[0].ok and not Graduate.objects.exists()


def test_a_file_without_the_columns_is_refused(programme, institute):
    with pytest.raises(Refused):
        graduates.graduates_import(programme.institute, data=b"naam,adres\nx,y\n", dry_run=True, by=institute.user)


def test_the_page_shows_the_report(programme, institute, login):
    client = login(institute)
    upload = SimpleUploadedFile("g.csv", CSV.format(slug=programme.slug).encode(), content_type="text/csv")
    response = client.post(
        reverse("accreditation:graduates", args=[programme.pk]),
        {"file": "1", "file-file": upload, "file-dry_run": "on"},
    )
    assert response.status_code == 200
    assert 'id="report"' in response.content.decode()
    assert not Graduate.objects.exists()
