"""Speed and quality of the intervision group former, and how its cost grows.

For each size (env BENCH_FORMER_SIZES, default 100,1000,5000,10000,20000,40000,100000): wall and
CPU time, the growth of CPU time against the growth of the size (1.0 is linear), share placed
against an upper bound, existing places filled, scores, and hard-rule violations found by the
checker below, which shares no code with the former. For the sparse instance (n = 100) also the
most that any proposal could place (``exact.max_placed``, CP-SAT). Then, for ten small instances
in one region, the exact CP-SAT optimum and the heuristic's gap to it.
Figures go to var/bench/group_former.json.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kring.intervision.former import Parameters, form_groups  # noqa: E402
from kring.intervision.former.exact import max_placed, solve  # noqa: E402
from tests.seekers import make_region, make_seekers  # noqa: E402

SIZES = [int(x) for x in os.environ.get("BENCH_FORMER_SIZES", "100,1000,5000,10000,20000,40000,100000").split(",") if x]
SPARSE = 100  # the size at which the most that can be placed is solved exactly
SMALL = [8, 9, 10, 11, 12, 13, 14, 15, 16, 18]
EARTH_RADIUS_KM = 6371.0088


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def violations(seekers, groups, outcome, parameters: Parameters | None = None) -> list[str]:
    """Every broken hard rule, checked from the input and output records alone."""
    parameters = parameters or Parameters()
    found = []
    by_id = {s.id: s for s in seekers}
    group_by_id = {g.id: g for g in groups}
    seen: dict = {}

    def once(sid, where):
        if sid in seen:
            found.append(f"{sid} appears in {seen[sid]} and {where}")
        seen[sid] = where

    def apart(a, b):
        return b.id in a.avoid or a.id in b.avoid

    for p in outcome.proposals:
        members = [by_id[m] for m in p.members]
        for m in p.members:
            once(m, ("proposal", p.members))
        if not parameters.min_size <= len(members) <= parameters.max_size:
            found.append(f"proposal of size {len(members)}")
        for s in members:
            if p.mode not in s.modes:
                found.append(f"{s.id} does not accept {p.mode}")
            if p.language not in s.languages:
                found.append(f"{s.id} does not speak {p.language}")
            if p.slot not in s.slots:
                found.append(f"{s.id} is not free at {p.slot}")
            if p.mode == "live" and (
                s.latitude is None or haversine(s.latitude, s.longitude, p.latitude, p.longitude) > s.max_distance_km
            ):
                found.append(f"{s.id} lives too far from the centre")
        for a in members:
            for b in members:
                if a.id != b.id and apart(a, b):
                    found.append(f"{a.id} and {b.id} must not be grouped")
    filled: dict = {}
    for pl in outcome.placements:
        once(pl.seeker_id, ("group", pl.group_id))
        s, g = by_id[pl.seeker_id], group_by_id[pl.group_id]
        filled[g.id] = filled.get(g.id, 0) + 1
        if g.language not in s.languages or (g.slots and not g.slots & s.slots):
            found.append(f"{s.id} does not fit group {g.id} (language or moment)")
        near = (
            s.latitude is not None
            and g.latitude is not None
            and haversine(s.latitude, s.longitude, g.latitude, g.longitude) <= s.max_distance_km
        )
        ok = {
            "live": "live" in s.modes and near,
            "online": "online" in s.modes,
            "both": "online" in s.modes or ("live" in s.modes and near),
        }[g.mode]
        if not ok:
            found.append(f"{s.id} cannot reach group {g.id}")
        if s.avoid & g.member_ids:
            found.append(f"{s.id} must not join group {g.id}")
    for gid, count in filled.items():
        if count > group_by_id[gid].free_places:
            found.append(f"group {gid} over its free places")
    joined: dict = {}
    for pl in outcome.placements:
        joined.setdefault(pl.group_id, []).append(by_id[pl.seeker_id])
    for members in joined.values():
        for a in members:
            for b in members:
                if a.id != b.id and apart(a, b):
                    found.append(f"{a.id} and {b.id} must not be grouped")
    for u in outcome.unplaced:
        once(u.seeker_id, "unplaced")
        if not u.reason:
            found.append(f"{u.seeker_id} unplaced without a reason")
    missing = set(by_id) - set(seen)
    if missing:
        found.append(f"{len(missing)} seekers neither placed nor reported")
    return found


def provably_unplaceable(seekers, groups, candidates) -> set:
    """Seekers among ``candidates`` who cannot be placed in any solution: no existing group fits
    them, and for every mode, moment and language they have fewer than 3 possible partners
    (sharing it, not to be avoided, and for live close enough to meet somewhere) who could also
    be grouped with each other. Partners are looked up per cell and per moment and language, so
    the bound costs the same per unplaced seeker whatever the size."""
    farthest = max((s.max_distance_km for s in seekers), default=0.0)
    by_cell: dict = {}
    for s in seekers:
        if "live" in s.modes and s.latitude is not None:
            by_cell.setdefault(_bound_cell(s.latitude, s.longitude), []).append(s)
    online: dict = {}
    for s in seekers:
        if "online" in s.modes:
            for key in product(s.slots, s.languages):
                online.setdefault(key, []).append(s)
    result = set()
    for u in candidates:
        if any(_fits_group(u, g) for g in groups):
            continue
        by_key: dict = {}
        if "online" in u.modes:
            for key in product(u.slots, u.languages):
                # More than 60 partners always hold a compatible three: no need to list them all.
                found = by_key.setdefault(("online",) + key, [])
                for s in online.get(key, ()):
                    if s.id != u.id and not _apart(u, s):
                        found.append(s)
                        if len(found) > 60:
                            break
        if "live" in u.modes and u.latitude is not None:
            for s in _within(by_cell, u.latitude, u.longitude, u.max_distance_km + farthest):
                if s.id == u.id or _apart(u, s) or not _reach(u, s):
                    continue
                for slot in u.slots & s.slots:
                    for lang in u.languages & s.languages:
                        by_key.setdefault(("live", slot, lang), []).append(s)
        if not any(_has_compatible_triple(u, mode, found) for (mode, _, _), found in by_key.items()):
            result.add(u.id)
    return result


BOUND_CELL_DEGREES = 0.25


def _bound_cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / BOUND_CELL_DEGREES), math.floor(lon / BOUND_CELL_DEGREES)


def _within(by_cell, lat: float, lon: float, km: float):
    """Live seekers in the cells that can hold someone within ``km`` of a point (on a sphere: a
    degree of latitude is 111 km, a degree of longitude at least 111 km x cos(54 degrees))."""
    cy, cx = _bound_cell(lat, lon)
    rows = math.ceil(km / (111.0 * BOUND_CELL_DEGREES)) + 1
    columns = math.ceil(km / (111.0 * math.cos(math.radians(54.0)) * BOUND_CELL_DEGREES)) + 1
    for dy in range(-rows, rows + 1):
        for dx in range(-columns, columns + 1):
            yield from by_cell.get((cy + dy, cx + dx), ())


def _apart(a, b) -> bool:
    return b.id in a.avoid or a.id in b.avoid


def _reach(a, b) -> bool:
    """Two live seekers can only meet if their reaches overlap."""
    return haversine(a.latitude, a.longitude, b.latitude, b.longitude) <= a.max_distance_km + b.max_distance_km


def _has_compatible_triple(u, mode, people) -> bool:
    """Three partners who could be in one group with u: nobody avoids anybody, and for live a
    point exists within everyone's reach."""
    if len(people) < 3:
        return False
    if len(people) > 60:
        return True
    ok = (lambda a, b: not _apart(a, b)) if mode == "online" else (lambda a, b: not _apart(a, b) and _reach(a, b))
    for x in range(len(people)):
        for y in range(x + 1, len(people)):
            if not ok(people[x], people[y]):
                continue
            for z in range(y + 1, len(people)):
                if (
                    ok(people[x], people[z])
                    and ok(people[y], people[z])
                    and (mode == "online" or _disks_meet([u, people[x], people[y], people[z]]))
                ):
                    return True
    return False


