"""Benchmark of the public proof of registration (``/register/<number>/proof.pdf``) under 16 connections.

For SQLite and (when reachable) PostgreSQL: a fresh database filled by ``manage.py seed_demo --trainers N
--seed 1`` (N from BENCH_TRAINERS, default 2,000), Kring under waitress (4 threads) on 127.0.0.1, then
BENCH_REQUESTS (default 200) requests per scenario from 16 keep-alive clients:

- ``trivial``: /healthz, the cost of Django and the server alone;
- ``proof_one``: one registration's proof over and over;
- ``proof_many``: the proofs of 12 different registrations, each asked for a few times;
- ``search_during_proofs``: the cached search from 4 clients while 16 others ask for ``proof_many``:
  what the proofs cost everybody else;
- ``search_during_cold_proofs``: the same search while 16 clients ask for proofs never asked before
  (a different registration each time; a client told to wait by a 503 waits as the page says, like a
  browser): what rendering costs everybody else;
- ``proof_limited``: ``proof_one`` with the rate limit as shipped (one client address): how fast the
  refusals (429) are.

The first four scenarios run with the per-address limit lifted (KRING_PROOF_RATE), so they measure the
work, not the refusals. Each database's run starts with an empty store of proofs (a temporary
MEDIA_ROOT). Figures: var/bench/proof.json. Usage: .venv/bin/python benchmarks/bench_proof.py
(BENCH_DATABASES=sqlite or postgresql measures one database; BENCH_REUSE=1 uses a database that
bench_register.py seeded with the same BENCH_TRAINERS and kept).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402
from benchmarks.bench_register import CACHED_SEARCH_PATH, REUSE, kept_database, seed  # noqa: E402

TRAINERS = int(os.environ.get("BENCH_TRAINERS", "2000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
CONCURRENCY = 16
SCENARIOS = ("trivial", "proof_one", "proof_many", "search_during_proofs", "search_during_cold_proofs")
SCENARIOS += ("proof_limited",)
POSTGRES_NAME = "kring_bench_proof"


def registered_numbers(env: dict[str, str]) -> list[str]:
    code = (
        "import django; django.setup(); from django.utils import timezone; "
        "from kring.register.models import SearchEntry; "
        "print(' '.join(SearchEntry.objects.values_list('number', flat=True)[:2000]))"
    )
    done = subprocess.run([common.PYTHON, "-c", code], env=env, cwd=common.ROOT, capture_output=True, text=True)
    return done.stdout.split()


def measure(env: dict[str, str], numbers: list[str]) -> dict:
    rng = random.Random(7)
    chosen = rng.sample(numbers, min(12, len(numbers)))
    many = [f"/register/{n}/proof.pdf" for n in chosen]
    cold = [f"/register/{n}/proof.pdf" for n in numbers if n not in chosen]
    one = [many[0]]
    runs = {}
    unlimited = env | {"KRING_PROOF_RATE": "1000000/m"}
    with common.Server(unlimited, threads=4) as server:
        runs["trivial"] = common.load(server.port, ["/healthz"], requests=REQUESTS * 5, concurrency=CONCURRENCY)
        runs["proof_one"] = common.load(server.port, one, requests=REQUESTS, concurrency=CONCURRENCY)
        runs["proof_many"] = common.load(server.port, many, requests=REQUESTS, concurrency=CONCURRENCY, warmup=0)
        background = threading.Thread(
            target=common.load, args=(server.port, many), kwargs={"requests": REQUESTS * 2, "concurrency": 16}
        )
        background.start()
        runs["search_during_proofs"] = common.load(server.port, [CACHED_SEARCH_PATH], requests=REQUESTS, concurrency=4)
        background.join()
        cold_proofs = threading.Thread(
            target=common.load,
            args=(server.port, cold),
            kwargs={"requests": REQUESTS // 2, "concurrency": 16, "warmup": 0},
        )
        cold_proofs.start()
        runs["search_during_cold_proofs"] = common.load(
            server.port, [CACHED_SEARCH_PATH], requests=REQUESTS, concurrency=4
        )
        cold_proofs.join()
    with common.Server(env, threads=4) as server:
        runs["proof_limited"] = common.load(server.port, one, requests=REQUESTS, concurrency=CONCURRENCY)
    trivial_rps = runs["trivial"].rps
    return {
        "trainers": TRAINERS,
        "requests_per_scenario": REQUESTS,
        "concurrency": CONCURRENCY,
        "scenarios": {
            name: {
                "rps": round(r.rps, 1),
                "p50_ms": round(r.p50_ms, 2),
                "p95_ms": round(r.p95_ms, 2),
                "ratio": round(r.rps / trivial_rps, 3) if trivial_rps else 0.0,
                "statuses": {str(k): v for k, v in sorted(r.statuses.items())},
            }
            for name, r in runs.items()
        },
    }


def main() -> None:
    databases = ["sqlite"] + (["postgresql"] if common.postgres_reachable() else [])
    if os.environ.get("BENCH_DATABASES"):
        databases = [d for d in databases if d in os.environ["BENCH_DATABASES"].split(",")]
    figures = {}
    for database in databases:
        env, seed_s = kept_database(database, TRAINERS) if REUSE else None, 0.0
        if env is None:
            name = POSTGRES_NAME if database == "postgresql" else "proof"
            env = common.django_env(common.fresh_database(database, name))
            print(f"== {database}: seed_demo --trainers {TRAINERS} --seed 1 ...", flush=True)
            seed_s = seed(env, TRAINERS)
        # An empty store of proofs for every run: the scenarios begin with nothing rendered.
        with tempfile.TemporaryDirectory(prefix="kring-proofs-") as media:
            figures[database] = measure(env | {"MEDIA_ROOT": media}, registered_numbers(env))
        figures[database]["seed_s"] = round(seed_s, 1)
    print(
        f"\nProof benchmark: {TRAINERS} trainers, {REQUESTS} requests per scenario, {CONCURRENCY} clients "
        "(search: 4), waitress with 4 threads on 127.0.0.1"
    )
    print(f"{'database':<11}{'scenario':<27}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}  statuses")
    for database, f in figures.items():
        for name in SCENARIOS:
            s = f["scenarios"][name]
            print(
                f"{database:<11}{name:<27}{s['rps']:>9.1f}{s['p50_ms']:>9.2f}{s['p95_ms']:>9.2f}{s['ratio']:>8.3f}  "
                f"{s['statuses']}"
            )
    path = common.write_figures("proof", figures)
    print(f"\nFigures written to {path.relative_to(common.ROOT)}")


if __name__ == "__main__":
    main()
