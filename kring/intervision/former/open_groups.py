"""Free places in existing groups: who could take them, and who does.

Each group considers its compatible seekers hardest first. Listing all of them costs as much as
there are seekers within 50 km, for every group: quadratic as the association grows. So
``Candidates`` finds only the hardest few (``limit``), with a threshold scan over rank-ordered grid
cells, and finds more only when the filling reaches the end of what it found; the list it yields
is always exactly the start of the full list (``open_group_candidates``, kept as the reference).
"""

from __future__ import annotations

import math
from itertools import islice

from .build import Index, bits_of
from .model import BOTH, LIVE, ONLINE, UNIFORM, OpenGroup
from .nearby import LiveArrays
from .problem import LIVE_BIT, NO_WISH, WISH_MIXED, WISH_UNIFORM, Problem, flat_km
from .space import cell_of


def open_group_fit(problem: Problem, i: int, group: OpenGroup, distance: float | None) -> float:
    """How well seeker i fits an existing group: shared domain and target group, experience
    wishes on both sides, travel, new colleagues (the size part is always full)."""
    w = problem.parameters.weights
    s = problem.seekers[i]
    fit = w.domain * (1.0 if not group.domain or not s.domain or s.domain == group.domain else 0.0)
    fit += w.target_group * (
        1.0 if not group.target_group or not s.target_group or s.target_group == group.target_group else 0.0
    )
    levels = list(group.experience_levels)
    level = problem.level[i]

    def satisfied(wish: int) -> float:
        if wish == NO_WISH or not levels:
            return 1.0
        if wish == WISH_UNIFORM:
            return levels.count(level) / len(levels)
        return min(1.0, (len(levels) - levels.count(level)) / (0.5 * len(levels)))

    group_wish = WISH_UNIFORM if group.experience_mix == UNIFORM else WISH_MIXED
    fit += w.experience * (satisfied(problem.wish[i]) + satisfied(group_wish)) / 2
    fit += w.travel * (1.0 if distance is None or not problem.rad[i] else max(0.0, 1.0 - distance / problem.rad[i]))
    fit += w.new_colleagues * (1.0 if s.last_year.isdisjoint(group.member_ids) else 0.0)
    return fit + w.size


def _masks(problem: Problem, group: OpenGroup) -> tuple[int, int] | None:
    """The group's language bit and slot mask (-1: any moment), or None when nobody can match."""
    if group.language not in problem.language_index:
        return None
    known = [problem.slot_index[s] for s in group.slots if s in problem.slot_index]
    slot_mask = sum(1 << b for b in set(known)) if group.slots else -1
    if not slot_mask:
        return None
    return 1 << problem.language_index[group.language], slot_mask


def _place(group: OpenGroup) -> tuple[float, float, float] | None:
    """The meeting place of a group that meets live (or hybrid), with its cosine."""
    if group.mode not in (LIVE, BOTH) or group.latitude is None or group.longitude is None:
        return None
    glat, glon = float(group.latitude), float(group.longitude)
    return glat, glon, math.cos(math.radians(glat))


def open_group_candidates(problem: Problem, index: Index, group: OpenGroup, taken, limit: int):
    """Every compatible untaken seeker for an existing group, hardest first, with their fit: the
    live ones within their reach of the meeting place, and up to ``limit`` online ones per moment.
    The straightforward reference for ``Candidates``, which finds the same list in parts."""
    masks = _masks(problem, group)
    if masks is None:
        return []
    lang_bit, slot_mask = masks
    found: dict[int, float | None] = {}
    place = _place(group)
    if place is not None:
        glat, glon, gcos = place
        for ring in index.grid.rings(glat, glon, index.max_radius):
            for i in ring:
                if taken[i] or not problem.langs[i] & lang_bit or not problem.slots[i] & slot_mask:
                    continue
                d = flat_km(glat, glon, gcos, problem.lat[i], problem.lon[i], problem.cos[i])
                if d <= problem.rad[i]:
                    found[i] = d
    for i in _online_candidates(problem, index, group, taken, limit, slot_mask, lambda i: i in found):
        found[i] = None
    rank = index.rank
    return [
        (i, open_group_fit(problem, i, group, found[i]))
        for i in sorted(found, key=rank.__getitem__)
        if problem.seekers[i].avoid.isdisjoint(group.member_ids)
    ]


def _online_candidates(problem: Problem, index: Index, group: OpenGroup, taken, limit, slot_mask, live_found):
    """Up to ``limit`` online seekers per moment of the group, hardest first, who are not already
    candidates by living near (``live_found``); avoiders are filtered afterwards, as before."""
    if group.mode not in (ONLINE, BOTH):
        return []
    lang = problem.language_index[group.language]
    slots = bits_of(slot_mask) if slot_mask != -1 else list(range(len(problem.slot_names)))
    chosen: list[int] = []
    seen: set[int] = set()
    for slot in slots:
        bucket = index.buckets.get((slot, lang), [])
        count = 0
        for i in index.walk((slot, lang), bucket, taken):
            if i not in seen and not live_found(i):
                seen.add(i)
                chosen.append(i)
                count += 1
                if count >= limit:
                    break
    return chosen


