"""A coarse grid over NL and Flanders, so that "who lives within 30 km" never needs a distance
matrix: each query looks only at the cells around a point, ring by ring outwards."""

from __future__ import annotations

import math

from .problem import KM_PER_DEGREE

CELL_KM = 10.0
X_SCALE = KM_PER_DEGREE * math.cos(math.radians(51.5)) / CELL_KM
Y_SCALE = KM_PER_DEGREE / CELL_KM
# East-west distances on the grid are off by up to 5% between Limburg (BE) and Groningen.
GRID_SLACK = 0.94


def cell_of(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat * Y_SCALE), math.floor(lon * X_SCALE)


def ring_offsets(ring: int) -> list[tuple[int, int]]:
    if ring == 0:
        return [(0, 0)]
    offsets = []
    for dy in range(-ring, ring + 1):
        if abs(dy) == ring:
            offsets.extend((dy, dx) for dx in range(-ring, ring + 1))
        else:
            offsets.extend(((dy, -ring), (dy, ring)))
    return offsets


_RINGS = [ring_offsets(r) for r in range(40)]


def rings_within(radius_km: float) -> int:
    """How many rings around a cell can hold a point within ``radius_km``."""
    return min(len(_RINGS) - 1, int(radius_km / (CELL_KM * GRID_SLACK)) + 1)


class Grid:
    """Items (ints) bucketed by the cell of their position."""

    def __init__(self):
        self.cells: dict[tuple[int, int], list[int]] = {}

    def add(self, item: int, lat: float, lon: float) -> None:
        self.cells.setdefault(cell_of(lat, lon), []).append(item)

    def rings(self, lat: float, lon: float, radius_km: float):
        """Yield, ring by ring, the list of items in the cells of that ring."""
        cy, cx = cell_of(lat, lon)
        cells = self.cells
        for ring in range(rings_within(radius_km) + 1):
            found = []
            for dy, dx in _RINGS[ring]:
                items = cells.get((cy + dy, cx + dx))
                if items:
                    found.extend(items)
            yield found

    def untaken_rings(self, lat: float, lon: float, radius_km: float, taken):
        """Like ``rings``, without the taken items. They are dropped from the cells they are met
        in, so that filling a dense town does not read its taken people again at every group
        (only for a grid whose callers all skip taken items)."""
        cy, cx = cell_of(lat, lon)
        cells = self.cells
        for ring in range(rings_within(radius_km) + 1):
            found = []
            for dy, dx in _RINGS[ring]:
                key = (cy + dy, cx + dx)
                items = cells.get(key)
                if items:
                    kept = [i for i in items if not taken[i]]
                    if len(kept) < len(items):
                        cells[key] = kept
                    found.extend(kept)
            yield found

    def count_around(self, lat: float, lon: float) -> int:
        cy, cx = cell_of(lat, lon)
        cells = self.cells
        return sum(len(cells.get((cy + dy, cx + dx), ())) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
