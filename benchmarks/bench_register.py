"""Benchmark of the public register and the insurers' API, on SQLite and (when reachable) PostgreSQL.

For each database: a fresh database filled by ``manage.py seed_demo --trainers N --seed 1`` (N from
BENCH_TRAINERS, default 50,000; the seed also builds the search index), Kring served by waitress on
127.0.0.1 in a subprocess, then a fixed number of requests (BENCH_REQUESTS, default 1,000) per scenario:

- ``trivial``: /healthz, the cost of Django and the server alone; measured first and again last
  (``trivial_again``), and the ratios are to the faster of the two, so that a slow moment of the
  machine at the start does not flatter every other scenario;
- ``search_cached``: one realistic search (postcode 3512 + 25 km + MBSR) over and over, so every
  request after the first is served from the search page's cache;
- ``search``: a realistic mix that the cache cannot help with: every request a different real
  postcode from ``kring.core.geo``, a distance of 10–50 km and a programme;
- ``search_ceiling``: the page's own ceiling: 100 of those searches, each rendered once in the warm-up
  and then served again from memory (the page cache), so what is left is the request path without
  finding or rendering: how close ``search`` is to it shows what finding and rendering still cost;
- ``api``: ``GET /api/v1/registrations/{number}`` for 200 random seeded numbers, each asked about five
  times (what an insurer's claims run looks like: the same trainers again and again);
- ``api_varied``: the same for a different number every request, none asked before in the run.

BENCH_SCENARIOS=trivial,api,api_varied measures only those (``trivial`` always runs: the ratios need it).

Last, a 10,000-row bulk verification, timed through the same code the background task runs.
Figures: var/bench/register.json (``search_*`` is the varied, uncached search). Usage:
.venv/bin/python benchmarks/bench_register.py
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
WARMUP = 20
CACHED_SEARCH_PATH = "/register/?postcode=3512&distance=25&programme=mbsr"
BENCH_KEY = "kring-bench-0d9e8f7a6b5c"
POSTGRES_NAME = os.environ.get("BENCH_POSTGRES_NAME", "kring_bench")
SCENARIOS = ("trivial", "search_cached", "search", "search_ceiling", "api", "api_varied", "trivial_again")
CEILING_PAGES = 100
CHOSEN = {"trivial", *os.environ.get("BENCH_SCENARIOS", ",".join(SCENARIOS)).split(",")}
# BENCH_REUSE=1 keeps a database seeded earlier with the same BENCH_TRAINERS (a file for SQLite, a
# database named after the number of trainers for PostgreSQL), so that three runs for the spread cost
# one seed; BENCH_DATABASES=sqlite measures one database.
REUSE = os.environ.get("BENCH_REUSE") == "1"


def varied_search_paths(count: int, programmes: list[str], rng: random.Random) -> list[str]:
    """``count`` different realistic searches: a real postcode, 10–50 km, a programme."""
    from kring.core import geo

    places = sorted(geo.all_places(), key=lambda p: (p.country, p.postcode))
    paths: set[str] = set()
    while len(paths) < count:
        place = rng.choice(places)
        paths.add(
            f"/register/?postcode={place.postcode}&country={place.country}"
            f"&distance={rng.randint(10, 50)}&programme={rng.choice(programmes)}"
        )
    return sorted(paths, key=lambda _: rng.random())


def measure_one_database() -> dict:
    """Runs in a child process whose environment points Django at the seeded database."""
    import django

    django.setup()
    from django.utils import timezone

    from kring.api import bulk, services
    from kring.api.models import ApiKey, BulkJob, Insurer
    from kring.api.tasks import bulk_job_run
    from kring.members.models import TaughtProgramme
    from kring.register.models import Registration, SearchEntry

    key = ApiKey.objects.filter(insurer__name="Benchmark", name="bench").first()  # a reused database
    if key is None:
        key, _ = services.api_key_create(Insurer.objects.create(name="Benchmark"), name="bench", secret=BENCH_KEY)
    key.rate_per_minute = 10**9
    key.save()
    numbers = list(Registration.objects.values_list("number", flat=True))
    listed = SearchEntry.objects.count()
    programmes = list(TaughtProgramme.objects.values_list("code", flat=True))

    rng = random.Random(7)
    searches = varied_search_paths(REQUESTS + WARMUP, programmes, rng)
    api_numbers = rng.sample(numbers, min(200, len(numbers)))
    api_paths = [f"/api/v1/registrations/{n}" for n in api_numbers]
    others = sorted(set(numbers) - set(api_numbers), key=lambda _: rng.random())[: REQUESTS + WARMUP]
    varied_paths = [f"/api/v1/registrations/{n}" for n in others]
    key_header = {"Authorization": f"Bearer {BENCH_KEY}"}
    env = common.django_env(os.environ["DATABASE_URL"])
    runs = {}
    with common.Server(env, threads=4) as server:

        def run(name, paths, **options):
            if name in CHOSEN:
                options.setdefault("warmup", WARMUP)
                runs[name] = common.load(server.port, paths, requests=REQUESTS, concurrency=CONCURRENCY, **options)

        run("trivial", ["/healthz"])
        run("search_cached", [CACHED_SEARCH_PATH])
        run("search", searches[WARMUP:], warmup_paths=searches[:WARMUP])
        # Every client's warm-up asks each of the pages once, so all of them are in memory when measured.
        ceiling = searches[WARMUP : WARMUP + CEILING_PAGES]
        run("search_ceiling", ceiling, warmup=len(ceiling) * CONCURRENCY)
        run("api", api_paths, headers=key_header)
        run("api_varied", varied_paths[WARMUP:], warmup_paths=varied_paths[:WARMUP], headers=key_header)
        runs["trivial_again"] = common.load(server.port, ["/healthz"], requests=REQUESTS, concurrency=CONCURRENCY)

    # Mostly known numbers on dates over the past eight years, a few unknown ones.
    today = timezone.localdate()
    rows = [
        (
            rng.choice(numbers) if rng.random() < 0.97 else "999999999",
            (today - datetime.timedelta(days=rng.randint(0, 3000))).isoformat(),
        )
        for _ in range(10_000)
    ]
    job = BulkJob.objects.create(insurer=key.insurer, key=key, rows=[list(r) for r in rows], total_rows=len(rows))
    began = time.perf_counter()
    bulk_job_run.call(str(job.pk))
    bulk_10k_s = time.perf_counter() - began
    job.refresh_from_db()
    assert job.status == BulkJob.Status.DONE and job.result.count("\n") == len(rows) + 1
    began = time.perf_counter()
    list(bulk.verify_rows(rows))
    verify_only_s = time.perf_counter() - began

    trivial_rps = max(runs["trivial"].rps, runs["trivial_again"].rps)

    def ratio(name):
        return round(runs[name].rps / trivial_rps, 3) if trivial_rps else 0.0

    summary = {
        f"{name}_{figure}": value
        for name in SCENARIOS[1:-1]
        if name in runs
        for figure, value in (("rps", round(runs[name].rps, 1)), ("ratio", ratio(name)))
    }
    return {
        "trainers": TRAINERS,
        "registrations": len(numbers),
        "listed": listed,
        "requests_per_scenario": REQUESTS,
        "concurrency": CONCURRENCY,
        "trivial_rps": round(trivial_rps, 1),
        **summary,
        "bulk_10k_s": round(bulk_10k_s, 3),
        "bulk_10k_verify_only_s": round(verify_only_s, 3),
        "scenarios": {
            name: {
                "rps": round(r.rps, 1),
                "p50_ms": round(r.p50_ms, 2),
                "p95_ms": round(r.p95_ms, 2),
                "ratio": ratio(name),
                "statuses": {str(k): v for k, v in sorted(r.statuses.items())},
            }
            for name, r in runs.items()
        },
        "cached_search_path": CACHED_SEARCH_PATH,
        "search_example_path": searches[WARMUP],
    }


def seed(env: dict[str, str], trainers: int = TRAINERS) -> float:
    """Migrate and seed the fresh database with the demo seed; returns the seconds it took."""
    began = time.perf_counter()
    for command in (["migrate", "-v0"], ["seed_demo", "--trainers", str(trainers), "--seed", "1"]):
        done = subprocess.run(
            [common.PYTHON, "manage.py", *command], env=env, cwd=common.ROOT, capture_output=True, text=True
        )
        if done.returncode != 0:
            print(done.stdout[-2000:], done.stderr[-4000:], sep="\n")
            raise SystemExit(f"manage.py {command[0]} failed")
    return time.perf_counter() - began


def kept_database(database: str, trainers: int = TRAINERS) -> dict[str, str] | None:
    """The environment of the database an earlier BENCH_REUSE=1 run seeded with ``trainers`` (SQLite:
    ``var/bench/register-<trainers>.sqlite3`` or BENCH_REUSE_PATH), migrated; None when there is none."""
    if database == "sqlite":
        kept = Path(os.environ.get("BENCH_REUSE_PATH", common.BENCH_DIR / f"register-{trainers}.sqlite3"))
        url = f"sqlite:///{kept}" if kept.exists() else None
    else:
        name = f"{POSTGRES_NAME}_{trainers}"
        url = common.postgres_url(name) if common.postgres_seeded(name) else None
    if url is None:
        return None
    env = common.django_env(url)
    subprocess.run([common.PYTHON, "manage.py", "migrate", "-v0"], env=env, cwd=common.ROOT, check=True)
    return env


def print_table(figures: dict) -> None:
    print(
        f"\nRegister benchmark: {TRAINERS} trainers, {REQUESTS} requests per scenario, {CONCURRENCY} clients, "
        "waitress with 4 threads on 127.0.0.1"
    )
    print(f"{'database':<11}{'scenario':<15}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}  statuses")
    for database, f in figures.items():
        for name in (name for name in SCENARIOS if name in f["scenarios"]):
            s = f["scenarios"][name]
            print(
                f"{database:<11}{name:<15}{s['rps']:>9.1f}{s['p50_ms']:>9.2f}{s['p95_ms']:>9.2f}{s['ratio']:>8.3f}  "
                f"{s['statuses']}"
            )
        print(
            f"{database:<11}bulk 10,000 rows: {f['bulk_10k_s']:.2f} s (verification alone "
            f"{f['bulk_10k_verify_only_s']:.2f} s); seed_demo took {f['seed_s']:.0f} s, "
            f"{f['listed']} trainers listed"
        )
    print(
        "search_cached: one query repeated (page cache); search: a different postcode, distance and "
        f"programme every request; search_ceiling: {CEILING_PAGES} of those pages again, from memory"
    )


def main() -> None:
    databases = ["sqlite"] + (["postgresql"] if common.postgres_reachable() else [])
    if "postgresql" not in databases:
        print("PostgreSQL is not reachable at 127.0.0.1:5432; measuring SQLite only.")
    if os.environ.get("BENCH_DATABASES"):
        databases = [d for d in databases if d in os.environ["BENCH_DATABASES"].split(",")]
    figures = {}
    for database in databases:
        env, seed_s = kept_database(database) if REUSE else None, 0.0
        if env is None:
            name = POSTGRES_NAME if database == "postgresql" else "register"
            name += (f"_{TRAINERS}" if database == "postgresql" else f"-{TRAINERS}") if REUSE else ""
            env = common.django_env(common.fresh_database(database, name))
            print(f"== {database}: seed_demo --trainers {TRAINERS} --seed 1 ...", flush=True)
            seed_s = seed(env)
        print(f"== {database}: seeded in {seed_s:.0f} s; measuring ...", flush=True)
        child = subprocess.run(
            [common.PYTHON, __file__, "--one-database"], env=env, cwd=common.ROOT, capture_output=True, text=True
        )
        if child.returncode != 0:
            print(child.stdout[-2000:], child.stderr[-4000:], sep="\n")
            raise SystemExit(f"the {database} benchmark failed")
        figures[database] = json.loads(child.stdout.strip().splitlines()[-1]) | {"seed_s": round(seed_s, 1)}
    print_table(figures)
    path = common.write_figures("register", figures)
    print(f"\nFigures written to {path.relative_to(common.ROOT)}")


if __name__ == "__main__":
    if "--one-database" in sys.argv:
        print(json.dumps(measure_one_database()))
    else:
        main()