def _disks_meet(people) -> bool:
    """Whether the discs of reach around everyone's home share a point. If they do, the shared
    region's westmost point is a disc's westmost point or where two circles cross; so testing
    those points is exact (on a local flat map, with a 0.5% tolerance in the group's favour, and
    a millimetre for rounding: a crossing point computed from two circles lies on both)."""
    lat0 = sum(p.latitude for p in people) / len(people)
    kx, ky = 111.195 * math.cos(math.radians(lat0)), 111.195
    discs = [(p.longitude * kx, p.latitude * ky, p.max_distance_km * 1.005) for p in people]
    points = [(x - r, y) for x, y, r in discs]
    for i in range(len(discs)):
        for j in range(i + 1, len(discs)):
            (x1, y1, r1), (x2, y2, r2) = discs[i], discs[j]
            d = math.hypot(x2 - x1, y2 - y1)
            if d == 0 or d > r1 + r2 or d < abs(r1 - r2):
                continue
            a = (r1 * r1 - r2 * r2 + d * d) / (2 * d)
            h = math.sqrt(max(0.0, r1 * r1 - a * a))
            mx, my = x1 + a * (x2 - x1) / d, y1 + a * (y2 - y1) / d
            points += [
                (mx + h * (y2 - y1) / d, my - h * (x2 - x1) / d),
                (mx - h * (y2 - y1) / d, my + h * (x2 - x1) / d),
            ]
    # A crossing point lies on two circles: rounding must not put it outside them.
    return any(all(math.hypot(px - x, py - y) <= r + 1e-6 for x, y, r in discs) for px, py in points)


