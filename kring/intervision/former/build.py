"""Construction: grow new groups from the hardest to place (``open_groups.py`` fills free places first)."""

from __future__ import annotations

import math

from .nearby import LiveArrays
from .problem import KM_PER_DEGREE, LIVE_BIT, NO_WISH, ONLINE_BIT, WISH_MIXED, WISH_UNIFORM, Problem, flat_km
from .space import Grid

POOL_SIZE = 24
EPSILON = 1e-9  # room for rounding in a bound on a sum of a few terms below 1
ARRAYS_FROM = 2000  # seekers; below it a run makes several attempts of a few milliseconds each


class FormingGroup:
    """A new group under construction or improvement."""

    __slots__ = ("members", "live", "score", "centre", "key")

    def __init__(self, members, live, score, centre):
        self.members = list(members)
        self.live = live
        self.score = score
        self.centre = centre
        self.key = 0


class Index:
    """Where to look for partners: a grid of live seekers (and a copy of it that forgets whoever
    is taken) and, for online seekers, lists per (slot, language) ordered from hardest to easiest
    to place."""

    def __init__(self, problem: Problem, order: list[int]):
        self.problem = problem
        self.grid = Grid()
        self.untaken = Grid()
        self.buckets: dict[tuple[int, int], list[int]] = {}
        self.domain_buckets: dict[tuple[int, int, int], list[int]] = {}
        self.max_radius = max(problem.rad, default=0.0)
        self.rank = [0] * len(order)  # position in the hardest-first order
        for position, i in enumerate(order):
            self.rank[i] = position
        for i in order:
            mode = problem.modes[i]
            if mode & LIVE_BIT:
                self.grid.add(i, problem.lat[i], problem.lon[i])
                self.untaken.add(i, problem.lat[i], problem.lon[i])
            if mode & ONLINE_BIT:
                for slot in bits_of(problem.slots[i]):
                    for lang in bits_of(problem.langs[i]):
                        self.buckets.setdefault((slot, lang), []).append(i)
                        if problem.domain[i] >= 0:
                            self.domain_buckets.setdefault((slot, lang, problem.domain[i]), []).append(i)
        self.starts: dict = {}
        self._live_arrays: LiveArrays | None = None

    def live_arrays(self) -> LiveArrays | None:
        """The live seekers as arrays (made at the first question), or None for the loops: for a
        small instance (tried many times, where numpy's cost per call outweighs its speed) and
        where the masks do not fit numpy's integers. Both give the same answers."""
        if self._live_arrays is None and len(self.rank) >= ARRAYS_FROM and LiveArrays.usable(self.problem):
            self._live_arrays = LiveArrays(self.problem, self.rank, self.max_radius)
        return self._live_arrays

    def walk(self, key, bucket, taken):
        """The bucket's entries, skipping (and forgetting) the taken ones at its front."""
        start = self.starts.get(key, 0)
        while start < len(bucket) and taken[bucket[start]]:
            start += 1
        self.starts[key] = start
        for k in range(start, len(bucket)):
            if not taken[bucket[k]]:
                yield bucket[k]


def bits_of(mask: int) -> list[int]:
    bits = []
    while mask:
        low = mask & -mask
        bits.append(low.bit_length() - 1)
        mask ^= low
    return bits


def ease_order(problem: Problem, rng, noise: float = 0.0) -> list[int]:
    """Seekers from the hardest to place to the easiest: few live neighbours, few shared moments,
    live only. Ties are broken by the seeded random generator, so one seed gives one answer."""
    n = len(problem.seekers)
    grid = Grid()
    for i in range(n):
        if problem.modes[i] & LIVE_BIT:
            grid.add(i, problem.lat[i], problem.lon[i])
    slot_count = max(1, len(problem.slot_names))
    online: dict[tuple[int, int], int] = {}
    for i in range(n):
        if problem.modes[i] & ONLINE_BIT:
            for slot in bits_of(problem.slots[i]):
                for lang in bits_of(problem.langs[i]):
                    online[(slot, lang)] = online.get((slot, lang), 0) + 1
    ease = [0.0] * n
    for i in range(n):
        slots = problem.slots[i]
        share = slots.bit_count() / slot_count
        value = 0.0
        if problem.modes[i] & LIVE_BIT:
            value += grid.count_around(problem.lat[i], problem.lon[i]) * share * problem.rad[i] / 25.0
        if problem.modes[i] & ONLINE_BIT:
            value += sum(online[(s, lang)] for s in bits_of(slots) for lang in bits_of(problem.langs[i]))
        ease[i] = value * (1.0 + noise * rng.random()) if noise else value
    ties = list(range(n))
    rng.shuffle(ties)
    return sorted(range(n), key=lambda i: (ease[i], ties[i]))


