"""Opening a page never writes: every GET of the access matrix, as every role, leaves every table as it was.

Rows are made by the action that needs them (a save, a submission, a draw) or by a data migration,
never because someone looked. Logging in happens before counting, so the session and the login's own
bookkeeping do not count.
"""

import pytest
from django.db import connection
from django.urls import reverse

from tests.access.matrix import ROLES
from tests.access.test_matrix import CASES

GET_CASES = [case for case in CASES if case.method == "get"]

# Sessions are the one table any page may write: the language chosen and one-time messages live there.
IGNORED = {"django_session"}

# Records of the reading itself, which is the point of these pages: a download of personal data is
# written in the audit trail, and every call to the insurers' API in its call log. Nothing else.
RECORDS_OF_READING = {
    "members:export": {"core_auditentry"},
    "register:office_register_csv": {"core_auditentry"},
    "register:office_recognitions_csv": {"core_auditentry"},
    # Every opening of a complaint is in the audit trail (kring.complaints.visibility).
    "complaints:committee_case": {"core_auditentry"},
    "complaints:committee_document": {"core_auditentry"},
    "complaints:trainer_case": {"core_auditentry"},
}
API_CALL_LOG = {"api_apicall"}


def row_counts() -> dict[str, int]:
    """The number of rows of every table of Kring and the libraries it uses, in one query."""
    tables = sorted(set(connection.introspection.table_names()) - IGNORED)
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(f"SELECT '{table}', COUNT(*) FROM {quote(table)}" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


@pytest.mark.parametrize("role", ROLES)
def test_opening_a_page_changes_no_table(role, personas, client):
    if personas[role] is not None:
        client.force_login(personas[role].user)
    changed = []
    for case in GET_CASES:
        url = reverse(case.url_name, kwargs=case.kwargs(personas) if case.kwargs else {}) + case.query
        before = row_counts()
        client.get(url)
        after = row_counts()
        allowed = RECORDS_OF_READING.get(case.url_name, set())
        if case.url_name.startswith("api:"):
            allowed = allowed | API_CALL_LOG
        difference = {
            table: f"{before[table]} -> {after[table]}"
            for table in before
            if before[table] != after[table] and not (table in allowed and after[table] == before[table] + 1)
        }
        if difference:
            changed.append(f"{url} {difference}")
    assert not changed, f"GET as {role} wrote rows:\n" + "\n".join(changed)
