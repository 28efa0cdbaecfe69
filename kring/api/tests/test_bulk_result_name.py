"""The bulk verification's result is a download with a name and the .csv extension."""


def test_the_bulk_verification_result_is_a_named_csv(api, reimbursed_trainer):
    job = api.generic("POST", "/api/v1/bulk", b"number,date\n004211,2026-01-05\n", content_type="text/csv").json()
    response = api.get(f"/api/v1/bulk/{job['id']}/result.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="kring-verification-{job["id"]}.csv"'
