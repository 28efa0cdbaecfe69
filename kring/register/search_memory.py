"""The distance search of "find a trainer" from memory: the search points as numpy arrays per process.

Why: the SQL of a distance search costs per row in the bounding box, so it grows with the register
(1.6 / 4.5 / 16.7 ms at 5k / 50k / 200k trainers). Here the points are held in arrays, grouped in
bands of latitude and sorted by longitude inside a band, so a search touches only the points in its
bounding box and does the arithmetic vectorised: 0.07 ms at 50,000 trainers, 0.12 ms at 200,000.

It answers exactly what ``search.find`` answers in SQL (tests compare every page): the same exact
haversine term computed in the same order of operations on IEEE doubles, the same filters, the same
order (ties by the database's own ordering of ``sort_name``, then the entry id), the same count. The
cards of the page come from memory too: what a card shows of each entry (``CARD_FIELDS``) and its
practices, so a search from memory asks the database nothing but the generation. Memory per process:
42 MB at 45,000 listed trainers (cards 23 MB, arrays 19 MB), loaded in about a second.

Correct on several app servers: the arrays belong to one generation of the search index
(``search_index.generation()``, read on every request anyway); when a server sees a new generation it
loads the arrays again (about a second at 50,000 trainers) while its other requests use SQL.
Searches with free text, or a vocabulary too large for a bit mask, go to SQL as before.
"""

from __future__ import annotations

import datetime
import math
import sys
import threading
from dataclasses import dataclass, field, replace

import numpy as np
from django.db import connection

from kring.core import geo
from kring.register import search_index
from kring.register.models import SearchEntry, SearchPoint

# What a result card shows of an entry (the rest of an entry is not read for a page of results).
CARD_FIELDS = [SearchEntry._meta.get_field(name) for name in ("id", "number", "name", "level", "programmes")]
CARD_FIELDS += [SearchEntry._meta.get_field(name) for name in ("online", "photo")]
_BOOLEANS = {i for i, f in enumerate(CARD_FIELDS) if f.get_internal_type() == "BooleanField"}

BAND_DEGREES = 0.05  # about 5.5 km of latitude per band
BAND_KEY_SPAN = 1000.0  # more than the 360 degrees of longitude, so keys of different bands never mix
NO_END = datetime.date.max.toordinal()
VOCABULARY_COLUMNS = {"programme": "programmes", "domain": "work_domains", "target": "target_groups"}
VOCABULARY_COLUMNS["language"] = "languages"
_lock = threading.Lock()
_current: dict[str, Snapshot] = {}  # generation -> snapshot; at most one


@dataclass
class Snapshot:
    generation: str
    band_key: np.ndarray  # band · BAND_KEY_SPAN + longitude + 180, ascending: one search finds every band's slice
    coordinates: tuple[np.ndarray, ...]  # COORDINATES: latitude, longitude and the haversine's five terms
    entry: np.ndarray
    # Numbers 0..groups-1 for the entries with several points (only they need the nearest-point step), -1 else
    group: np.ndarray
    groups: int
    name_rank: np.ndarray  # rank of the entry's sort_name in the database's own ORDER BY sort_name
    listed_from: np.ndarray
    listed_until: np.ndarray
    online: np.ndarray
    bits: dict[str, np.ndarray]
    code_bits: dict[str, dict[str, int]]
    latest_start: int = NO_END  # when every point is listed on a day, the date filter is skipped
    earliest_end: int = 0
    # The same arrays for the points of one programme each: a search for one programme (the most usual)
    # then reads only that programme's points, not every point in its box.
    by_programme: dict[str, Snapshot] = field(default_factory=dict)
    # entry id -> (the values of CARD_FIELDS, its practices as (latitude, longitude, place) in the
    # database's order), shared by the subsets
    cards: dict[int, tuple[tuple, tuple]] = field(default_factory=dict)


def _band(latitude: float) -> int:
    return math.floor(latitude / BAND_DEGREES)


def _code_masks(rows: list[str]) -> tuple[np.ndarray, dict[str, int]] | None:
    known = sorted({code for text in rows for code in text.split()})
    if len(known) > 62:
        return None
    bit = {code: 1 << i for i, code in enumerate(known)}
    masks = np.fromiter((sum(bit[c] for c in text.split()) for text in rows), dtype=np.int64, count=len(rows))
    return masks, bit


