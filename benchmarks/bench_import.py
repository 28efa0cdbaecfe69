"""Benchmark of importing the membership: a CSV of BENCH_ROWS (default 10,000) members on a fresh
SQLite database (BENCH_DATABASES=postgres for PostgreSQL).

Every row has a membership; every fifth also a registration with an AGB code, as a trainer's row has.
Measured, through the code the office's pages and the background task run:
- the dry run of the file (read, check every row, keep the plan);
- the real run: every batch of KRING_IMPORT_BATCH_ROWS rows in its own transaction, through the
  services of accounts, members and register (accounts, people, memberships with their history,
  registrations with their periods, search entries, audit entries);
- the invitations, rendered and queued in batches of KRING_INVITATIONS_PER_BATCH;
- the same file checked again, now that everyone is in Kring (all rows "unchanged");
and as the baseline, /healthz through Django's test client in the same run.
Figures: var/bench/import.json. Usage: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "10000"))
DATABASE = os.environ.get("BENCH_DATABASES", "sqlite")


def setup_django() -> None:
    url = common.fresh_database(DATABASE, "import")
    env = common.django_env(url)
    env["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"  # production's queue: confirming only queues
    subprocess.run([common.PYTHON, "manage.py", "migrate", "-v0"], env=env, cwd=common.ROOT, check=True)
    os.environ.update(env)
    import django

    django.setup()


def membership_file(count: int) -> bytes:
    header = "voornaam;achternaam;e-mailadres;lidmaatschap;lid sinds;registernummer;agb-code;niveau;geregistreerd vanaf"
    lines = [header]
    for n in range(count):
        registration = f"{n + 1:06d};{n:08d};basis;01-03-2022" if n % 5 == 0 else ";;;"
        lines.append(f"Lid{n};Jansen;lid{n}@example.org;practitioner;01-01-2021;{registration}")
    return ("\n".join(lines) + "\n").encode()


def baseline_ms(requests: int = 200) -> float:
    from django.test import Client

    client = Client()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get("/healthz")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def timed(action):
    started = time.perf_counter()
    value = action()
    return value, time.perf_counter() - started


def main() -> None:
    setup_django()
    from kring.accounts.models import User
    from kring.imports import running, services
    from kring.imports.models import ImportJob
    from kring.members.models import Person
    from kring.register.models import Registration

    office = User.objects.create_user("bureau@example.org", "bench-wachtwoord")
    content = membership_file(ROWS)
    base = baseline_ms()
    job, dry = timed(lambda: services.plan_create("leden.csv", content, by=office, language="nl"))
    services.job_confirm(job, by=office)  # queues the task; the loop below is what the worker runs

    def run_all():
        batches = 0
        while running.batch_run(job.pk):
            batches += 1
        return batches + 1

    batches, real = timed(run_all)
    invitation_batches = running.invitation_batches(job.pk)
    sent, invite = timed(lambda: sum(running.invitations_send(job.pk, ids) for ids in invitation_batches))
    again, dry_again = timed(lambda: services.plan_create("leden.csv", content, by=office, language="nl"))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.status  # noqa: S101
    made = {
        "people": Person.objects.count(),
        "registrations": Registration.objects.count(),
        "unchanged_on_second_check": again.tally().get("unchanged", 0),
        "invitations": sent,
    }
    rows = [
        ("healthz (baseline, median)", base / 1000),
        (f"dry run, {ROWS} new rows", dry),
        (f"real run, {batches} batches", real),
        (f"invitations, {len(invitation_batches)} batches", invite),
        (f"dry run again, {ROWS} rows in Kring", dry_again),
    ]
    print(f"import of {ROWS} members on {DATABASE}")
    print(f"{'scenario':40} {'seconds':>10} {'ms per row':>11} {'x baseline':>12}")
    for name, seconds in rows:
        per_row = "" if name.startswith("healthz") else f"{seconds / ROWS * 1000:11.2f}"
        print(f"{name:40} {seconds:10.3f} {per_row:>11} {seconds * 1000 / base:12.0f}")
    print(", ".join(f"{key} {value}" for key, value in made.items()))
    figures = {
        "rows": ROWS,
        "database": DATABASE,
        "baseline_healthz_ms": base,
        "dry_run_seconds": dry,
        "real_run_seconds": real,
        "invitations_seconds": invite,
        "second_dry_run_seconds": dry_again,
        "real_run_ms_per_row": real / ROWS * 1000,
        "real_run_ratio_to_baseline": real * 1000 / base,
        "dry_run_ratio_to_baseline": dry * 1000 / base,
        **made,
    }
    common.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (common.BENCH_DIR / "import.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
