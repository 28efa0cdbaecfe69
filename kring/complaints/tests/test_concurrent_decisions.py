"""Two committee members deciding the same complaint at the same moment: one decision, one measure."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from kring.complaints.models import Case
from kring.complaints.services import procedure
from kring.complaints.tests.helpers import invited_case
from kring.core.refusals import Refused
from kring.register.models import Status


@pytest.mark.django_db(transaction=True)
def test_two_members_deciding_at_once_suspend_once(flushed_data, trainer, complaints, second_member):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite writes one transaction at a time")
    registration = trainer.registrations.get()
    case = invited_case(registration, complaints.user)
    until = timezone.localdate() + datetime.timedelta(days=30)
    results, barrier = [], threading.Barrier(2)

    def decide(user):
        try:
            barrier.wait()
            procedure.case_decide(case, outcome="suspension", reason="Gegrond", measure_until=until, by=user)
            results.append("decided")
        except Refused:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(user,)) for user in (complaints.user, second_member.user)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["decided", "refused"]
    assert registration.periods.filter(status=Status.SUSPENDED).count() == 1
    assert Case.objects.get(pk=case.pk).entries.filter(kind="decision").count() == 1
