"""Benchmark of "find a course near a postcode" with 20,000 announced courses, on SQLite and (when
reachable) PostgreSQL.

For each database: a fresh database filled by ``manage.py seed_demo --trainers N --seed 1`` (N from
BENCH_TRAINERS, default 2,000), then courses planned by ``kring.demo.find`` up to BENCH_COURSES (default
20,000) at those trainers' practices across NL and Flanders over the coming half year. Kring is served by
waitress on 127.0.0.1 in a subprocess and gets BENCH_REQUESTS (default 500) requests per scenario:

- ``trivial``: /healthz, the cost of Django and the server alone;
- ``courses``: a different real postcode every request, 10–50 km, sorted by start date;
- ``courses_filtered``: the same with a programme (MBSR or MBCT), "within two months" and a sort by distance.

The queries of one results page are counted for ten different searches (Django's query capture) and
must be the same for each. Figures: var/bench/find.json. Usage: .venv/bin/python benchmarks/bench_find.py
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("BENCH_TRAINERS", "2000")  # read by bench_register's seed when imported

from benchmarks import common  # noqa: E402
from benchmarks.bench_register import seed  # noqa: E402

COURSES = int(os.environ.get("BENCH_COURSES", "20000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "500"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
WARMUP = 20
SCENARIOS = ("trivial", "courses", "courses_filtered")


def paths(count: int, rng: random.Random, filtered: bool) -> list[str]:
    from kring.core import geo

    places = sorted(geo.all_places(), key=lambda p: (p.country, p.postcode))
    found = []
    for _ in range(count):
        place = rng.choice(places)
        path = f"/vinden/cursussen/?postcode={place.postcode}&country={place.country}&distance={rng.randint(10, 50)}"
        if filtered:
            path += f"&programme={rng.choice(['mbsr', 'mbct'])}&within=2&sort=distance"
        found.append(path)
    return found


def query_counts(searches: list[str]) -> list[int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), []
    # One search first: the vocabularies and the association's identity are read once per process
    # and then cached, so only the searches after it show what every page costs.
    client.get(searches[0])
    for path in searches:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200  # nosec B101 # a benchmark's own check
        counts.append(len(captured))
    return counts


def measure_one_database() -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.utils import timezone

    from kring.demo import find as find_demo
    from kring.find.models import Course

    settings.ALLOWED_HOSTS = ["*"]
    rng = random.Random(7)
    missing = COURSES - Course.objects.count()
    if missing > 0:
        Course.objects.bulk_create(find_demo.plan_courses(rng, missing, timezone.localdate()), batch_size=2000)
    plain, filtered = paths(REQUESTS + WARMUP, rng, False), paths(REQUESTS + WARMUP, rng, True)
    counts = query_counts(plain[:5] + filtered[:5])
    env = common.django_env(os.environ["DATABASE_URL"])
    runs = {}
    with common.Server(env, threads=4) as server:
        runs["trivial"] = common.load(server.port, ["/healthz"], requests=REQUESTS, concurrency=CONCURRENCY)
        for name, chosen in (("courses", plain), ("courses_filtered", filtered)):
            runs[name] = common.load(
                server.port,
                chosen[WARMUP:],
                requests=REQUESTS,
                concurrency=CONCURRENCY,
                warmup=WARMUP,
                warmup_paths=chosen[:WARMUP],
            )
    trivial = runs["trivial"].rps
    return {
        "courses": Course.objects.count(),
        "requests_per_scenario": REQUESTS,
        "concurrency": CONCURRENCY,
        "queries_per_page": sorted(set(counts)),
        "scenarios": {
            name: {
                "rps": round(r.rps, 1),
                "p50_ms": round(r.p50_ms, 2),
                "p95_ms": round(r.p95_ms, 2),
                "ratio": round(r.rps / trivial, 3) if trivial else 0.0,
                "statuses": {str(k): v for k, v in sorted(r.statuses.items())},
            }
            for name, r in runs.items()
        },
        "example_path": filtered[WARMUP],
    }


def main() -> None:
    databases = ["sqlite"] + (["postgresql"] if common.postgres_reachable() else [])
    figures = {}
    for database in databases:
        url = common.fresh_database(database, "kring_bench_find" if database == "postgresql" else "find")
        env = common.django_env(url)
        print(f"== {database}: seeding ...", flush=True)
        seed_s = seed(env)
        child = subprocess.run(
            [common.PYTHON, __file__, "--one-database"], env=env, cwd=common.ROOT, capture_output=True, text=True
        )
        if child.returncode != 0:
            print(child.stdout[-2000:], child.stderr[-4000:], sep="\n")
            raise SystemExit(f"the {database} benchmark failed")
        figures[database] = json.loads(child.stdout.strip().splitlines()[-1]) | {"seed_s": round(seed_s, 1)}
    print(f"\nFind benchmark: {COURSES} courses, {REQUESTS} requests per scenario, {CONCURRENCY} clients")
    print(f"{'database':<11}{'scenario':<18}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}  statuses")
    for database, f in figures.items():
        for name in SCENARIOS:
            s = f["scenarios"][name]
            print(
                f"{database:<11}{name:<18}{s['rps']:>9.1f}{s['p50_ms']:>9.2f}{s['p95_ms']:>9.2f}{s['ratio']:>8.3f}  "
                f"{s['statuses']}"
            )
        print(f"{database:<11}queries per results page: {f['queries_per_page']} ({f['courses']} courses)")
    path = common.write_figures("find", figures)
    print(f"\nFigures written to {path.relative_to(common.ROOT)}")


if __name__ == "__main__":
    if "--one-database" in sys.argv:
        print(json.dumps(measure_one_database()))
    else:
        main()
