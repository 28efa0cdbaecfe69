"""The bulk result repeats what was uploaded; a formula there comes back as text."""

import csv
import io


def test_the_result_file_writes_an_uploaded_formula_as_text(api, reimbursed_trainer):
    upload = 'number,date\n"=HYPERLINK(""https://evil.example"",""x"")",@SUM(A1)\n004211,2026-01-05\n'
    job = api.generic("POST", "/api/v1/bulk", upload.encode(), content_type="text/csv").json()
    response = api.get(f"/api/v1/bulk/{job['id']}/result.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["number"] == "'" + '=HYPERLINK("https://evil.example","x")'
    assert rows[0]["date"] == "'@SUM(A1)"
    assert (rows[1]["number"], rows[1]["date"]) == ("004211", "2026-01-05")
