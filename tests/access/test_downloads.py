"""Every file Kring hands out names itself: a Content-Disposition with a file name whose extension
fits its content, so a saved file opens in the right program. The access matrix's cases point at
every URL with the objects it needs; each download below is opened as a role allowed to have it."""

import re

import pytest
from django.urls import reverse

from tests.access.matrix import ROLES
from tests.access.test_matrix import CASES

# Each download, with the extension its file name must have.
DOWNLOADS = {
    "accreditation:document": ".pdf",
    "complaints:committee_document": ".pdf",
    "events:certificate": ".pdf",
    "events:event_ics": ".ics",
    "events:feed": ".ics",
    "events:office_export": ".csv",
    "events:office_export_xlsx": ".xlsx",
    "events:registration_ics": ".ics",
    "finance:collection_file": ".xml",
    "imports:example": ".csv",
    "finance:my_invoice_pdf": ".pdf",
    "find:course_ics": ".ics",
    "find:retreat_ics": ".ics",
    "intervision:group_feed": ".ics",
    "intervision:member_feed": ".ics",
    "intervision:record_pdf": ".pdf",
    "intervision:record_year_json": ".json",
    "intervision:record_year_pdf": ".pdf",
    "members:export": ".json",
    "members:photo": ".jpg",
    "recertification:activity_evidence": ".pdf",
    "recertification:committee_answer_attachment": ".pdf",
    "recertification:committee_certificate": ".pdf",
    "recertification:committee_evidence": ".pdf",
    "register:office_recognitions_csv": ".csv",
    "register:office_register_csv": ".csv",
    "register:open_data_csv": ".csv",
    "register:open_data_json": ".json",
    "register:proof": ".pdf",
}
NOT_FILES = ("text/html", "application/json") + ("text/plain",)
FILENAME = re.compile(r'^(attachment|inline); filename="(?P<name>[^"/\\]+)"')


def _open(case, personas, client):
    kwargs = case.kwargs(personas) if case.kwargs else {}
    url = reverse(case.url_name, kwargs=kwargs) + case.query
    role = (
        next(role for role in ROLES if role in case.allowed and role != "anonymous")
        if case.allowed != {"anonymous"}
        else "anonymous"
    )
    if personas[role] is not None:
        client.force_login(personas[role].user)
    return client.get(url)


GETS = {case.url_name: case for case in CASES if case.method == "get" and case.allowed and 200 in case.ok}


@pytest.mark.parametrize("name", sorted(DOWNLOADS))
def test_the_download_has_a_file_name_with_the_right_extension(name, personas, client):
    response = _open(GETS[name], personas, client)
    assert response.status_code == 200
    match = FILENAME.match(response.get("Content-Disposition", ""))
    assert match, f"{name}: Content-Disposition {response.get('Content-Disposition')!r}"
    filename = match["name"]
    assert filename.endswith(DOWNLOADS[name]) and len(filename) > len(DOWNLOADS[name]), filename


def test_no_download_of_kring_goes_unlisted(personas, client):
    """Every GET case as a role allowed to open it: whatever is not a page is a file, and must be above."""
    unlisted = []
    for name, case in GETS.items():
        if name.startswith(("admin:", "api:")) or name in DOWNLOADS:
            continue
        client.logout()
        response = _open(case, personas, client)
        kind = response.get("Content-Type", "").split(";")[0]
        if response.status_code == 200 and kind not in NOT_FILES:
            unlisted.append(f"{name} ({kind})")
    assert unlisted == [], f"downloads without a case in DOWNLOADS: {unlisted}"
