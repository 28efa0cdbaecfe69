"""A bulk verification whose worker dies is run once more, then says it failed; never "running" forever."""

import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kring.api.models import BulkJob
from kring.api.tests.test_bulk_verification import RECENT, upload_csv
from kring.core import worker
from kring.core.models import WorkerBeat


def _queued_job(api, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return upload_csv(api, f"number,date\n004211,{RECENT}\n").json()


def _started_by(worker_id: str) -> DBTaskResult:
    """What a worker does when it takes the task: claim it; the task then marks the job running."""
    result = DBTaskResult.objects.get()
    result.claim(worker_id)
    BulkJob.objects.update(status=BulkJob.Status.RUNNING)
    return result


def test_a_job_whose_worker_died_runs_again_once_then_fails(api, reimbursed_trainer, settings):
    job = _queued_job(api, settings)
    _started_by("killed-worker")

    assert worker.recover_abandoned("next-worker", idle=True) == 1
    assert DBTaskResult.objects.get().status == "READY"
    assert api.get(job["status_url"]).json()["status"] == "queued"

    _started_by("killed-again")
    assert worker.recover_abandoned("next-worker", idle=True) == 1

    result = DBTaskResult.objects.get()
    assert result.status == "FAILED"
    assert result.exception_class_path == "kring.core.worker.WorkerLost"
    status = api.get(job["status_url"]).json()
    assert status["status"] == "failed" and status["finished_at"] is not None


def test_a_job_of_a_living_worker_is_left_alone(api, reimbursed_trainer, settings):
    job = _queued_job(api, settings)
    _started_by("busy-worker")
    worker.beat("busy-worker")

    assert worker.recover_abandoned("next-worker", idle=True) == 0
    assert DBTaskResult.objects.get().status == "RUNNING"
    assert api.get(job["status_url"]).json()["status"] == "running"


def test_a_worker_that_went_quiet_counts_as_dead(api, reimbursed_trainer, settings):
    settings.KRING_WORKER_STALE_SECONDS = 60
    job = _queued_job(api, settings)
    _started_by("quiet-worker")
    WorkerBeat.objects.create(worker_id="quiet-worker", beat_at=timezone.now() - datetime.timedelta(seconds=61))

    assert worker.recover_abandoned("next-worker") == 1
    assert api.get(job["status_url"]).json()["status"] == "queued"
