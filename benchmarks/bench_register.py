"""Benchmark of the public register and the insurers' API, on SQLite and (when reachable) PostgreSQL.

For each database: a fresh database with BENCH_TRAINERS trainers (default 50,000), Kring served by
waitress on 127.0.0.1, then a fixed number of requests (BENCH_REQUESTS, default 1,000) per scenario:
a trivial view (/healthz), the register search, and one registration through the API. Last, a
10,000-row bulk verification, timed through the same code the background task runs.

Figures: var/bench/register.json. Usage: .venv/bin/python benchmarks/bench_register.py
"""

from __future__ import annotations

import datetime
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

TRAINERS = int(os.environ.get("BENCH_TRAINERS", "50000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1000"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
SEARCH_PATH = "/register/?postcode=3512&distance=25&programme=mbsr"
BENCH_KEY = "kring-bench-0d9e8f7a6b5c"


def measure_one_database() -> dict:
    """Runs in a child process whose environment points Django at a fresh database."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from kring.api import bulk, services
    from kring.api.models import BulkJob, Insurer
    from kring.api.tasks import bulk_job_run

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    numbers = common.seed_trainers(TRAINERS)
    key, _ = services.api_key_create(Insurer.objects.create(name="Benchmark"), name="bench", secret=BENCH_KEY)
    key.rate_per_minute = 10**9
    key.save()
    seed_s = time.perf_counter() - started

    rng = random.Random(7)
    api_paths = [f"/api/v1/registrations/{n}" for n in rng.sample(numbers, min(200, len(numbers)))]
    env = common.django_env(os.environ["DATABASE_URL"])
    with common.Server(env, threads=4) as server:
        trivial = common.load(server.port, ["/healthz"], requests=REQUESTS, concurrency=CONCURRENCY)
        search = common.load(server.port, [SEARCH_PATH], requests=REQUESTS, concurrency=CONCURRENCY)
        api = common.load(server.port, api_paths, requests=REQUESTS, concurrency=CONCURRENCY,
                          headers={"Authorization": f"Bearer {BENCH_KEY}"})

    # Mostly known numbers on dates over the past eight years, a few unknown ones.
    today = timezone.localdate()
    rows = [(rng.choice(numbers) if rng.random() < 0.97 else "999999999",
             (today - datetime.timedelta(days=rng.randint(0, 3000))).isoformat())
            for _ in range(10_000)]
    job = BulkJob.objects.create(insurer=key.insurer, key=key, rows=[list(r) for r in rows], total_rows=len(rows))
    began = time.perf_counter()
    bulk_job_run.call(str(job.pk))
    bulk_10k_s = time.perf_counter() - began
    job.refresh_from_db()
    assert job.status == BulkJob.Status.DONE and job.result.count("\n") == len(rows) + 1
    began = time.perf_counter()
    list(bulk.verify_rows(rows))
    verify_only_s = time.perf_counter() - began

    def scenario(result):
        return {"rps": round(result.rps, 1), "p50_ms": round(result.p50_ms, 2), "p95_ms": round(result.p95_ms, 2),
                "statuses": {str(k): v for k, v in sorted(result.statuses.items())}}

    return {
        "trainers": TRAINERS, "requests_per_scenario": REQUESTS, "concurrency": CONCURRENCY,
        "seed_s": round(seed_s, 1),
        "trivial_rps": round(trivial.rps, 1), "search_rps": round(search.rps, 1),
        "search_ratio": round(search.rps / trivial.rps, 3) if trivial.rps else 0.0,
        "search_p95_ms": round(search.p95_ms, 2),
        "api_rps": round(api.rps, 1), "api_ratio": round(api.rps / trivial.rps, 3) if trivial.rps else 0.0,
        "bulk_10k_s": round(bulk_10k_s, 3), "bulk_10k_verify_only_s": round(verify_only_s, 3),
        "scenarios": {"trivial": scenario(trivial), "search": scenario(search), "api": scenario(api)},
        "search_path": SEARCH_PATH,
    }


def print_table(figures: dict) -> None:
    print(f"\nRegister benchmark: {TRAINERS} trainers, {REQUESTS} requests per scenario, {CONCURRENCY} clients")
    print(f"{'database':<11}{'scenario':<10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}  statuses")
    for database, f in figures.items():
        for name, ratio in (("trivial", 1.0), ("search", f["search_ratio"]), ("api", f["api_ratio"])):
            s = f["scenarios"][name]
            print(f"{database:<11}{name:<10}{s['rps']:>9.1f}{s['p50_ms']:>9.2f}{s['p95_ms']:>9.2f}{ratio:>8.2f}  "
                  f"{s['statuses']}")
        print(f"{database:<11}bulk 10,000 rows: {f['bulk_10k_s']:.2f} s (verification alone "
              f"{f['bulk_10k_verify_only_s']:.2f} s); seeding took {f['seed_s']:.0f} s")
        if "404" in f["scenarios"]["search"]["statuses"]:
            print(f"{'':<11}note: {SEARCH_PATH} answered 404 (the search page is missing in this tree)")


def main() -> None:
    databases = ["sqlite"] + (["postgresql"] if common.postgres_reachable() else [])
    if "postgresql" not in databases:
        print("PostgreSQL is not reachable at 127.0.0.1:5432; measuring SQLite only.")
    figures = {}
    for database in databases:
        url = common.fresh_database(database, "kring_bench_register" if database == "postgresql" else "register")
        print(f"== {database}: seeding {TRAINERS} trainers and measuring ...", flush=True)
        child = subprocess.run([common.PYTHON, __file__, "--one-database"], env=common.django_env(url),
                               cwd=common.ROOT, capture_output=True, text=True)
        if child.returncode != 0:
            print(child.stdout[-2000:], child.stderr[-4000:], sep="\n")
            raise SystemExit(f"the {database} benchmark failed")
        figures[database] = json.loads(child.stdout.strip().splitlines()[-1])
    print_table(figures)
    path = common.write_figures("register", figures)
    print(f"\nFigures written to {path.relative_to(common.ROOT)}")


if __name__ == "__main__":
    if "--one-database" in sys.argv:
        print(json.dumps(measure_one_database()))
    else:
        main()