def _fits_group(s, g) -> bool:
    if g.language not in s.languages or (g.slots and not g.slots & s.slots) or s.avoid & g.member_ids:
        return False
    near = (
        s.latitude is not None
        and g.latitude is not None
        and haversine(s.latitude, s.longitude, g.latitude, g.longitude) <= s.max_distance_km
    )
    return (
        "online" in s.modes
        and g.mode in ("online", "both")
        or "live" in s.modes
        and near
        and g.mode in ("live", "both")
    )


def _fill_bound(seekers, groups) -> int:
    """Free places that some fitting seeker could take: per group, its free places or the number
    of seekers who fit it, whichever is less (counted until there are enough)."""
    farthest = max((s.max_distance_km for s in seekers), default=0.0)
    by_cell: dict = {}
    online: dict = {}
    for s in seekers:
        if "live" in s.modes and s.latitude is not None:
            by_cell.setdefault(_bound_cell(s.latitude, s.longitude), []).append(s)
        if "online" in s.modes:
            for lang in s.languages:
                online.setdefault((None, lang), []).append(s)
                for slot in s.slots:
                    online.setdefault((slot, lang), []).append(s)
    total = 0
    for g in groups:
        nearby = []
        if g.mode != "live":
            for slot in g.slots or (None,):
                nearby += online.get((slot, g.language), [])
        if g.mode != "online" and g.latitude is not None:
            nearby += _within(by_cell, g.latitude, g.longitude, farthest)
        fitting: set = set()
        for s in nearby:
            if len(fitting) >= g.free_places:
                break
            if s.id not in fitting and _fits_group(s, g):
                fitting.add(s.id)
        total += len(fitting)
    return total


def run_size(n: int) -> dict:
    made = time.process_time()
    seekers, groups = make_seekers(n, seed=n)
    made = time.process_time() - made
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = form_groups(seekers, groups, Parameters(seed=1))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    broken = violations(seekers, groups, outcome)
    by_id = {s.id: s for s in seekers}
    unplaceable = provably_unplaceable(seekers, groups, [by_id[u.seeker_id] for u in outcome.unplaced])
    free = sum(g.free_places for g in groups)
    fill_bound = _fill_bound(seekers, groups)
    scores = [p.score for p in outcome.proposals]
    most = max_placed(seekers, groups, seconds=300) if n == SPARSE else None
    return {
        "n": n,
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "seed_cpu_seconds": round(made, 3),
        "most_placeable_share": round(most.placed / n, 4) if most else None,
        "most_placeable_proven": most.proven if most else None,
        "placed_share": round(outcome.placed_count / n, 4),
        "placed_share_upper_bound": round((n - len(unplaceable)) / n, 4),
        "existing_places": free,
        "existing_places_filled": len(outcome.placements),
        "existing_places_bound": fill_bound,
        "groups": len(scores),
        "score": round(sum(scores), 3),
        "mean_score": round(sum(scores) / len(scores), 4) if scores else None,
        "weakest_score": round(min(scores), 4) if scores else None,
        "hard_rule_violations": len(broken),
    }