# The card fields whose texts repeat across thousands of trainers (names and numbers do not).
_REPEATING = {i for i, f in enumerate(CARD_FIELDS) if f.name in ("level", "programmes", "photo")}


def _shared(value):
    """One copy of a text that many trainers share in memory (a level, a list of programmes, a place)."""
    return sys.intern(value) if isinstance(value, str) else value


def card(values) -> list:
    """The values of CARD_FIELDS as a model reads them (SQLite hands booleans over as numbers)."""
    return [bool(v) if i in _BOOLEANS else v for i, v in enumerate(values)]


def load(generation: str) -> Snapshot | None:
    """Read every search point and every entry's card into memory (two queries). None when a vocabulary
    is too large."""
    quote = connection.ops.quote_name
    columns = COLUMNS
    with connection.cursor() as cursor:
        # Ties (equal sort names) must share a rank, so the entry id can decide as in SQL.
        card_columns = ", ".join(quote(f.column) for f in CARD_FIELDS)
        cursor.execute(
            f"SELECT sort_name, {card_columns} FROM {quote(SearchEntry._meta.db_table)} ORDER BY sort_name, id"  # nosec B608 # a model's table and columns
        )
        rank, cards, previous, position = {}, {}, None, -1
        for sort_name, *values in cursor.fetchall():
            if sort_name != previous:
                position, previous = position + 1, sort_name
            rank[values[0]] = position
            cards[values[0]] = tuple(_shared(v) if i in _REPEATING else v for i, v in enumerate(card(values)))
        cursor.execute(
            f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(SearchPoint._meta.db_table)}"  # nosec B608 # model columns
        )
        rows = cursor.fetchall()
    return build(generation, columns, rows, rank, cards)


COORDINATES = ["latitude", "longitude", "lat_sin_half", "lat_cos_half", "lon_sin_half", "lon_cos_half", "lat_cos"]
COLUMNS = [*COORDINATES, "entry_id", "listed_from", "listed_until", "online", *VOCABULARY_COLUMNS.values(), "place"]


def build(
    generation: str, columns: list[str], rows: list[tuple], rank: dict[int, int], cards: dict[int, tuple] | None = None
) -> Snapshot | None:
    """The arrays from the points' rows (in ``columns`` order), each entry's rank of name and the
    values of its card (``CARD_FIELDS``; without them the snapshot finds but shows nothing)."""
    practices: dict[int, list[tuple]] = {}
    entry_at, place_at = columns.index("entry_id"), columns.index("place")
    for row in rows:  # in the database's order, as the page's query reads them
        practices.setdefault(row[entry_at], []).append((row[0], row[1], _shared(row[place_at])))
    cards = {entry: (values, tuple(practices.get(entry, ()))) for entry, values in (cards or {}).items()}
    rows.sort(key=lambda row: (_band(row[0]), row[1]))
    number = len(rows)
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    by_name = dict(zip(columns, values, strict=True))
    masks, code_bits = {}, {}
    for key, column in VOCABULARY_COLUMNS.items():
        found = _code_masks(list(by_name[column]))
        if found is None:
            return None
        masks[key], code_bits[key] = found

    def floats(name):
        return np.fromiter(by_name[name], dtype=np.float64, count=number)

    entries = np.fromiter(by_name["entry_id"], dtype=np.int64, count=number)
    coordinates = tuple(floats(name) for name in COORDINATES)
    bands = np.fromiter((_band(latitude) for latitude in by_name["latitude"]), dtype=np.float64, count=number)
    whole = Snapshot(
        generation=generation,
        band_key=bands * BAND_KEY_SPAN + (coordinates[1] + 180.0),
        coordinates=coordinates,
        entry=entries,
        **_groups(entries),
        name_rank=np.fromiter((rank[e] for e in by_name["entry_id"]), dtype=np.int64, count=number),
        listed_from=np.fromiter((_ordinal(d) for d in by_name["listed_from"]), dtype=np.int64, count=number),
        listed_until=np.fromiter(
            (NO_END if d is None else _ordinal(d) for d in by_name["listed_until"]), dtype=np.int64, count=number
        ),
        online=np.fromiter((bool(v) for v in by_name["online"]), dtype=bool, count=number),
        bits=masks,
        code_bits=code_bits,
        latest_start=max((_ordinal(d) for d in by_name["listed_from"]), default=NO_END),
        earliest_end=min((NO_END if d is None else _ordinal(d) for d in by_name["listed_until"]), default=0),
        cards=cards,
    )
    for code, bit in code_bits["programme"].items():
        whole.by_programme[code] = _subset(whole, (whole.bits["programme"] & bit) != 0)
    return whole