class Candidates:
    """An open group's candidates, exactly as ``open_group_candidates`` lists them, merged and
    given their fit only as far as the filling looks (most groups need a handful)."""

    def __init__(self, problem: Problem, index: Index, live: LiveArrays, group: OpenGroup, taken, limit: int):
        self.problem, self.group, self.rank = problem, group, index.rank
        self.items: list[tuple[int, float]] = []
        self.near: list[int] = []
        self.distances: list[float] = []
        self.online: list[int] = []
        self.avoiding: set[int] = set()
        self.size = 0
        self._source = iter(())
        masks = _masks(problem, group)
        if masks is None:
            return
        lang_bit, slot_mask = masks
        place, may_avoid = _place(group), []
        if place is not None:
            self.near, self.distances, may_avoid = live.within_reach(place, lang_bit, slot_mask, taken)
            reach = _LiveReach(problem, place, live.reach, taken)
        online = _online_candidates(problem, index, group, taken, limit, slot_mask, reach if place else _nobody)
        seekers, members = problem.seekers, group.member_ids
        self.avoiding = {k for k in may_avoid if not seekers[self.near[k]].avoid.isdisjoint(members)}
        self.online = sorted((i for i in online if seekers[i].avoid.isdisjoint(members)), key=self.rank.__getitem__)
        self.size = len(self.near) - len(self.avoiding) + len(self.online)
        self._source = self._merged()

    def __len__(self) -> int:
        return self.size

    def __iter__(self):
        k = 0
        while True:
            if k == len(self.items):
                entry = next(self._source, None)
                if entry is None:
                    return
                self.items.append((entry[0], open_group_fit(self.problem, entry[0], self.group, entry[1])))
            yield self.items[k]
            k += 1

    def _merged(self):
        """Live and online candidates in one hardest-first order (the two lists never overlap)."""
        near, online, rank = self.near, self.online, self.rank
        a = b = 0
        while a < len(near) or b < len(online):
            if b == len(online) or (a < len(near) and rank[near[a]] < rank[online[b]]):
                if a not in self.avoiding:
                    yield near[a], self.distances[a]
                a += 1
            else:
                yield online[b], None
                b += 1


def _nobody(i: int) -> bool:
    return False


class _LiveReach:
    """Whether seeker i is a live candidate of a meeting place (before the avoid check), the
    question the reference answers with its dict when it walks the online lists."""

    def __init__(self, problem: Problem, place, reach: int, taken):
        self.problem, self.place, self.reach, self.taken = problem, place, reach, taken
        self.cell = cell_of(place[0], place[1])

    def __call__(self, i: int) -> bool:
        problem, (glat, glon, gcos) = self.problem, self.place
        if not problem.modes[i] & LIVE_BIT or self.taken[i]:
            return False
        iy, ix = cell_of(problem.lat[i], problem.lon[i])
        if max(abs(iy - self.cell[0]), abs(ix - self.cell[1])) > self.reach:
            return False
        return flat_km(glat, glon, gcos, problem.lat[i], problem.lon[i], problem.cos[i]) <= problem.rad[i]


def fill_open_groups(problem: Problem, index: Index, groups: list[OpenGroup], taken) -> list[tuple[int, int, float]]:
    """Fill free places: groups with the fewest candidates first, each choosing among its hardest
    candidates the best fitting; then one round of exchanges frees a place for a seeker whom only
    a full group could take."""
    return choose_for_open_groups(problem, groups, candidate_lists(problem, index, groups, taken), taken)


def candidate_lists(problem: Problem, index: Index, groups: list[OpenGroup], taken) -> dict:
    """Per group with free places, its candidates: ``Candidates`` where the masks fit numpy's
    integers, else the reference lists."""
    live = index.live_arrays()
    found = {}
    for g, group in enumerate(groups):
        if group.free_places > 0:
            limit = 4 * group.free_places + 12
            if live is not None:
                found[g] = Candidates(problem, index, live, group, taken, limit)
            else:
                found[g] = open_group_candidates(problem, index, group, taken, limit)
    return found


def choose_for_open_groups(problem: Problem, groups: list[OpenGroup], candidates: dict, taken):
    """The filling itself, from each group's candidate list (hardest first, with fits)."""
    chosen: dict[int, list[int]] = {g: [] for g in candidates}
    where: dict[int, int] = {}
    fit_of: dict[tuple[int, int], float] = {}

    def fits_with(i, g, leaving=None):
        return all(m == leaving or (m not in problem.conflicts[i]) for m in chosen[g])

    def place(i, g, fit):
        chosen[g].append(i)
        where[i] = g
        fit_of[(i, g)] = fit

    for g in sorted(candidates, key=lambda g: (len(candidates[g]) / groups[g].free_places, g)):
        room = groups[g].free_places
        window = 2 * room + 4
        while len(chosen[g]) < room:
            options = list(islice(((i, f) for i, f in candidates[g] if i not in where and fits_with(i, g)), window))
            if not options:
                break
            i, fit = max(options, key=lambda item: item[1])
            place(i, g, fit)
    # Exchange: a group with room takes a seeker from another group that can replace them.
    for g in candidates:
        room = groups[g].free_places
        for i, fit in candidates[g]:
            if len(chosen[g]) >= room:
                break
            h = where.get(i)
            if h is None or h == g or not fits_with(i, g):
                continue
            for j, fit_j in candidates[h]:
                if j not in where and fits_with(j, h, leaving=i):
                    chosen[h].remove(i)
                    place(j, h, fit_j)
                    place(i, g, fit)
                    break
    result = []
    for g, members in chosen.items():
        for i in members:
            taken[i] = 1
            result.append((i, g, fit_of[(i, g)]))
    return result
