"""The task worker Kring runs (``manage.py kring_worker``): django-tasks-db's worker loop, plus

- a heartbeat: every worker writes its ``WorkerBeat`` row every few seconds from a thread, so the
  others can tell a busy worker from a dead one;
- recovery: a task still marked running by a worker that has gone quiet (killed, machine gone) is
  queued again once, and failed with ``WorkerLost`` when it is lost a second time. A task can name
  what its own rows must say then, with ``when_abandoned`` (a bulk job says "failed, try again");
- patience with the database: a connection error (a restart, a failover, a network blip) makes the
  worker wait and reconnect with backoff instead of exiting.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from collections.abc import Callable
from traceback import format_exception

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connections, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from kring.core.models import WorkerBeat

logger = logging.getLogger("kring.worker")

DATABASE_ERRORS = (OperationalError, InterfaceError)
MAX_ATTEMPTS = 2  # a lost task is run once more, then failed
MAX_BACKOFF_SECONDS = 30.0
FORGET_WORKERS_AFTER = datetime.timedelta(days=1)

_abandoned_handlers: dict[str, Callable] = {}


class WorkerLost(Exception):
    """The worker running this task stopped (killed or gone) before the task finished."""


def heartbeat_seconds() -> float:
    return settings.KRING_WORKER_HEARTBEAT_SECONDS


def stale_after() -> datetime.timedelta:
    """How long a worker may stay silent before its running tasks count as abandoned."""
    return datetime.timedelta(seconds=settings.KRING_WORKER_STALE_SECONDS)


def when_abandoned(task) -> Callable[[Callable], Callable]:
    """Register ``handler(*args, retrying=bool, **kwargs)`` for ``task``: called with the task's own
    arguments, in the transaction that queues the lost task again (``retrying=True``) or fails it."""

    def register(handler: Callable) -> Callable:
        _abandoned_handlers[task.module_path] = handler
        return handler

    return register


def beat(worker_id: str) -> None:
    WorkerBeat.objects.update_or_create(worker_id=worker_id, defaults={"beat_at": timezone.now()})


def recover_abandoned(me: str, *, idle: bool = False) -> int:
    """Queue again or fail the running tasks whose worker is silent; returns how many. ``me`` is the
    calling worker: its own tasks count as alive, unless it is ``idle`` (between two tasks), when
    anything still marked running under its id was cut off by a database error."""
    now = timezone.now()
    alive = set(WorkerBeat.objects.filter(beat_at__gte=now - stale_after()).values_list("worker_id", flat=True))
    if idle:
        alive.discard(me)
    else:
        alive.add(me)
    recovered = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            if result.worker_ids and result.worker_ids[-1] in alive:
                continue
            _recover(result)
            recovered += 1
        WorkerBeat.objects.filter(beat_at__lt=now - FORGET_WORKERS_AFTER).delete()
    return recovered


def _recover(result: DBTaskResult) -> None:
    retrying = len(result.worker_ids) < MAX_ATTEMPTS
    logger.warning(
        "Task %s (%s) lost its worker after %d attempt(s); %s",
        result.pk,
        result.task_path,
        len(result.worker_ids),
        "queueing it again" if retrying else "failing it",
    )
    if retrying:
        result.status = TaskResultStatus.READY
        result.save(update_fields=["status"])
    else:
        result.set_failed(WorkerLost(f"The worker stopped {len(result.worker_ids)} times while running this task."))
    handler = _handler_for(result)
    if handler is not None:
        handler(*result.args_kwargs["args"], retrying=retrying, **result.args_kwargs["kwargs"])


def _handler_for(result: DBTaskResult) -> Callable | None:
    try:
        task = result.task  # importing the task's module registers its handler
    except Exception:
        return None
    return _abandoned_handlers.get(task.module_path)


class KringWorker(Worker):
    """django-tasks-db's worker, with a heartbeat, recovery of abandoned tasks and database patience."""

    def run(self) -> None:
        threading.Thread(target=self._beat_forever, name="kring-worker-heartbeat", daemon=True).start()
        backoff = 1.0
        while self.running:
            began = time.monotonic()
            try:
                close_old_connections()
                recover_abandoned(self.worker_id, idle=True)
                super().run()
                return  # --batch or --max-tasks reached
            except DATABASE_ERRORS as error:
                if time.monotonic() - began > MAX_BACKOFF_SECONDS:
                    backoff = 1.0  # it worked for a while: this is a new outage
                logger.warning("Database unavailable (%s); trying again in %.0f s", _first_line(error), backoff)
                connections.close_all()
                time.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    def _beat_forever(self) -> None:
        """Beat, and recover what other workers left behind, every few seconds, also while a task runs."""
        while self.running:
            try:
                beat(self.worker_id)
                recover_abandoned(self.worker_id)
            except DATABASE_ERRORS as error:
                logger.warning("Heartbeat failed (%s)", _first_line(error))
                connections.close_all()  # this thread's connections only
            except Exception:
                logger.exception("Heartbeat failed")
            time.sleep(heartbeat_seconds())


def _first_line(error: BaseException) -> str:
    return "".join(format_exception(error)).strip().splitlines()[-1]
