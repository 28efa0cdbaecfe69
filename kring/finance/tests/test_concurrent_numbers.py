"""Invoice numbers without gaps under concurrency: many invoices issued at the same moment, each in
its own thread and database connection, get consecutive numbers, none twice and none skipped, also
when some of them roll back. Runs on PostgreSQL (SQLite writes one transaction at a time)."""

import pytest
from django.db import connection, transaction

from kring.core.models import Association
from kring.finance import services
from kring.finance.models import Invoice
from kring.members import vocabulary
from tests import factories as t
from tests.races import POSTGRES_ONLY, race

pytestmark = [pytest.mark.django_db(transaction=True), POSTGRES_ONLY]


class RolledBack(Exception):
    pass


@pytest.fixture(autouse=True)
def _data(transactional_db):
    vocabulary.load()  # transactional tests flush the database, data migrations included
    Association.objects.get_or_create(pk=1, defaults={"name": "Vereniging", "short_name": "VMT"})
    t.association_with_bank()


def test_invoices_issued_at_the_same_moment_get_consecutive_numbers():
    people = [t.PersonFactory() for _ in range(8)]

    def issue(n):
        try:
            with transaction.atomic():
                services.invoice_issue(people[n], [{"description": "x", "amount_cents": 100 + n}], by=None)
                if n % 3 == 0:
                    raise RolledBack  # a failure after taking a number gives the number back
        finally:
            connection.close()

    outcomes = race(issue, list(range(8)), refusals=(RolledBack,))
    assert sorted(outcomes) == ["done"] * 5 + ["refused"] * 3
    sequences = sorted(int(number.split("-")[1]) for number in Invoice.objects.values_list("number", flat=True))
    assert sequences == list(range(1, 6))
