"""The import's background work: the batches of the real run, then the invitations, spread out."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from kring.imports import running


@task()
def import_run(job_id: int) -> None:
    """Work through a confirmed import; a worker that stops halfway is picked up where it was."""
    while running.batch_run(job_id):
        pass
    spacing = datetime.timedelta(minutes=settings.KRING_INVITATION_BATCH_MINUTES)
    deferrable = invitations_send.get_backend().supports_defer
    for number, row_ids in enumerate(running.invitation_batches(job_id)):
        if deferrable:
            invitations_send.using(run_after=timezone.now() + number * spacing).enqueue(job_id, row_ids)
        else:  # a backend that runs tasks at once (the tests'): no waiting in between
            invitations_send.enqueue(job_id, row_ids)


@task()
def invitations_send(job_id: int, row_ids: list[int]) -> int:
    return running.invitations_send(job_id, row_ids)