def _groups(entries: np.ndarray) -> dict:
    """``group`` and ``groups`` of a snapshot's points."""
    _, inverse, points_of = np.unique(entries, return_inverse=True, return_counts=True)
    shared = points_of[inverse] > 1
    numbers, dense = np.unique(inverse[shared], return_inverse=True)
    group = np.full(len(entries), -1, dtype=np.int64)
    group[shared] = dense
    return {"group": group, "groups": len(numbers)}


def _subset(snap: Snapshot, keep: np.ndarray) -> Snapshot:
    """The snapshot of the points where ``keep`` is true, in the same order (so still by band and longitude)."""
    entries = snap.entry[keep]
    arrays = ("band_key", "name_rank", "listed_from", "listed_until", "online")
    return replace(
        snap,
        **{name: getattr(snap, name)[keep] for name in arrays},
        coordinates=tuple(values[keep] for values in snap.coordinates),
        entry=entries,
        **_groups(entries),
        bits={key: bits[keep] for key, bits in snap.bits.items()},
        by_programme={},
    )


def _ordinal(value) -> int:
    if isinstance(value, str):  # SQLite hands raw cursors ISO text
        value = datetime.date.fromisoformat(value)
    return value.toordinal()


def snapshot(generation: str) -> Snapshot | None:
    """The arrays of this generation; None while another thread of this server is loading them (the
    caller then uses SQL), or when they cannot hold this register."""
    found = _current.get(generation)
    if found is not None:
        return found
    if not _lock.acquire(blocking=False):
        return None
    try:
        if generation in _current:
            return _current[generation]
        loaded = load(generation)
        if loaded is None or search_index.generation() != generation:  # changed while loading
            return None
        _current.clear()
        _current[generation] = loaded
        return loaded
    finally:
        _lock.release()


@dataclass(frozen=True)
class Found:
    """The matching entries of a search, one per entry with its nearest point, not yet in order."""

    entries: np.ndarray
    term: np.ndarray
    ranks: np.ndarray
    by_name: bool
    cards: dict[int, tuple[tuple, tuple]]

    @property
    def count(self) -> int:
        return len(self.entries)

    def ids(self, start: int, stop: int) -> list[int]:
        """The entry ids at positions ``start:stop`` of the page order of ``search.find``: by distance
        (term, rank of name, id) or by name (rank, term, id). Only the entries that can reach those
        positions are sorted: all whose first key is at most the ``stop``-th smallest, ties included."""
        first, second = (self.ranks, self.term) if self.by_name else (self.term, self.ranks)
        entries = self.entries
        if stop < len(entries):
            keep = np.flatnonzero(first <= np.partition(first, stop - 1)[stop - 1])
            first, second, entries = first.take(keep), second.take(keep), entries.take(keep)
        return entries.take(np.lexsort((entries, second, first))[start:stop]).tolist()

    def shown(self, entry_ids: list[int]) -> list[tuple[tuple, tuple]]:
        """What the cards of these entries show: the values of CARD_FIELDS and every practice."""
        return [self.cards[entry_id] for entry_id in entry_ids]


