"""Benchmark of the public event list and an event page with 1,000 events and 50,000 registrations.

A fresh SQLite database (migrated), filled in bulk with BENCH_EVENTS events (default 1,000; half of
them upcoming) and BENCH_REGISTRATIONS registrations (default 50,000) of 5,000 people, plus a waiting
list; then Kring under waitress (4 threads) on 127.0.0.1 and BENCH_REQUESTS (default 300) requests per
scenario from 8 keep-alive clients:

- ``trivial``: /healthz, the cost of Django and the server alone (the baseline of the ratios);
- ``list``: the public list /evenementen/ (the first 50 upcoming events, places per mode counted);
- ``list_filtered``: the list near a postcode, online or live, in one month;
- ``detail``: the pages of 20 different events.

The query count of each page is measured once in-process and must not grow with the data (the
tests check the same with ``django_assert_max_num_queries``). Figures: var/bench/events.json.
Usage: .venv/bin/python benchmarks/bench_events.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
REGISTRATIONS = int(os.environ.get("BENCH_REGISTRATIONS", "50000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
CONCURRENCY = 8
SCENARIOS = ("trivial", "list", "list_filtered", "detail")

FILL = r"""
import datetime, random, sys
import django; django.setup()
from decimal import Decimal
from django.utils import timezone
from kring.events.models import Event, Registration, WaitingEntry
from kring.members.models import Person
events_n, registrations_n = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(1)
now = timezone.now()
people = Person.objects.bulk_create(
    [Person(first_name="Deelnemer", last_name=f"Nummer {n}", email=f"p{n}@example.org") for n in range(5000)],
    batch_size=1000,
)
places = [("3511", 52.09, 5.12, "Utrecht"), ("9000", 51.05, 3.72, "Gent"), ("1012", 52.37, 4.89, "Amsterdam")]
events = []
for n in range(events_n):
    start = now + datetime.timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 12))
    postcode, lat, lon, place = rng.choice(places)
    mode = rng.choice(["live", "online", "both"])
    events.append(Event(
        title=f"Evenement {n}", kind=rng.choice(["workshop", "online_session", "annual_day", "congress"]),
        description="Een dag samen oefenen. " * 10, starts_at=start, ends_at=start + datetime.timedelta(hours=6),
        mode=mode, postcode=postcode if mode != "online" else "", place=place if mode != "online" else "",
        latitude=lat if mode != "online" else None, longitude=lon if mode != "online" else None,
        online_link="https://meet.example.org/x" if mode != "live" else "",
        capacity_live=100 if mode != "online" else 0, capacity_online=100 if mode != "live" else 0,
        audience=rng.choice(["members", "public"]), registration_opens_at=start - datetime.timedelta(days=60),
        registration_closes_at=start - datetime.timedelta(hours=1), price_member=Decimal("40"),
    ))
events = Event.objects.bulk_create(events, batch_size=500)
rows = []
for n in range(registrations_n):
    event = events[n % len(events)]
    person = people[((n % len(events)) * 50 + n // len(events)) % len(people)]  # one per person and event
    rows.append(Registration(
        event=event, person=person, name=person.full_name, email=f"r{n}@example.org", mode=event.modes[0],
        status="confirmed", price_group="member", amount_due=Decimal("40"), payment_status="open",
        token=f"t{n:08d}",
    ))
Registration.objects.bulk_create(rows, batch_size=2000)
WaitingEntry.objects.bulk_create(
    [WaitingEntry(event=events[n], person=people[-1 - n], mode=events[n].modes[0], token=f"w{n}") for n in range(min(200, len(events)))]
)
print(" ".join(str(e.pk) for e in events if e.starts_at > now)[:2000])
"""

COUNT = r"""
import sys
import django; django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
for path in sys.argv[1:]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path, HTTP_HOST="127.0.0.1").status_code
    print(path, status, len(queries))
"""


def main() -> None:
    url = common.fresh_database("sqlite", "events")
    env = common.django_env(url)
    print(f"== sqlite: migrate, then {EVENTS} events and {REGISTRATIONS} registrations ...", flush=True)
    started = time.perf_counter()
    subprocess.run([common.PYTHON, "manage.py", "migrate", "-v", "0"], env=env, cwd=common.ROOT, check=True)
    done = subprocess.run(
        [common.PYTHON, "-c", FILL, str(EVENTS), str(REGISTRATIONS)],
        env=env,
        cwd=common.ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    seed_s = time.perf_counter() - started
    upcoming = done.stdout.split()[:20]
    details = [f"/evenementen/{pk}/" for pk in upcoming]
    filtered = [
        "/evenementen/?postcode=3512&country=NL&distance=50",
        "/evenementen/?mode=online",
        "/evenementen/?kind=congress",
    ]
    counted = subprocess.run(
        [common.PYTHON, "-c", COUNT, "/evenementen/", filtered[0], details[0], details[1]],
        env=env,
        cwd=common.ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    queries = {line.split()[0]: int(line.split()[2]) for line in counted if line.strip()}
    runs = {}
    with common.Server(env, threads=4) as server:
        runs["trivial"] = common.load(server.port, ["/healthz"], requests=REQUESTS * 3, concurrency=CONCURRENCY)
        runs["list"] = common.load(server.port, ["/evenementen/"], requests=REQUESTS, concurrency=CONCURRENCY)
        runs["list_filtered"] = common.load(server.port, filtered, requests=REQUESTS, concurrency=CONCURRENCY)
        runs["detail"] = common.load(server.port, details, requests=REQUESTS, concurrency=CONCURRENCY)
    trivial = runs["trivial"].rps
    figures = {
        "events": EVENTS,
        "registrations": REGISTRATIONS,
        "requests_per_scenario": REQUESTS,
        "concurrency": CONCURRENCY,
        "seed_s": round(seed_s, 1),
        "queries": queries,
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
    }
    print(f"\nEvents benchmark: {EVENTS} events, {REGISTRATIONS} registrations, {CONCURRENCY} clients, SQLite")
    print(f"{'scenario':<16}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}  statuses")
    for name in SCENARIOS:
        s = figures["scenarios"][name]
        print(f"{name:<16}{s['rps']:>9.1f}{s['p50_ms']:>9.2f}{s['p95_ms']:>9.2f}{s['ratio']:>8.3f}  {s['statuses']}")
    print("queries per page:", json.dumps(queries))
    path = common.write_figures("events", figures)
    print(f"\nFigures written to {path.relative_to(common.ROOT)}")


if __name__ == "__main__":
    main()