# -- new groups -----------------------------------------------------------------------------------


def live_pool(problem: Problem, index: Index, s: int, taken, limit: int):
    """Untaken live seekers who can meet at s's home (each within their own reach of it) and
    share a language and a moment with s, nearest first: from the rings of grid cells around s,
    as many rings as it takes to find ``limit``, at most ``2 * limit``."""
    arrays = index.live_arrays()
    if arrays is None:
        return live_pool_reference(problem, index, s, taken, limit)
    return arrays.pool_at_home(problem, s, taken, limit)


def live_pool_reference(problem: Problem, index: Index, s: int, taken, limit: int):
    """``live_pool`` with a loop over the grid's cells: the reference for the arrays."""
    lat, lon, cos, rad = problem.lat, problem.lon, problem.cos, problem.rad
    all_slots, all_langs = problem.slots, problem.langs
    slat, slon, scos = lat[s], lon[s], cos[s]
    slots, langs, conflicts = all_slots[s], all_langs[s], problem.conflicts[s]
    sqrt = math.sqrt
    pool = []
    for ring in index.untaken.untaken_rings(slat, slon, index.max_radius, taken):
        for j in ring:
            if j == s or not all_slots[j] & slots or not all_langs[j] & langs:
                continue
            dy = lat[j] - slat  # flat_km, written out: this is the former's innermost loop
            dx = (lon[j] - slon) * (scos + cos[j]) * 0.5
            d = KM_PER_DEGREE * sqrt(dy * dy + dx * dx)
            if d <= rad[j] and j not in conflicts:
                pool.append((d, j))
        if len(pool) >= limit:
            break
    pool.sort()
    return [(j, d) for d, j in pool[: 2 * limit]]


