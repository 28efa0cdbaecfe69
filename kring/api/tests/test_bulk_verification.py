import csv
import datetime
import io
import os

from django.utils import timezone

from kring.api import bulk
from kring.api.models import BulkJob
from tests import factories as t

RECENT = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()


def upload_csv(api, text: str | bytes, content_type="text/csv"):
    data = text.encode() if isinstance(text, str) else text
    return api.generic("POST", "/api/v1/bulk", data, content_type=content_type)


def result_rows(api, job_id):
    response = api.get(f"/api/v1/bulk/{job_id}/result.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_verifies_a_csv_in_the_background_and_gives_a_result_file(api, reimbursed_trainer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = upload_csv(
        api, f"number,date\n004211,{RECENT}\n999999,{RECENT}\n004211,31-01-2025\n004211,{tomorrow}\n004211,1990-01-01\n"
    )
    assert response.status_code == 202
    job = response.json()
    assert job["total_rows"] == 5
    status = api.get(job["status_url"]).json()
    assert status["status"] == "done" and status["processed_rows"] == 5
    rows = result_rows(api, job["id"])
    assert [(r["number"], r["registered"], r["counts_for_reimbursement"], r["error"]) for r in rows] == [
        ("004211", "true", "true", ""),
        ("999999", "false", "false", "unknown_number"),
        ("004211", "", "", "invalid_date"),
        ("004211", "", "", "date_in_future"),
        ("004211", "false", "false", ""),
    ]
    assert rows[0]["status"] == "active" and rows[0]["level"] == "specialist"


def test_it_accepts_a_json_list(api, reimbursed_trainer):
    response = api.post("/api/v1/bulk", [{"number": "004211", "date": RECENT}], content_type="application/json")
    assert response.status_code == 202
    assert result_rows(api, response.json()["id"])[0]["registered"] == "true"


def test_it_accepts_a_spreadsheet_csv_with_semicolons_and_a_bom(api, reimbursed_trainer):
    response = upload_csv(api, "\ufeffNumber;Date\r\n004211;2025-06-01\r\n")
    assert response.status_code == 202


def assert_refused(response, status, code):
    assert response.status_code == status, response.content
    assert response.json()["error"] == code
    assert response.json()["message"]
    assert BulkJob.objects.count() == 0


def test_it_refuses_wrong_columns(api, db):
    assert_refused(upload_csv(api, "registration,when\n004211,2025-01-31\n"), 400, "wrong_columns")
    assert_refused(upload_csv(api, "004211,2025-01-31\n"), 400, "wrong_columns")
    assert_refused(upload_csv(api, "number,date\n004211,2025-01-31,extra\n"), 400, "wrong_columns")


def test_it_refuses_a_file_that_is_not_utf8(api, db):
    assert_refused(upload_csv(api, "number,date\nJosé,2025-01-31\n".encode("latin-1")), 400, "not_utf8")


def test_it_refuses_an_empty_file(api, db):
    assert_refused(upload_csv(api, b""), 400, "empty_file")
    assert_refused(upload_csv(api, "number,date\n"), 400, "empty_file")
    assert_refused(api.post("/api/v1/bulk", [], content_type="application/json"), 400, "empty_file")


def test_it_refuses_10_mb_of_garbage(api, db):
    assert_refused(upload_csv(api, os.urandom(10 * 1024 * 1024)), 400, "not_utf8")
    assert_refused(upload_csv(api, os.urandom(10 * 1024 * 1024 + 1)), 413, "too_large")
    assert_refused(upload_csv(api, "x" * (10 * 1024 * 1024)), 400, "wrong_columns")


def test_it_refuses_too_many_rows(api, db):
    text = "number,date\n" + "004211,2025-01-31\n" * (bulk.MAX_ROWS + 1)
    assert_refused(upload_csv(api, text), 413, "too_many_rows")


def test_it_refuses_malformed_json_and_other_media_types(api, db):
    assert_refused(upload_csv(api, "[{", "application/json"), 400, "invalid_json")
    assert_refused(upload_csv(api, '{"number": "004211"}', "application/json"), 400, "wrong_shape")
    assert_refused(upload_csv(api, '[{"number": 4211, "date": "2025-01-31"}]', "application/json"), 400, "wrong_shape")
    assert_refused(
        upload_csv(api, "number,date\n004211,2025-01-31\n", "application/pdf"), 415, "unsupported_media_type"
    )


