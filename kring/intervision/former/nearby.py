"""Live seekers as numpy arrays in grid order, for the two questions asked for every group:
"who can come to this place" (an existing group's meeting place, a new group's first member).

The Python loops over grid cells cost as much per question as there are people in the cells
around a place, and the cells of a town fill up as the association grows. Here the cells around a
place are a few slices of sorted arrays, tested in one vectorised pass with the same formula as
``flat_km`` in the same order of operations, so every distance and every comparison is the same
float as in the loops, which stay as the reference (``build.live_pool_reference``,
``open_groups.open_group_candidates``).
"""

from __future__ import annotations

import numpy as np

from .problem import KM_PER_DEGREE, LIVE_BIT, Problem
from .space import X_SCALE, Y_SCALE, cell_of, rings_within

COLUMNS = 1 << 16  # room for every grid column in a row's key (the grid has a few hundred)


class LiveArrays:
    """Every live seeker, sorted by grid cell (row, then column), with what the tests need."""

    def __init__(self, problem: Problem, rank: list[int], max_radius: float):
        live = np.flatnonzero(np.array(problem.modes, dtype=np.int64) & LIVE_BIT)
        lat, lon = np.array(problem.lat)[live], np.array(problem.lon)[live]
        # As ``cell_of`` numbers the cells: the same multiplication, then floor.
        row, column = np.floor(lat * Y_SCALE).astype(np.int64), np.floor(lon * X_SCALE).astype(np.int64)
        by_cell = np.lexsort((column, row))
        self.seeker = live[by_cell]
        self.row, self.column = row[by_cell], column[by_cell]
        self.key = self.row * COLUMNS + self.column
        self.lat, self.lon = lat[by_cell], lon[by_cell]
        self.cos = np.array(problem.cos)[self.seeker]
        self.rad = np.array(problem.rad)[self.seeker]
        self.slots = np.array(problem.slots, dtype=np.int64)[self.seeker]
        self.langs = np.array(problem.langs, dtype=np.int64)[self.seeker]
        self.rank = np.array(rank, dtype=np.int64)[self.seeker]
        self.avoids = np.array([bool(s.avoid) for s in problem.seekers], dtype=bool)[self.seeker]
        self.reach = rings_within(max_radius)

    @staticmethod
    def usable(problem: Problem) -> bool:
        """Slot and language masks fit in 64-bit integers (otherwise the loops are used)."""
        return len(problem.slot_names) < 63 and len(problem.language_names) < 63

    def square(self, cy: int, cx: int, rings: int) -> np.ndarray:
        """Positions of the seekers in the cells at most ``rings`` rings around (cy, cx)."""
        rows = np.arange(cy - rings, cy + rings + 1, dtype=np.int64) * COLUMNS
        starts = np.searchsorted(self.key, rows + (cx - rings))
        ends = np.searchsorted(self.key, rows + (cx + rings), side="right")
        return np.concatenate([np.arange(a, b) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)])

    def distances(self, at: np.ndarray, lat: float, lon: float, cos: float) -> np.ndarray:
        """``flat_km`` from (lat, lon) to the seekers at ``at``, operation for operation."""
        dy = self.lat[at] - lat
        dx = (self.lon[at] - lon) * (cos + self.cos[at]) * 0.5
        return KM_PER_DEGREE * np.sqrt(dy * dy + dx * dx)

    def ring_of(self, at: np.ndarray, cy: int, cx: int) -> np.ndarray:
        return np.maximum(np.abs(self.row[at] - cy), np.abs(self.column[at] - cx))

    def within_reach(self, place: tuple[float, float, float], lang_bit: int, slot_mask: int, taken):
        """Untaken seekers (hardest first) whose reach covers a meeting place, their distances,
        and the positions of those who avoid someone (the caller checks them)."""
        glat, glon, gcos = place
        cy, cx = cell_of(glat, glon)
        at = self.square(cy, cx, self.reach)
        ok = (self.langs[at] & lang_bit) != 0
        if slot_mask != -1:
            ok &= (self.slots[at] & slot_mask) != 0
        ok &= np.frombuffer(taken, dtype=np.uint8)[self.seeker[at]] == 0
        at = at[ok]
        at = at[self.distances(at, glat, glon, gcos) <= self.rad[at]]
        at = at[np.argsort(self.rank[at], kind="stable")]
        return (
            self.seeker[at].tolist(),
            self.distances(at, glat, glon, gcos).tolist(),
            np.flatnonzero(self.avoids[at]).tolist(),
        )

    def pool_at_home(self, problem: Problem, s: int, taken, limit: int) -> list[tuple[int, float]]:
        """``live_pool_reference``: untaken partners for s who reach s's home and share a
        language and a moment, taken ring by ring until there are ``limit``, nearest first."""
        slat, slon, scos = problem.lat[s], problem.lon[s], problem.cos[s]
        cy, cx = cell_of(slat, slon)
        taken_now = np.frombuffer(taken, dtype=np.uint8)
        conflicts = np.array(sorted(problem.conflicts[s]), dtype=np.int64)
        for rings in sorted({min(1, self.reach), self.reach}):  # nearby first; the wide square rarely
            at = self.square(cy, cx, rings)
            ok = (self.slots[at] & problem.slots[s]) != 0
            ok &= (self.langs[at] & problem.langs[s]) != 0
            ok &= taken_now[self.seeker[at]] == 0
            ok &= self.seeker[at] != s
            at = at[ok]
            d = self.distances(at, slat, slon, scos)
            near = d <= self.rad[at]
            if conflicts.size:
                near &= ~np.isin(self.seeker[at], conflicts)
            at, d = at[near], d[near]
            ring = self.ring_of(at, cy, cx)
            enough = np.flatnonzero(np.cumsum(np.bincount(ring, minlength=rings + 1)) >= limit)
            if enough.size:
                keep = ring <= enough[0]
                at, d = at[keep], d[keep]
                break
        seekers = self.seeker[at]
        nearest = np.lexsort((seekers, d))[: 2 * limit]
        return list(zip(seekers[nearest].tolist(), d[nearest].tolist(), strict=True))
