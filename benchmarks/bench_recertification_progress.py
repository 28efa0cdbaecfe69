"""How long the pure progress rule takes for a trainer's cycle with many activities.

Prints a table and writes var/bench/recertification_progress.json.
"""

import datetime
import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kring.recertification import rules  # noqa: E402

KINDS = ["intervision", "supervision", "retreat", "course_followed", "course_taught", "own_practice", "other"]
REQUIREMENTS = [
    ("intervision_per_year", 4),
    ("supervision_hours", 10),
    ("retreat_days", 5),
    ("courses_taught", 5),
    ("cpd_hours", 50),
]


def run(count: int, repeat: int = 20) -> float:
    start = datetime.date(2024, 1, 1)
    end = rules.cycle_end(start, 5)
    rng = random.Random(count)
    activities = [
        rules.ActivityFact(
            kind=rng.choice(KINDS),
            date=start + datetime.timedelta(days=rng.randrange(1900)),
            hours=Decimal(rng.randrange(1, 8)),
            days=Decimal(rng.randrange(0, 3)),
        )
        for _ in range(count)
    ]
    began = time.perf_counter()
    for _ in range(repeat):
        rules.progress(REQUIREMENTS, activities, start, end)
    return (time.perf_counter() - began) / repeat * 1000


def main():
    figures = {str(count): round(run(count), 3) for count in (10, 100, 1000, 10000)}
    print(f"{'activities':>10}  {'ms per progress':>16}")
    for count, ms in figures.items():
        print(f"{count:>10}  {ms:>16}")
    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "recertification_progress.json").write_text(json.dumps({"ms_per_progress": figures}, indent=2))


if __name__ == "__main__":
    main()
