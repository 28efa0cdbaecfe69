"""Invoice numbers without gaps under concurrency: many invoices issued at the same moment, each in
its own thread and database connection, get consecutive numbers, none twice and none skipped, also
when some of them roll back. Runs on PostgreSQL (SQLite writes one transaction at a time)."""

import threading

import pytest
from django.conf import settings
from django.db import connection, transaction

from kring.core.models import Association
from kring.finance import services
from kring.finance.models import Invoice
from kring.members import vocabulary
from tests import factories as t

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "sqlite" in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite writes one transaction at a time; run on PostgreSQL to show the race.",
    ),
]


class RolledBack(Exception):
    pass


def race(action, arguments, refusals):
    """Call ``action(argument)`` for each argument in its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(arguments))
    outcomes = []

    def run(argument):
        barrier.wait()
        try:
            action(argument)
            outcomes.append("done")
        except refusals:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 # shown in the assertion instead of lost in the thread
            outcomes.append(type(error).__name__)

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


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
