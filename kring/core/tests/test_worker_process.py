"""The real worker process (``manage.py kring_worker``) on PostgreSQL: killed with SIGKILL while a task
runs, the next worker runs the task again, and fails it when it is lost a second time; connections
cut by the server do not stop it. The worker shares the test database, so data must be committed
(``transactional_db``)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from kring.core.tests.worker_tasks import wait_for_file

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the worker process shares a PostgreSQL test database"
)


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


class WorkerProcess:
    def __init__(self):
        env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "DJANGO_SETTINGS_MODULE": "kring.settings",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "KRING_WORKER_HEARTBEAT_SECONDS": "0.3",
            "KRING_WORKER_STALE_SECONDS": "2",
        }
        command = [
            sys.executable,
            "manage.py",
            "kring_worker",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--no-reload",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def output(self) -> str:
        self.stop()
        return self.process.stdout.read().decode(errors="replace")


@pytest.fixture
def workers():
    started = []

    def start():
        started.append(WorkerProcess())
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def database_queue(transactional_db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _wait_until(condition, seconds=30.0, what="condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _result(pk) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=pk)


def _running_by_attempt(pk, attempt: int) -> bool:
    result = _result(pk)
    return result.status == "RUNNING" and len(result.worker_ids) == attempt


def test_a_task_of_a_killed_worker_runs_again_and_fails_when_lost_twice(database_queue, workers, tmp_path):
    first = wait_for_file.enqueue(str(tmp_path / "never"))
    worker = workers()
    _wait_until(lambda: _running_by_attempt(first.id, 1), what="the first worker to take the task")
    worker.kill()

    worker = workers()
    _wait_until(lambda: _running_by_attempt(first.id, 2), what="the next worker to run the task again")
    worker.kill()

    worker = workers()
    failed = _wait_until(lambda: _result(first.id).status == "FAILED" and _result(first.id), what="the task to fail")
    assert failed.exception_class_path == "kring.core.worker.WorkerLost"

    done = tmp_path / "done"
    done.write_text("ok")
    second = wait_for_file.enqueue(str(done))
    _wait_until(lambda: _result(second.id).status == "SUCCESSFUL", what="the next task to run")
    assert worker.process.poll() is None


def test_a_task_of_a_killed_worker_is_finished_by_the_next_one(database_queue, workers, tmp_path):
    done = tmp_path / "done"
    queued = wait_for_file.enqueue(str(done))
    worker = workers()
    _wait_until(lambda: _running_by_attempt(queued.id, 1), what="the worker to take the task")
    worker.kill()

    workers()
    _wait_until(lambda: _running_by_attempt(queued.id, 2), what="the next worker to run the task again")
    done.write_text("finished")
    _wait_until(lambda: _result(queued.id).status == "SUCCESSFUL", what="the task to finish")
    assert _result(queued.id).return_value == "finished"


def _cut_worker_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [connection.settings_dict["NAME"]],
        )
        return cursor.fetchone()[0]


def test_the_worker_survives_connections_cut_for_two_seconds(database_queue, workers, tmp_path):
    done = tmp_path / "done"
    done.write_text("before")
    before = wait_for_file.enqueue(str(done))
    worker = workers()
    _wait_until(lambda: _result(before.id).status == "SUCCESSFUL", what="the first task")

    cut = 0
    until = time.monotonic() + 2
    while time.monotonic() < until:
        cut += _cut_worker_connections()
        time.sleep(0.05)
    assert cut > 0, "the outage reached no connection of the worker"

    after = wait_for_file.enqueue(str(done))
    _wait_until(lambda: _result(after.id).status == "SUCCESSFUL", seconds=40, what="the task after the outage")
    assert worker.process.poll() is None, worker.output()