def run_small(k: int, n: int) -> dict:
    seekers = make_region(n, seed=100 + k)
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = form_groups(seekers, (), Parameters(seed=1))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    optimum = solve(seekers, seconds=300)
    placed, weakest, total = outcome.placed_count, outcome.weakest_score, outcome.total_score
    gap = 0.0
    if optimum.placed:
        gap = max(gap, (optimum.placed - placed) / optimum.placed)
    if placed == optimum.placed:
        gap = max(gap, (optimum.weakest - weakest) / optimum.weakest)
        if abs(weakest - optimum.weakest) < 1e-6 and optimum.total:
            gap = max(gap, (optimum.total - total) / optimum.total)
    return {
        "n": n,
        "instance": f"region-{k}",
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "placed_share": round(placed / n, 4),
        "score": round(total, 4),
        "weakest_score": round(weakest, 4),
        "hard_rule_violations": len(violations(seekers, (), outcome)),
        "optimum": round(optimum.total, 4),
        "optimum_placed": optimum.placed,
        "optimum_weakest": round(optimum.weakest, 4),
        "gap_to_optimum": round(max(0.0, gap), 4),
    }


def main() -> None:
    runs = []
    print(
        f"{'n':>6} {'wall s':>7} {'cpu s':>6} {'growth':>6} {'placed':>7} {'most':>6} {'bound':>6} {'filled':>11} "
        f"{'groups':>6} {'score':>8} {'mean':>6} {'weakest':>7} {'viol':>4}"
    )
    previous = None
    for n in SIZES:
        r = run_size(n)
        # CPU time grown by how much more than the size grew: 1.0 is linear, 2.0 doubling per size.
        if previous and previous["cpu_seconds"]:
            r["growth"] = round((r["cpu_seconds"] / previous["cpu_seconds"]) / (n / previous["n"]), 2)
        runs.append(r)
        previous = r
        most = f"{r['most_placeable_share']:.1%}" if r["most_placeable_share"] is not None else "-"
        growth = f"{r['growth']:.2f}" if "growth" in r else "-"
        print(
            f"{n:>6} {r['seconds']:>7.2f} {r['cpu_seconds']:>6.2f} {growth:>6} {r['placed_share']:>7.1%} {most:>6} "
            f"{r['placed_share_upper_bound']:>6.1%} {r['existing_places_filled']:>5}/{r['existing_places_bound']:<5} "
            f"{r['groups']:>6} {r['score']:>8.1f} {r['mean_score'] or 0:>6.3f} {r['weakest_score'] or 0:>7.3f} "
            f"{r['hard_rule_violations']:>4}",
            flush=True,
        )
    print("growth: (CPU time / CPU time of the size before) / (size / size before); 1.00 is linear")
    print("most: the most any proposal could place (exact, CP-SAT), solved for the sparse instance only")
    print()
    print(
        f"{'small':>10} {'n':>3} {'placed':>6} {'opt':>4} {'weakest':>7} {'opt':>6} {'sum':>6} {'opt':>6} "
        f"{'gap':>6} {'viol':>4}"
    )
    for k, n in enumerate(SMALL):
        r = run_small(k, n)
        runs.append(r)
        print(
            f"{r['instance']:>10} {n:>3} {round(r['placed_share'] * n):>6} {r['optimum_placed']:>4} "
            f"{r['weakest_score']:>7.4f} {r['optimum_weakest']:>6.4f} {r['score']:>6.3f} {r['optimum']:>6.3f} "
            f"{r['gap_to_optimum']:>6.2%} {r['hard_rule_violations']:>4}",
            flush=True,
        )
    out = ROOT / "var" / "bench" / "group_former.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(runs, indent=2))
    print(f"\nwritten {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