def test_it_shows_another_insurers_job_as_unknown(api, reimbursed_trainer, db):
    from django.test import Client

    from kring.api import services
    from kring.api.models import Insurer

    job = upload_csv(api, "number,date\n004211,2025-01-31\n").json()
    _, secret = services.api_key_create(Insurer.objects.create(name="Ander"), name="x")
    other = Client(headers={"Authorization": f"Bearer {secret}"})
    assert other.get(f"/api/v1/bulk/{job['id']}").status_code == 404
    assert other.get(f"/api/v1/bulk/{job['id']}/result.csv").json()["error"] == "unknown_job"
    assert api.get("/api/v1/bulk/not-a-uuid").status_code == 422


def test_it_says_when_the_result_is_not_ready(api, api_key, reimbursed_trainer):
    job = BulkJob.objects.create(insurer=api_key.insurer, key=api_key, rows=[["004211", "2025-01-31"]], total_rows=1)
    response = api.get(f"/api/v1/bulk/{job.pk}/result.csv")
    assert response.status_code == 409
    assert response.json()["error"] == "not_ready"
    assert api.get(f"/api/v1/bulk/{job.pk}").json()["result_url"] is None


def test_it_verifies_ten_thousand_rows_in_a_few_queries(reimbursed_trainer, django_assert_max_num_queries):
    for n in range(50):
        t.make_registration(reimbursed_trainer, number=f"10{n:04d}")
    rows = [(f"10{n % 60:04d}", "2025-01-31") for n in range(10_000)]
    with django_assert_max_num_queries(20):  # speed itself is measured in benchmarks/, not here
        results = list(bulk.verify_rows(rows))
    assert len(results) == 10_000
    assert sum(1 for r in results if r[-1] == "unknown_number") == sum(1 for n in range(10_000) if n % 60 >= 50)


def test_bulk_answers_agree_with_single_lookups_on_edge_dates(api, member):
    from kring.register.models import Level, RegistrationPeriod, Status

    d = datetime.date
    registration = t.make_registration(member, number="001000", starts_on=d(2020, 1, 1), ends_on=d(2022, 6, 30))
    registration.programmes.add(*registration.programmes.model.objects.filter(code__in=["mbsr", "mbcl"]))
    RegistrationPeriod.objects.create(
        registration=registration,
        status=Status.SUSPENDED,
        level=Level.SPECIALIST,
        starts_on=d(2022, 7, 1),
        ends_on=d(2022, 9, 30),
    )
    RegistrationPeriod.objects.create(
        registration=registration, status=Status.ACTIVE, level=Level.BASIS, starts_on=d(2022, 10, 1)
    )
    dates = ["2019-12-31", "2020-01-01", "2022-06-30", "2022-07-01", "2022-09-30", "2022-10-01", RECENT]
    rows = list(bulk.verify_rows([("001000", on) for on in dates]))
    for row, on in zip(rows, dates, strict=True):
        single = api.get(f"/api/v1/registrations/001000?on={on}").json()
        assert row[2:6] == [
            str(single["registered"]).lower(),
            single["status"] or "",
            single["level"] or "",
            str(single["counts_for_reimbursement"]).lower(),
        ], on
    assert [row[2] for row in rows] == ["false", "true", "true", "false", "false", "true", "true"]


def test_it_refuses_nul_characters_in_json(api, db):
    assert_refused(
        upload_csv(api, '[{"number": "0042\\u000011", "date": "2025-01-31"}]', "application/json"), 400, "not_text"
    )


def test_it_answers_at_once_and_verifies_in_the_background(api, reimbursed_trainer, settings):
    from kring.api.tasks import bulk_job_run

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    job = upload_csv(api, f"number,date\n004211,{RECENT}\n").json()
    assert (job["status"], job["processed_rows"], job["result_url"]) == ("queued", 0, None)
    assert api.get(f"/api/v1/bulk/{job['id']}/result.csv").status_code == 409

    bulk_job_run.call(job["id"])  # what the worker (manage.py db_worker) does

    status = api.get(job["status_url"]).json()
    assert (status["status"], status["processed_rows"]) == ("done", 1)
    assert result_rows(api, job["id"])[0]["registered"] == "true"
