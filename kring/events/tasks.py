"""Background tasks of events. Workers run them with ``manage.py kring_worker``."""

from django_tasks import task


@task()
def move_waiting_lists_task() -> dict:
    """The same as ``manage.py events_move_waiting_lists``, for a scheduler that queues tasks."""
    from kring.events.services import move_waiting_lists

    return move_waiting_lists()
