"""The real run: one transaction per batch through each app's services, checked again before it
writes, then the invitations to choose a password, in batches."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from kring.accounts.models import User
from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.imports import running, services
from kring.imports.models import ImportJob
from kring.imports.tests.helpers import HEADER_NL, csv_file
from kring.members.models import Person
from kring.register import history
from kring.register.models import Registration, SearchEntry
from tests import factories as t

pytestmark = pytest.mark.django_db

HEADER = [*HEADER_NL, "Registernummer", "AGB-code", "Niveau", "Geregistreerd vanaf", "Geregistreerd tot"]


def people(count: int, start: int = 1) -> list[list[str]]:
    return [
        [f"Lid{n}", "", "Jansen", f"lid{n}@example.org", "", "practitioner", "01-01-2021", "", "", "", "", ""]
        for n in range(start, start + count)
    ]


def checked(office, *rows) -> ImportJob:
    return services.plan_create("leden.csv", csv_file(HEADER, *rows), by=office.user, language="nl")


def test_a_confirmed_import_makes_people_memberships_and_registrations(office, member):
    job = checked(
        office,
        [
            "Anne",
            "van",
            "Dijk",
            "anne@example.org",
            "0612345678",
            "trainer",
            "01-01-2020",
            "000123",
            "01234567",
            "specialist",
            "2021-03-01",
            "2030-02-28",
        ],
        [member.first_name, "", member.last_name, member.user.email, "0301234567", "", "", "", "", "", "", ""],
        ["Zonder", "", "Adres", "", "", "", "", "", "", "", "", ""],
    )
    services.job_confirm(job, by=office.user)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.done == job.to_import == 2
    anne = Person.objects.get(email="anne@example.org")
    assert (anne.first_name, anne.name_prefix, anne.phone, anne.user.email) == (
        "Anne",
        "van",
        "0612345678",
        "anne@example.org",
    )
    assert not anne.user.has_usable_password()
    membership = anne.memberships.get()
    assert (membership.type.code, membership.starts_on, membership.history.count()) == (
        "trainer",
        datetime.date(2020, 1, 1),
        1,
    )
    registration = Registration.objects.get(number="000123")
    assert registration.person == anne and registration.agb_code == "01234567"
    assert history.valid_until(list(registration.periods.all()), datetime.date(2022, 1, 1)) == datetime.date(
        2030, 2, 28
    )
    assert SearchEntry.objects.filter(registration=registration).exists()  # found by "find a trainer"
    member.refresh_from_db()
    assert member.phone == "0301234567"
    outcomes = {row.line: row.outcome for row in job.rows.all()}
    assert outcomes == {2: "create", 3: "update", 4: "refused"}
    assert all(row.values == {} for row in job.rows.all())  # no second copy of the membership is kept
    assert AuditEntry.objects.filter(action="kring.register.status.created", person_id=anne.pk).exists()
    assert AuditEntry.objects.filter(action="kring.imports.batch.done").count() == 1


def test_the_invited_person_chooses_a_password_and_logs_in(office, client):
    services.job_confirm(checked(office, *people(1)), by=office.user)
    invitation = next(message for message in mail.outbox if "lid1@example.org" in message.to)
    assert invitation.subject.startswith("Kies je wachtwoord")
    assert "Beste Lid1," in invitation.body and "30 dagen" in invitation.body
    link = re.search(r"https?://\S+/account/uitnodiging/\S+/", invitation.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200 and "lid1@example.org" in page.content.decode()
    answer = client.post("/" + path, {"new_password1": "rustig-ademhalen-77", "new_password2": "rustig-ademhalen-77"})
    assert answer.status_code == 302 and answer["Location"] == reverse("account_login")
    user = User.objects.get(email="lid1@example.org")
    assert user.has_usable_password() and user.emailaddress_set.get().verified
    assert (
        client.post(
            reverse("account_login"), {"login": "lid1@example.org", "password": "rustig-ademhalen-77"}
        ).status_code
        == 302
    )
    assert client.get("/" + path).status_code == 410  # the link works once


def test_an_altered_or_expired_invitation_link_explains_what_to_do(office, client, settings):
    services.job_confirm(checked(office, *people(1)), by=office.user)
    user = User.objects.get(email="lid1@example.org")
    from kring.accounts import invitations

    token = invitations.token_for(user)
    page = client.get(reverse("accounts:invitation", args=[token[:-2] + "xx"]))
    assert page.status_code == 410 and "Wachtwoord vergeten?" in page.content.decode()
    settings.KRING_INVITATION_DAYS = 0
    assert invitations.user_for(token) is None
    answer = client.post(
        reverse("accounts:invitation", args=[token]),
        {"new_password1": "a-b-c-d-e-f-9", "new_password2": "a-b-c-d-e-f-9"},
    )
    assert answer.status_code == 410
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_a_weak_password_is_refused_on_the_invitation_page(office, client):
    services.job_confirm(checked(office, *people(1)), by=office.user)
    from kring.accounts import invitations

    user = User.objects.get(email="lid1@example.org")
    page = client.post(
        reverse("accounts:invitation", args=[invitations.token_for(user)]),
        {"new_password1": "123", "new_password2": "123"},
    )
    assert page.status_code == 200 and "te kort" in page.content.decode()
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_rows_are_imported_in_batches_of_one_transaction_each(office, settings):
    settings.KRING_IMPORT_BATCH_ROWS = 2
    job = checked(office, *people(5))
    services.job_confirm(job, by=office.user)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.done == 5
    assert AuditEntry.objects.filter(action="kring.imports.batch.done", object_id=str(job.pk)).count() == 3
    assert Person.objects.filter(email__startswith="lid").count() == 5


def test_what_changed_after_the_dry_run_is_seen_by_the_real_run(office, member):
    job = checked(
        office,
        ["Nieuw", "", "Mens", "nieuw@example.org", "", "", "", "000777", "", "basis", "2021-01-01", ""],
        *people(1),
    )
    t.make_registration(member, number="000777")  # the number is given to someone else meanwhile
    services.job_confirm(job, by=office.user)
    rows = {row.line: row for row in job.rows.all()}
    assert rows[2].outcome == "refused" and rows[2].problems[0][0] == "number_taken"
    assert rows[3].outcome == "create"
    assert not Person.objects.filter(email="nieuw@example.org").exists()  # nothing half of the row


def test_a_plan_is_confirmed_once_and_discarded_only_before(office):
    job = checked(office, *people(1))
    services.job_confirm(job, by=office.user)
    with pytest.raises(Refused):
        services.job_confirm(job, by=office.user)
    with pytest.raises(Refused):
        services.plan_discard(job, by=office.user)
    assert Person.objects.filter(email="lid1@example.org").count() == 1


def test_a_discarded_plan_is_gone_and_cannot_be_confirmed(office):
    job = checked(office, *people(1))
    services.plan_discard(job, by=office.user)
    assert not ImportJob.objects.filter(pk=job.pk).exists()
    with pytest.raises(Refused, match="weggegooid"):
        services.job_confirm(job, by=office.user)


def test_a_plan_of_only_refused_rows_cannot_be_confirmed(office):
    job = checked(office, ["Anne", "", "", "", "", "", "", "", "", "", "", ""])
    with pytest.raises(Refused, match="Geen enkele rij"):
        services.job_confirm(job, by=office.user)
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.CHECKED


def test_invitations_go_out_in_spaced_batches_with_a_waiting_worker(office, settings):
    """With the database task queue (production's), each batch of invitations waits its turn."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.KRING_INVITATIONS_PER_BATCH = 2
    job = checked(office, *people(5))
    services.job_confirm(job, by=office.user)
    from kring.imports.tasks import import_run

    import_run.call(job.pk)  # what the worker does with the queued task
    queued = DBTaskResult.objects.filter(task_path="kring.imports.tasks.invitations_send").order_by("run_after")
    waits = [task.run_after for task in queued]
    assert len(waits) == 3
    assert waits[1] - waits[0] >= datetime.timedelta(minutes=settings.KRING_INVITATION_BATCH_MINUTES - 1)
    assert running.invitations_send(job.pk, queued[0].args_kwargs["args"][1]) == 2
    assert running.invitations_send(job.pk, queued[0].args_kwargs["args"][1]) == 0  # each is invited once
