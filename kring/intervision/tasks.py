"""Background tasks of intervision. Workers run them with ``manage.py db_worker``."""

from django_tasks import task


@task()
def proposals_run_task(seed: int | None = None) -> int:
    """Run the group former over everyone looking for a group; returns the run's id."""
    from kring.intervision.proposals import proposals_run

    return proposals_run(seed=seed).pk
