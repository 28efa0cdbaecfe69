"""E-mail leaves Kring through a task: at once in tests, through the database queue in production."""

from django.core import mail
from django.core.management import call_command

from kring.core import emails


def test_it_sends_through_the_immediate_backend(db):
    emails.send_rendered(to=["anne@example.org"], subject="Welkom", body="Fijn dat je er bent.")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anne@example.org"]
    assert mail.outbox[0].subject == "Welkom"


def test_it_queues_in_the_database_and_the_worker_sends_it(transactional_db, settings):
    # transactional_db: the worker closes its database connection when it is done, as in production.
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    emails.send_rendered(to=["bram@example.org"], subject="Je registratie", body="Alles is in orde.")
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bram@example.org"]
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