def nearest(
    snap: Snapshot, origin: geo.Place, radius: int, codes: dict, online: bool, today: datetime.date, by_name: bool
) -> Found:
    """Every entry within ``radius`` km of ``origin`` that passes the filters, with its nearest point."""
    south, north, west, east = geo.bounding_box(origin.latitude, origin.longitude, radius)
    chosen = {key: code if isinstance(code, tuple) else (code,) for key, code in codes.items() if code}
    # Each code is its own bit, so the sum of a set of bits is the mask of "any of these codes".
    wanted = {key: sum({snap.code_bits[key].get(one, 0) for one in ones}) for key, ones in chosen.items()}
    if any(bits == 0 for bits in wanted.values()):
        return _nothing(by_name, snap.cards)  # a code no listed trainer has
    if len(chosen.get("programme", ())) == 1:
        snap = snap.by_programme[chosen["programme"][0]]
        del wanted["programme"]
    index = _in_box(snap, south, north, west, east)
    # Selections are index lists taken with ``take``: several times faster than boolean masks here.
    for key, bits in wanted.items():
        index = index.take(np.flatnonzero(snap.bits[key].take(index) & bits))
    if online:
        index = index.take(np.flatnonzero(snap.online.take(index)))
    day = today.toordinal()
    if not (snap.latest_start <= day <= snap.earliest_end):
        index = index.take(
            np.flatnonzero((snap.listed_from.take(index) <= day) & (snap.listed_until.take(index) >= day))
        )
    latitude, longitude, *trig = (values.take(index) for values in snap.coordinates)
    term = _haversine_term(trig, origin)
    close = term <= math.sin(radius / (2 * geo.EARTH_RADIUS_KM)) ** 2
    close &= (latitude >= south) & (latitude <= north) & (longitude >= west) & (longitude <= east)  # as SQL's box
    kept = np.flatnonzero(close)
    index, term = index.take(kept), term.take(kept)
    shared = np.flatnonzero(snap.group.take(index) >= 0)
    if len(shared):
        kept = _nearest_of_each(snap, index, term, shared)
        index, term = index.take(kept), term.take(kept)
    return Found(snap.entry.take(index), term, snap.name_rank.take(index), by_name, snap.cards)


def _nearest_of_each(snap: Snapshot, index: np.ndarray, term: np.ndarray, shared: np.ndarray) -> np.ndarray:
    """The positions to keep so that each entry with several points keeps its nearest (of equal terms the
    first: the card is the same). Done with scattered minima per entry, not by sorting, which cost more
    than the rest of the search."""
    group, terms = snap.group.take(index.take(shared)), term.take(shared)
    best = np.full(snap.groups, np.inf)
    np.minimum.at(best, group, terms)
    nearest = np.flatnonzero(terms == best.take(group))
    group, order = group.take(nearest), np.arange(len(nearest))
    first = np.full(snap.groups, len(nearest))
    np.minimum.at(first, group, order)
    keep = np.ones(len(index), dtype=bool)
    keep[shared] = False
    keep[shared.take(nearest.take(np.flatnonzero(first.take(group) == order)))] = True
    return np.flatnonzero(keep)


def _nothing(by_name: bool, cards: dict) -> Found:
    empty = np.empty(0, dtype=np.int64)
    return Found(empty, np.empty(0, dtype=np.float64), empty, by_name, cards)


def _in_box(snap: Snapshot, south: float, north: float, west: float, east: float) -> np.ndarray:
    """The indexes of the points of every band the box touches, between its west and east: each band's
    slice found at once by one vectorised search over the bands' keys. The keys are rounded sums, but
    rounding never reverses an order, so no point inside the box is missed; the few that may lie just
    outside it (in the outer bands, or on a rounded edge) are removed by the box's exact bounds later."""
    bands = np.arange(_band(south), _band(north) + 1, dtype=np.float64) * BAND_KEY_SPAN
    starts = np.searchsorted(snap.band_key, bands + (west + 180.0), side="left")
    ends = np.searchsorted(snap.band_key, bands + (east + 180.0), side="right")
    lengths = ends - starts
    # Consecutive indexes per band: 0..total-1, shifted by each band's start less its offset in the result.
    return np.arange(int(lengths.sum())) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)


def _haversine_term(trig: list[np.ndarray], origin: geo.Place) -> np.ndarray:
    """hav(d/R) exactly as ``search._haversine_sql`` has the database compute it, operation by operation:
    (lat_sin_half·a − lat_cos_half·b)² + ((lat_cos·c)·Δλ)·Δλ."""
    lat_sin_half, lat_cos_half, lon_sin_half, lon_cos_half, lat_cos = trig
    phi, lam = math.radians(origin.latitude), math.radians(origin.longitude)
    d_phi = lat_sin_half * math.cos(phi / 2) - lat_cos_half * math.sin(phi / 2)
    d_lam = lon_sin_half * math.cos(lam / 2) - lon_cos_half * math.sin(lam / 2)
    return d_phi * d_phi + lat_cos * math.cos(phi) * d_lam * d_lam