def online_pool(problem: Problem, index: Index, s: int, taken, limit: int):
    conflicts = problem.conflicts[s]
    seen = {s}
    pool = []
    keys = [(slot, lang) for slot in bits_of(problem.slots[s]) for lang in bits_of(problem.langs[s])]
    sources = []
    if problem.domain[s] >= 0:
        sources += [
            (key + (problem.domain[s],), index.domain_buckets.get(key + (problem.domain[s],), [])) for key in keys
        ]
    sources += [(key, index.buckets.get(key, [])) for key in keys]
    quota = limit // 2
    for key, bucket in sources:
        for j in index.walk(key, bucket, taken):
            if j in seen or j in conflicts:
                continue
            seen.add(j)
            pool.append((j, None))
            if len(pool) >= quota:
                break
        if len(pool) >= quota:
            quota = min(limit, quota + limit // 2)
        if len(pool) >= limit:
            break
    return pool


def _target_size(problem: Problem, available: int, saw_everyone: bool) -> int:
    p = problem.parameters
    preferred = max(p.preferred_sizes)
    if not saw_everyone:
        return preferred
    groups = math.ceil(available / preferred)
    return min(p.max_size, math.ceil(available / groups))


def build_group(problem: Problem, index: Index, s: int, live: bool, taken):
    """Grow a group around s from the partners nearby, one best-fitting member at a time."""
    p = problem.parameters
    pool = (live_pool if live else online_pool)(problem, index, s, taken, POOL_SIZE)
    if len(pool) < p.min_size - 1:
        return _build_spread_group(problem, index, s, taken) if live else None
    target = _target_size(problem, len(pool) + 1, len(pool) < POOL_SIZE)
    w = p.weights
    domain, tgt, level, wish, rad = problem.domain, problem.target, problem.level, problem.wish, problem.rad
    ds, ts = domain[s], tgt[s]
    rank = index.rank
    n = len(problem.seekers) or 1
    static = {}
    for j, d in pool:
        a = w.domain * (1.0 if ds < 0 or domain[j] < 0 or domain[j] == ds else 0.0)
        a += w.target_group * (1.0 if ts < 0 or tgt[j] < 0 or tgt[j] == ts else 0.0)
        if d is not None and rad[j]:
            a += w.travel * (1.0 - d / rad[j])
        a += 0.05 * (1.0 - rank[j] / n)
        static[j] = a
    members = [s]
    member_set = {s}
    all_slots, all_langs, conflicts = problem.slots, problem.langs, problem.conflicts
    experience, wish_s, level_s = w.experience, wish[s], level[s]
    slots, langs = all_slots[s], all_langs[s]
    levels = [0, 0, 0]
    levels[level_s] += 1
    # Whoever stops sharing a moment or a language, or conflicts with a member, never comes back:
    # they leave the list at once (the order of the others, which breaks ties, stays).
    # Partners by their fixed part of the value, highest first (ties in pool order): once that
    # part plus the most the other terms can add falls below the best value found, nobody further
    # down can win, and the rest of the list is not looked at.
    rows = sorted(
        (
            (j, static[j], level[j], wish[j], problem.last_year[j], all_slots[j], position)
            for position, (j, _) in enumerate(pool)
            if all_slots[j] & slots and all_langs[j] & langs
        ),
        key=lambda row: -row[1],
    )
    while len(members) < target:
        size = len(members)
        # The experience terms depend only on a partner's level and wish: worked out once per
        # step, with the same arithmetic as per partner (adding 0.0 where there is no wish).
        for_s = [
            experience * (1.0 if lj == level_s else 0.0)
            if wish_s == WISH_UNIFORM
            else 0.0
            if wish_s == NO_WISH
            else experience * (1.0 - levels[lj] / size)
            for lj in range(3)
        ]
        for_j = {
            NO_WISH: (0.0, 0.0, 0.0),
            WISH_MIXED: [experience * (1.0 - levels[lj] / size) for lj in range(3)],
            WISH_UNIFORM: [experience * levels[lj] / size for lj in range(3)],
        }
        most_added = max(for_s) + max(max(terms) for terms in for_j.values()) + 0.01 * slots.bit_count() + EPSILON
        best, best_value, best_position = None, -math.inf, 0
        for row in rows:
            j, value, lj, wish_j, met, slots_j, position = row
            if value + most_added < best_value:
                break
            value = value + for_s[lj] + for_j[wish_j][lj]
            if met and not met.isdisjoint(member_set):
                value -= w.new_colleagues
            value += 0.01 * (slots_j & slots).bit_count()
            if value > best_value or (value == best_value and position < best_position):
                best, best_value, best_position = row, value, position
        if best is None:
            break
        chosen = best[0]
        members.append(chosen)
        member_set.add(chosen)
        slots &= all_slots[chosen]
        langs &= all_langs[chosen]
        levels[level[chosen]] += 1
        rows = [
            row
            for row in rows
            if row[0] != chosen and row[5] & slots and all_langs[row[0]] & langs and chosen not in conflicts[row[0]]
        ]
    if len(members) < p.min_size:
        return None
    scored = problem.score(members, live)
    if scored is None:
        return None
    return FormingGroup(members, live, scored[0], scored[1])


def spread_pool(problem: Problem, index: Index, s: int, taken) -> list[int]:
    """Untaken live seekers whose reach overlaps s's (so they might meet halfway), nearest first."""
    lat, lon, cos, rad = problem.lat, problem.lon, problem.cos, problem.rad
    slots, langs, conflicts = problem.slots[s], problem.langs[s], problem.conflicts[s]
    pool = []
    for ring in index.untaken.untaken_rings(lat[s], lon[s], rad[s] + index.max_radius, taken):
        for j in ring:
            if taken[j] or j == s or not problem.slots[j] & slots or not problem.langs[j] & langs or j in conflicts:
                continue
            d = flat_km(lat[s], lon[s], cos[s], lat[j], lon[j], cos[j])
            if d <= rad[s] + rad[j]:
                pool.append((d, j))
    pool.sort()
    return [j for _, j in pool]


def _build_spread_group(problem: Problem, index: Index, s: int, taken):
    """For a seeker with few neighbours: partners who cannot come to s's home may still meet
    everyone halfway. Tries them nearest first, keeping each one only if a meeting point remains."""
    p = problem.parameters
    pool = spread_pool(problem, index, s, taken)
    if len(pool) < p.min_size - 1:
        return None
    members = [s]
    for j in pool[: 4 * POOL_SIZE]:
        if problem.score(members + [j], True) is not None:
            members.append(j)
            if len(members) == max(p.preferred_sizes):
                break
    if len(members) < p.min_size:
        return None
    score, centre = problem.score(members, True)
    return FormingGroup(members, True, score, centre)


def grow_groups(problem: Problem, index: Index, order: list[int], taken) -> list[FormingGroup]:
    groups = []
    for s in order:
        if taken[s]:
            continue
        group = None
        if problem.modes[s] & LIVE_BIT:
            group = build_group(problem, index, s, True, taken)
        if group is None and problem.modes[s] & ONLINE_BIT:
            group = build_group(problem, index, s, False, taken)
        if group is not None:
            for i in group.members:
                taken[i] = 1
            groups.append(group)
    return groups
