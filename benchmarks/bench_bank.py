"""Benchmark of matching a bank statement: a camt.053 file of BENCH_ENTRIES (default 10,000) transactions
against as many open invoices, on a fresh SQLite database.

The entries are a mix as a real statement has them: 60% transfers with the structured reference, 20%
transfers without one (matched on IBAN and amount), 20% unknown payments. The invoices, people and
mandates are written in bulk first (setup, not measured). Measured: the import with matching (one
transaction), the same file a second time (recognised and refused), and as the baseline, /healthz
through Django's test client in the same run. Figures: var/bench/bank.json.
Usage: .venv/bin/python benchmarks/bench_bank.py
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "10000"))


def setup_django() -> None:
    url = common.fresh_database("sqlite", "bank")
    env = common.django_env(url)
    subprocess.run([common.PYTHON, "manage.py", "migrate", "-v0"], env=env, cwd=common.ROOT, check=True)
    os.environ.update(env)
    import django

    django.setup()


def prepare(n: int):
    from schwifty import IBAN

    from kring.finance import rules
    from kring.finance.camt_sample import Booking
    from kring.finance.models import Invoice, InvoiceCounter, Mandate
    from kring.members.models import Person

    people = Person.objects.bulk_create([Person(first_name="Lid", last_name=f"{i:05d}") for i in range(n)])
    year, today = 2026, __import__("datetime").date(2026, 1, 15)
    invoices = Invoice.objects.bulk_create(
        [
            Invoice(
                number=rules.invoice_number(year, i + 1),
                person=p,
                buyer_name=p.full_name,
                issued_on=today,
                due_on=today,
                total_cents=5000 + i,
                reference=rules.rf_reference(year, i + 1),
            )
            for i, p in enumerate(people)
        ]
    )
    InvoiceCounter.objects.create(year=year, last=n)
    ibans = [IBAN.generate("NL", bank_code="INGB", account_code=f"{i:010d}").compact for i in range(n)]
    Mandate.objects.bulk_create(
        [
            Mandate(
                person=p, reference=f"B-{i}", holder_name=p.full_name, iban=ibans[i], signed_on=today, status="ended"
            )
            for i, p in enumerate(people)
        ]
    )
    bookings = []
    for i, invoice in enumerate(invoices):
        kind = i % 5
        if kind in (0, 1, 2):
            bookings.append(
                Booking(f"R{i}", invoice.total_cents, name="Lid", remittance=f"contributie {invoice.reference}")
            )
        elif kind == 3:
            bookings.append(Booking(f"I{i}", invoice.total_cents, name="Lid", iban=ibans[i], remittance="contributie"))
        else:
            bookings.append(Booking(f"U{i}", 1234, name="Onbekend", iban="NL20INGB0001234567", remittance="gift"))
    return bookings


def baseline_ms(requests: int = 200) -> float:
    from django.test import Client

    client = Client()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get("/healthz")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    setup_django()
    from kring.core.refusals import Refused
    from kring.finance import bank
    from kring.finance.camt_sample import statement
    from kring.finance.models import BankEntry

    bookings = prepare(ENTRIES)
    data = statement(bookings, message_id="BENCH-1")
    base = baseline_ms()
    started = time.perf_counter()
    bank.statement_import(data, by=None)
    first = time.perf_counter() - started
    started = time.perf_counter()
    with contextlib.suppress(Refused):  # the same file again is refused: that is what is timed
        bank.statement_import(data, by=None)
    second = time.perf_counter() - started
    outcomes = {o: BankEntry.objects.filter(outcome=o).count() for o in ("matched", "unmatched")}
    rows = [
        ("healthz (baseline, median)", base / 1000, 1.0),
        (f"import + match {ENTRIES} entries", first, first * 1000 / base),
        ("same file again (refused)", second, second * 1000 / base),
    ]
    print(f"{'scenario':40} {'seconds':>10} {'x baseline':>12}")
    for name, seconds, ratio in rows:
        print(f"{name:40} {seconds:10.3f} {ratio:12.0f}")
    print(
        f"matched {outcomes['matched']}, unmatched {outcomes['unmatched']}, {first / ENTRIES * 1000:.2f} ms per entry"
    )
    common.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    result = {
        "entries": ENTRIES,
        "baseline_healthz_ms": base,
        "import_seconds": first,
        "import_ratio_to_baseline": first * 1000 / base,
        "second_import_seconds": second,
        "ms_per_entry": first / ENTRIES * 1000,
        "outcomes": outcomes,
    }
    (common.BENCH_DIR / "bank.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
