"""Background work of the API: bulk verification."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from kring.api import bulk
from kring.api.models import BulkJob
from kring.core import worker


@task()
def bulk_job_run(job_id: str) -> int:
    """Verify every row of a bulk job, recording progress per chunk; the result is stored as CSV."""
    job = BulkJob.objects.get(pk=job_id)
    BulkJob.objects.filter(pk=job.pk).update(status=BulkJob.Status.RUNNING)
    rows = [tuple(row) for row in job.rows]
    results = []
    try:
        for result in bulk.verify_rows(rows):
            results.append(result)
            if len(results) % bulk.CHUNK == 0:
                BulkJob.objects.filter(pk=job.pk).update(processed_rows=len(results))
    except Exception:
        BulkJob.objects.filter(pk=job.pk).update(status=BulkJob.Status.FAILED, finished_at=timezone.now())
        raise
    BulkJob.objects.filter(pk=job.pk).update(
        status=BulkJob.Status.DONE,
        processed_rows=len(results),
        result=bulk.result_csv(results),
        finished_at=timezone.now(),
    )
    return len(results)


@worker.when_abandoned(bulk_job_run)
def bulk_job_abandoned(job_id: str, *, retrying: bool) -> None:
    """The worker died during the verification: the job starts again once, then says it failed
    (the client uploads the file again)."""
    if retrying:
        BulkJob.objects.filter(pk=job_id).update(status=BulkJob.Status.QUEUED, processed_rows=0)
    else:
        BulkJob.objects.filter(pk=job_id).update(status=BulkJob.Status.FAILED, finished_at=timezone.now())
