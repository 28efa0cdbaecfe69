"""Speed and quality of the intervision group former (issue 4).

For each size (env BENCH_FORMER_SIZES, default 100,1000,5000,10000,20000): wall and CPU time,
share placed against a provable upper bound, existing places filled, scores, and hard-rule
violations found by the checker below, which shares no code with the former. Then, for ten small
instances in one region, the exact CP-SAT optimum and the heuristic's gap to it.
Figures go to var/bench/group_former.json.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kring.intervision.former import Parameters, form_groups  # noqa: E402
from kring.intervision.former.exact import solve  # noqa: E402
from tests.seekers import make_region, make_seekers  # noqa: E402

SIZES = [int(x) for x in os.environ.get("BENCH_FORMER_SIZES", "100,1000,5000,10000,20000").split(",") if x]
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
    be grouped with each other."""
    by_cell: dict = {}
    for s in seekers:
        if "live" in s.modes and s.latitude is not None:
            by_cell.setdefault((round(s.latitude * 2), round(s.longitude * 2)), []).append(s)
    online = [s for s in seekers if "online" in s.modes]
    result = set()
    for u in candidates:
        if any(_fits_group(u, g) for g in groups):
            continue
        partners = []
        if "online" in u.modes:
            partners += [("online", s) for s in online]
        if "live" in u.modes and u.latitude is not None:
            cy, cx = round(u.latitude * 2), round(u.longitude * 2)
            for dy in (-1, 0, 1):
                for dx in (-2, -1, 0, 1, 2):
                    for s in by_cell.get((cy + dy, cx + dx), ()):
                        if _reach(u, s):
                            partners.append(("live", s))
        by_key: dict = {}
        for mode, s in partners:
            if s.id == u.id or _apart(u, s):
                continue
            for slot in u.slots & s.slots:
                for lang in u.languages & s.languages:
                    by_key.setdefault((mode, slot, lang), []).append(s)
        if not any(_has_compatible_triple(u, mode, found) for (mode, _, _), found in by_key.items()):
            result.add(u.id)
    return result


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
    those points is exact (on a local flat map, with a 0.5% tolerance in the group's favour)."""
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
    return any(all(math.hypot(px - x, py - y) <= r for x, y, r in discs) for px, py in points)


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


def run_size(n: int) -> dict:
    seekers, groups = make_seekers(n, seed=n)
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = form_groups(seekers, groups, Parameters(seed=1))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    broken = violations(seekers, groups, outcome)
    by_id = {s.id: s for s in seekers}
    unplaceable = provably_unplaceable(seekers, groups, [by_id[u.seeker_id] for u in outcome.unplaced])
    free = sum(g.free_places for g in groups)
    fill_bound = sum(min(g.free_places, sum(1 for s in seekers if _fits_group(s, g))) for g in groups)
    scores = [p.score for p in outcome.proposals]
    return {
        "n": n,
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
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
        f"{'n':>6} {'wall s':>7} {'cpu s':>6} {'placed':>7} {'bound':>6} {'filled':>9} {'groups':>6} "
        f"{'score':>8} {'mean':>6} {'weakest':>7} {'viol':>4}"
    )
    for n in SIZES:
        r = run_size(n)
        runs.append(r)
        print(
            f"{n:>6} {r['seconds']:>7.2f} {r['cpu_seconds']:>6.2f} {r['placed_share']:>7.1%} "
            f"{r['placed_share_upper_bound']:>6.1%} {r['existing_places_filled']:>4}/{r['existing_places_bound']:<4} "
            f"{r['groups']:>6} {r['score']:>8.1f} {r['mean_score'] or 0:>6.3f} {r['weakest_score'] or 0:>7.3f} "
            f"{r['hard_rule_violations']:>4}",
            flush=True,
        )
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
