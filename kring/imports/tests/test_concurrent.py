"""Two office members confirming at once, two workers running the same import, a person choosing a
password in two tabs: each happens once (threads with their own connections, on PostgreSQL)."""

import pytest

from kring.accounts import invitations
from kring.accounts import services as account_services
from kring.accounts.models import User
from kring.imports import running, services
from kring.imports.models import ImportJob
from kring.imports.tests.helpers import HEADER_NL, csv_file
from kring.members import vocabulary
from kring.members.models import Membership, Person
from tests import factories as t
from tests.races import POSTGRES_ONLY, race

pytestmark = [pytest.mark.django_db(transaction=True), POSTGRES_ONLY]


@pytest.fixture(autouse=True)
def _data(transactional_db):
    vocabulary.load()


def office_user():
    person = t.PersonFactory()
    t.grant(person.user, "office")
    return person.user


def plan(by, count=30):
    rows = [[f"Lid{n}", "", "Jansen", f"lid{n}@example.org", "", "practitioner", "01-01-2021"] for n in range(count)]
    return services.plan_create("leden.csv", csv_file(HEADER_NL, *rows), by=by, language="nl")


def test_two_confirmations_at_once_import_once():
    first, second = office_user(), office_user()
    job = plan(first)
    outcomes = race(lambda user: services.job_confirm(job, by=user), [first, second])
    assert sorted(outcomes) == ["done", "refused"]
    assert Person.objects.filter(email__startswith="lid").count() == 30
    assert Membership.objects.filter(person__email__startswith="lid").count() == 30


def test_two_workers_on_one_import_write_each_row_once(settings):
    settings.KRING_IMPORT_BATCH_ROWS = 5
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued, run by the threads
    user = office_user()
    job = plan(user)
    services.job_confirm(job, by=user)

    def work(_):
        while running.batch_run(job.pk):
            pass

    assert race(work, [1, 2]) == ["done", "done"]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.done == 30
    assert Person.objects.filter(email__startswith="lid").count() == 30
    assert set(job.rows.values_list("outcome", flat=True)) == {"create"}


def test_one_invitation_used_in_two_tabs_at_once_sets_one_password():
    user, _new = account_services.account_for_invitation("nieuw@example.org", language="nl", by=None)
    token = invitations.token_for(user)
    outcomes = race(
        lambda password: account_services.invitation_accept(invitations.user_for(token) or user, password),
        ["eerste-wachtwoord-1", "tweede-wachtwoord-2"],
    )
    assert sorted(outcomes) == ["done", "refused"]
    user = User.objects.get(pk=user.pk)
    assert user.check_password("eerste-wachtwoord-1") != user.check_password("tweede-wachtwoord-2")
