"""Helpers shared by the benchmarks: fresh databases, a real WSGI server, a load generator.

Everything runs on this machine: the server listens on 127.0.0.1 only and the load generator sends a
fixed number of requests per scenario, so a run is bounded and repeatable.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable
POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


# --- Databases ------------------------------------------------------------------------------------


def postgres_reachable() -> bool:
    try:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return True
    except Exception:
        return False


def postgres_url(name: str) -> str:
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def postgres_seeded(name: str) -> bool:
    """Whether the PostgreSQL database ``name`` exists and a benchmark ran in it after its seed (it
    made the insurer "Benchmark")."""
    import psycopg

    try:
        with psycopg.connect(postgres_url(name), connect_timeout=3) as connection:
            return connection.execute("SELECT count(*) FROM api_insurer WHERE name = 'Benchmark'").fetchone()[0] > 0
    except psycopg.Error:
        return False


def fresh_database(kind: str, name: str) -> str:
    """Create an empty database for one benchmark and return its DATABASE_URL."""
    if kind == "sqlite":
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        path = BENCH_DIR / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgres_url(name)


def django_env(database_url: str) -> dict[str, str]:
    """The environment for Kring processes of a benchmark: its database, persistent connections."""
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "kring.settings",
            "CONN_MAX_AGE": "60",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "PYTHONPATH": str(ROOT),
        }
    )
    # The production entry point refuses to start without a complaints key; a benchmark's data has
    # no complaints, so a throwaway key made for this run is enough.
    if not env.get("KRING_COMPLAINTS_KEYS"):
        from cryptography.fernet import Fernet

        env["KRING_COMPLAINTS_KEYS"] = Fernet.generate_key().decode()
    return env


# --- A real server ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """Kring under waitress in a subprocess, on 127.0.0.1 and a free port."""

    def __init__(self, env: dict[str, str], threads: int = 4):
        self.port = free_port()
        code = (
            "from waitress import serve; from kring.wsgi import application; "
            f"serve(application, host='127.0.0.1', port={self.port}, threads={threads}, "
            "connection_limit=200, channel_timeout=30, _quiet=True)"
        )
        # Its output goes to a file: a pipe nobody reads fills up and stops the server mid-run.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 # closed in __exit__
        self.process = subprocess.Popen(
            [PYTHON, "-c", code], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log
        )

    def __enter__(self):
        # Generous: on a loaded machine importing Django and Kring alone can take half a minute.
        deadline = time.monotonic() + float(os.environ.get("BENCH_START_SECONDS", "180"))
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.seek(0)
        raise RuntimeError("the benchmark server did not start: " + self.log.read()[-2000:].decode())

    def __exit__(self, *exc):
        self.log.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@dataclass
class LoadResult:
    requests: int
    seconds: float
    latencies_ms: list[float]
    statuses: dict[int, int]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def p95_ms(self) -> float:
        return statistics.quantiles(self.latencies_ms, n=20)[-1] if len(self.latencies_ms) > 1 else self.p50_ms


def load(
    port: int,
    paths: list[str],
    *,
    requests: int,
    concurrency: int = 4,
    headers: dict | None = None,
    warmup: int = 20,
    warmup_paths: list[str] | None = None,
) -> LoadResult:
    """Send ``requests`` GETs (cycling through ``paths``) from ``concurrency`` threads over keep-alive.

    The warm-up requests go to ``warmup_paths`` (default: ``paths``); give other paths when the measured
    requests must find nothing cached."""
    headers = headers or {}
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker(share: int | None):
        chosen = paths if share is None else (warmup_paths or paths)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        local, local_statuses = [], {}
        for index in range(share) if share is not None else counter:
            path = chosen[index % len(chosen)]
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if status == 503 and response.getheader("Retry-After", "").isdigit():
                    # As Kring's wait page does in a browser: ask again after the time it says (at most 3 s).
                    time.sleep(min(int(response.getheader("Retry-After")), 3))
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            local.append((time.perf_counter() - began) * 1000)
            local_statuses[status] = local_statuses.get(status, 0) + 1
        connection.close()
        if share is None:
            with lock:
                latencies.extend(local)
                for status, n in local_statuses.items():
                    statuses[status] = statuses.get(status, 0) + n

    warm = [threading.Thread(target=worker, args=(max(1, warmup // concurrency),)) for _ in range(concurrency)]
    for thread in warm:
        thread.start()
    for thread in warm:
        thread.join()
    threads = [threading.Thread(target=worker, args=(None,)) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return LoadResult(requests, time.perf_counter() - began, latencies, statuses)


def write_figures(name: str, figures: dict) -> Path:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"{name}.json"
    path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    return path
