"""How the finder's cost grows with the register: ``search_memory.find`` at 5k / 50k / 200k trainers.

No database: synthetic search points at real postcode centroids (as ``seed_demo`` places practices),
1.2 practices per trainer, two programmes out of eight each, everyone listed. For each size the same
500 varied searches (a real postcode, 10–50 km, a programme) as the register benchmark, timed one by
one on one core: as the results page asks them (``find``, counted per place), and point by point
(``nearest``) as the baseline of the same run; the SQL finder's figures are in docs/performance.md.
Figures: var/bench/search_growth.json. Usage: .venv/bin/python benchmarks/bench_search_growth.py
"""

from __future__ import annotations

import datetime
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kring.settings")

import django  # noqa: E402

django.setup()

from benchmarks import common  # noqa: E402
from kring.core import geo  # noqa: E402
from kring.register import search_memory  # noqa: E402

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "5000,50000,200000").split(",")]
PROGRAMMES = ["mbsr", "mbct", "mbcl", "mbpm", "mbcp", "msc", "mbbc", "mbfl"]
TODAY = datetime.date.today()


def synthetic(trainers: int, rng: random.Random) -> search_memory.Snapshot:
    places = sorted(geo.all_places(), key=lambda p: (p.country, p.postcode))
    rows, rank = [], {}
    for entry in range(1, trainers + 1):
        rank[entry] = rng.randrange(trainers)
        codes = " ".join(sorted(rng.sample(PROGRAMMES, 2)))
        for _ in range(2 if rng.random() < 0.2 else 1):
            place = rng.choice(places)
            phi, lam = math.radians(place.latitude), math.radians(place.longitude)
            trig = (math.sin(phi / 2), math.cos(phi / 2), math.sin(lam / 2), math.cos(lam / 2), math.cos(phi))
            rows.append(
                (
                    place.latitude,
                    place.longitude,
                    *trig,
                    entry,
                    TODAY,
                    None,
                    False,
                    f" {codes} ",
                    "",
                    "",
                    "",
                    place.name,
                )
            )
    return search_memory.build("bench", search_memory.COLUMNS, rows, rank)


def main() -> None:
    rng = random.Random(7)
    places = sorted(geo.all_places(), key=lambda p: (p.country, p.postcode))
    searches = [(rng.choice(places), rng.randint(10, 50), rng.choice(PROGRAMMES)) for _ in range(500)]
    figures = {}
    for size in SIZES:
        began = time.perf_counter()
        snap = synthetic(size, random.Random(size))
        built_s = time.perf_counter() - began
        times, per_point, found = [], [], []
        for place, km, programme in searches:
            codes = {"programme": (programme,)}
            began = time.perf_counter()
            matches = search_memory.find(snap, place, km, codes, False, TODAY, False, until=20)
            matches.ids(0, 20)  # the first page, in order, as the results page asks
            times.append((time.perf_counter() - began) * 1000)
            found.append(matches.count)
            began = time.perf_counter()
            search_memory.nearest(snap, place, km, codes, False, TODAY, False).ids(0, 20)
            per_point.append((time.perf_counter() - began) * 1000)
        figures[str(size)] = {
            "points": len(snap.entry),
            "places": len(snap.places.band_key),
            "arrays_built_s": round(built_s, 2),
            "median_ms": round(statistics.median(times), 3),
            "p95_ms": round(statistics.quantiles(times, n=20)[-1], 3),
            "per_point_median_ms": round(statistics.median(per_point), 3),
            "mean_results": round(statistics.mean(found), 1),
        }
    print(f"{'trainers':>9}{'points':>9}{'places':>8}{'median ms':>11}{'p95 ms':>9}{'per point ms':>14}{'results':>9}")
    for size, f in figures.items():
        print(
            f"{size:>9}{f['points']:>9}{f['places']:>8}{f['median_ms']:>11.3f}{f['p95_ms']:>9.3f}"
            f"{f['per_point_median_ms']:>14.3f}{f['mean_results']:>9.1f}"
        )
    first, last = figures.get("50000"), figures.get("200000")
    if first and last:
        figures["growth_50k_to_200k"] = round(last["median_ms"] / first["median_ms"], 2)
        print(f"growth of the median from 50k to 200k: {figures['growth_50k_to_200k']}x")
    print("Figures written to", common.write_figures("search_growth", figures).relative_to(common.ROOT))


if __name__ == "__main__":
    main()
