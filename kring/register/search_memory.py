"""The distance search of "find a trainer" from memory: the search points as numpy arrays per process.

Why: the SQL of a distance search costs per row in the bounding box, so it grows with the register
(1.6 / 4.5 / 16.7 ms at 5k / 50k / 200k trainers). Here the points are held in arrays, grouped in
bands of latitude and sorted by longitude inside a band, so a search touches only the points in its
bounding box and does the arithmetic vectorised.

The most usual search (a postcode, a distance, one programme or none, by distance) is counted per
place instead of per point: practices sit at their postcode's centre, so a register holds at most as
many places as there are postcodes, and a place's distance is computed once for all its trainers. The
count adds up the places' trainers (those with several practices counted once), and the page is read
from the nearest places only. Its cost stops growing once every postcode is someone's: 0.15 ms at
50,000 trainers and 0.19 ms at 200,000 (point by point: 0.14 and 0.26 ms; ``bench_search_growth``).
Other searches (online, other filters, by name) are answered point by point.

It answers exactly what ``search.find`` answers in SQL (tests compare every page): the same exact
haversine term computed in the same order of operations on IEEE doubles, the same filters, the same
order (ties by the database's own ordering of ``sort_name``, then the entry id), the same count. The
cards of the page come from memory too: what a card shows of each entry (``CARD_FIELDS``) and its
practices, so a search from memory asks the database nothing but the generation. Memory per process:
47 MB at 45,000 listed trainers (cards 23 MB, arrays and places 24 MB), loaded in about a second.

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
from collections.abc import Callable
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
PER_PLACE_FROM = 2  # points per place, on average, from which a search is counted per place
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
    # The distinct places of the points (``Places``): a search with no filter but its programme is
    # counted and paged per place, not per point.
    places: Places
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
    band_key = bands * BAND_KEY_SPAN + (coordinates[1] + 180.0)
    whole = Snapshot(
        generation=generation,
        band_key=band_key,
        coordinates=coordinates,
        entry=entries,
        **_groups(entries, band_key, coordinates),
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


def _groups(entries: np.ndarray, band_key: np.ndarray, coordinates: tuple) -> dict:
    """``group``, ``groups`` and ``places`` of a snapshot's points."""
    _, inverse, points_of = np.unique(entries, return_inverse=True, return_counts=True)
    shared = points_of[inverse] > 1
    numbers, dense = np.unique(inverse[shared], return_inverse=True)
    group = np.full(len(entries), -1, dtype=np.int64)
    group[shared] = dense
    return {"group": group, "groups": len(numbers), "places": Places.of(band_key, coordinates, group)}


@dataclass(frozen=True)
class Places:
    """The distinct places of a snapshot's points (equal coordinates, so equal distances: practices are
    placed at their postcode's centre, so a register has at most as many places as there are postcodes),
    in the order of their keys, each with its points. The cost of counting and paging a search per place
    does not grow with the number of trainers once every postcode is someone's."""

    band_key: np.ndarray
    coordinates: tuple[np.ndarray, ...]
    singles: np.ndarray  # how many points of entries with one point each place holds
    member_start: np.ndarray  # the points of place i are members[member_start[i]:member_start[i + 1]]
    members: np.ndarray
    shared_start: np.ndarray  # likewise the groups of the points of entries with several points
    shared_groups: np.ndarray

    @classmethod
    def of(cls, band_key: np.ndarray, coordinates: tuple, group: np.ndarray) -> Places:
        if not len(band_key):
            empty = np.empty(0, dtype=np.int64)
            start = np.zeros(1, dtype=np.int64)
            return cls(band_key, coordinates, empty, start, empty, start, empty)
        # Points are of one place when every coordinate and term is equal (then so is every distance).
        _, first, place = np.unique(np.column_stack(coordinates), axis=0, return_index=True, return_inverse=True)
        order = np.argsort(band_key.take(first), kind="stable")  # places in key order, as the points are
        place = np.argsort(order).take(place.ravel())
        first = first.take(order)
        members = np.argsort(place, kind="stable")
        shared = group.take(members) >= 0
        count = len(first)

        def starts(of_place):
            return np.concatenate(([0], np.cumsum(np.bincount(of_place, minlength=count))))

        return cls(
            band_key=band_key.take(first),
            coordinates=tuple(values.take(first) for values in coordinates),
            singles=np.bincount(place.take(members[~shared]), minlength=count),
            member_start=starts(place),
            members=members,
            shared_start=starts(place.take(members[shared])),
            shared_groups=group.take(members[shared]),
        )


def _subset(snap: Snapshot, keep: np.ndarray) -> Snapshot:
    """The snapshot of the points where ``keep`` is true, in the same order (so still by band and longitude)."""
    entries, band_key = snap.entry[keep], snap.band_key[keep]
    coordinates = tuple(values[keep] for values in snap.coordinates)
    arrays = ("name_rank", "listed_from", "listed_until", "online")
    return replace(
        snap,
        **{name: getattr(snap, name)[keep] for name in arrays},
        band_key=band_key,
        coordinates=coordinates,
        entry=entries,
        **_groups(entries, band_key, coordinates),
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


def find(
    snap: Snapshot,
    origin: geo.Place,
    radius: int,
    codes: dict,
    online: bool,
    today: datetime.date,
    by_name: bool,
    until: int,
) -> Found | Counted:
    """The entries within ``radius`` km of ``origin`` that pass the filters: their count and their ids
    in the page order of ``search.find``, for pages up to position ``until``.

    The most usual search (one programme or none, by distance, no other filter) is counted and paged
    per place (``_counted``). Every other search visits each point in its box (``nearest``)."""
    found = _filtered(snap, codes)
    if found is None:
        return _nothing(by_name, snap.cards)
    snap, wanted = found
    day = today.toordinal()
    filtered = wanted or online or by_name or not (snap.latest_start <= day <= snap.earliest_end)
    # Per place pays where places hold several points each: not in a small register
    if filtered or len(snap.entry) < PER_PLACE_FROM * len(snap.places.band_key):
        return _nearest(snap, wanted, origin, radius, online, today, by_name)
    return _counted(snap, origin, radius, today, until)


def nearest(
    snap: Snapshot, origin: geo.Place, radius: float, codes: dict, online: bool, today: datetime.date, by_name: bool
) -> Found:
    """Every entry within ``radius`` km of ``origin`` that passes the filters, with its nearest point,
    point by point: what ``find`` answers for the searches it counts per place, the slow way."""
    found = _filtered(snap, codes)
    if found is None:
        return _nothing(by_name, snap.cards)
    return _nearest(*found, origin=origin, radius=radius, online=online, today=today, by_name=by_name)


def _filtered(snap: Snapshot, codes: dict) -> tuple[Snapshot, dict[str, int]] | None:
    """The snapshot to search (one programme's, when one is asked) and the bit masks still to apply;
    None when a code is asked that no listed trainer has."""
    chosen = {key: code if isinstance(code, tuple) else (code,) for key, code in codes.items() if code}
    # Each code is its own bit, so the sum of a set of bits is the mask of "any of these codes".
    wanted = {key: sum({snap.code_bits[key].get(one, 0) for one in ones}) for key, ones in chosen.items()}
    if any(bits == 0 for bits in wanted.values()):
        return None
    if len(chosen.get("programme", ())) == 1:
        snap = snap.by_programme[chosen["programme"][0]]
        del wanted["programme"]
    return snap, wanted


def _nearest(
    snap: Snapshot,
    wanted: dict[str, int],
    origin: geo.Place,
    radius: float,
    online: bool,
    today: datetime.date,
    by_name: bool,
) -> Found:
    box = geo.bounding_box(origin.latitude, origin.longitude, radius)
    index = _in_box(snap.band_key, *box)
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
    latitude, longitude, term = _terms(snap, index, origin)
    kept = np.flatnonzero(_inside(latitude, longitude, term, radius, box))
    return _found(snap, index.take(kept), term.take(kept), by_name)


def _found(snap: Snapshot, index: np.ndarray, term: np.ndarray, by_name: bool = False) -> Found:
    """The matches of the points of ``index`` (within the circle), each entry with its nearest point."""
    shared = np.flatnonzero(snap.group.take(index) >= 0)
    if len(shared):
        kept = _nearest_of_each(snap, index, term, shared)
        index, term = index.take(kept), term.take(kept)
    return Found(snap.entry.take(index), term, snap.name_rank.take(index), by_name, snap.cards)


def _terms(snap: Snapshot, index: np.ndarray, origin: geo.Place) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The latitudes, longitudes and haversine terms of the points of ``index``."""
    latitude, longitude, *trig = (values.take(index) for values in snap.coordinates)
    return latitude, longitude, _haversine_term(trig, origin)


def _inside(latitude, longitude, term, radius: float, box: tuple) -> np.ndarray:
    """Which points are within ``radius`` and inside the box, as SQL's conditions are."""
    south, north, west, east = box
    close = term <= _limit(radius)
    return close & (latitude >= south) & (latitude <= north) & (longitude >= west) & (longitude <= east)


def _limit(radius: float) -> float:
    """The largest haversine term within ``radius`` km, as the SQL compares it."""
    return math.sin(radius / (2 * geo.EARTH_RADIUS_KM)) ** 2


@dataclass(frozen=True)
class Counted:
    """The matches of a search counted per place (``_counted``): their number, and the matches of the
    nearest places, enough for the pages asked for; any other page is found point by point."""

    count: int
    near: Found
    complete: bool  # whether the nearest places are all the places within the circle
    whole: Callable[[], Found]

    def ids(self, start: int, stop: int) -> list[int]:
        """The page as ``Found.ids`` gives it for the whole circle. Every entry not in ``near`` is farther
        than every entry in it, so when ``near`` holds ``stop`` entries, its page is the page."""
        if self.complete or self.near.count >= stop:
            return self.near.ids(start, stop)
        return self.whole().ids(start, stop)

    def shown(self, entry_ids: list[int]) -> list[tuple[tuple, tuple]]:
        return self.near.shown(entry_ids)


def _counted(snap: Snapshot, origin: geo.Place, radius: int, today: datetime.date, until: int) -> Counted:
    """The matches of a search with no filter but its programme, by distance, per place: each place's
    distance is computed once; the count is the places' entries with one point plus the distinct
    entries with several; the page up to ``until`` comes from the nearest places that hold that many
    points (all places as near as the farthest of them, so equal distances stay whole)."""
    places = snap.places
    box = geo.bounding_box(origin.latitude, origin.longitude, radius)
    index = _in_box(places.band_key, *box)
    latitude, longitude, term = _terms(places, index, origin)
    kept = np.flatnonzero(_inside(latitude, longitude, term, radius, box))
    index, term = index.take(kept), term.take(kept)
    shared = np.sort(
        places.shared_groups.take(_ranges(places.shared_start.take(index), places.shared_start.take(index + 1)))
    )
    count = int(places.singles.take(index).sum()) + int(np.count_nonzero(_run_starts(shared)))

    order = np.argsort(term, kind="stable")
    term, index = term.take(order), index.take(order)
    starts, ends = places.member_start.take(index), places.member_start.take(index + 1)
    points = np.cumsum(ends - starts)
    reach = int(np.searchsorted(points, until, side="left"))  # the first place where the points reach ``until``
    complete = reach >= len(index) - 1
    if not complete:
        reach = int(np.searchsorted(term, term[reach], side="right"))  # and every place as near
        term, starts, ends = term[:reach], starts[:reach], ends[:reach]
    near = _ranges(starts, ends)
    near_found = _found(snap, places.members.take(near), np.repeat(term, ends - starts))
    return Counted(count, near_found, complete, lambda: _nearest(snap, {}, origin, radius, False, today, False))


def _nearest_of_each(snap: Snapshot, index: np.ndarray, term: np.ndarray, shared: np.ndarray) -> np.ndarray:
    """The positions to keep so that each entry with several points keeps its nearest (of equal terms the
    first: the card is the same). Many points: scattered minima per entry, as sorting them cost more than
    the rest of the search; a few (a page's nearest places): sorted, as the scatter's arrays have one
    slot per entry of the register."""
    group, terms = snap.group.take(index.take(shared)), term.take(shared)
    if len(shared) * 16 < snap.groups:  # a few points: sorting them costs less than the scatter's arrays
        order = np.lexsort((terms, group))  # stable: of equal terms the first stays first
        first = order.take(np.flatnonzero(_run_starts(group.take(order))))
        keep = np.ones(len(index), dtype=bool)
        keep[shared] = False
        keep[shared.take(first)] = True
        return np.flatnonzero(keep)
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


def _run_starts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array begins (so how many distinct values it holds)."""
    return np.concatenate((ordered[:1] == ordered[:1], ordered[1:] != ordered[:-1]))


def _nothing(by_name: bool, cards: dict) -> Found:
    empty = np.empty(0, dtype=np.int64)
    return Found(empty, np.empty(0, dtype=np.float64), empty, by_name, cards)


def _in_box(band_key: np.ndarray, south: float, north: float, west: float, east: float) -> np.ndarray:
    """The indexes of the points of every band the box touches, between its west and east: each band's
    slice found at once by one vectorised search over the bands' keys. The keys are rounded sums, but
    rounding never reverses an order, so no point inside the box is missed; the few that may lie just
    outside it (in the outer bands, or on a rounded edge) are removed by the box's exact bounds later."""
    bands = np.arange(_band(south), _band(north) + 1, dtype=np.float64) * BAND_KEY_SPAN
    starts = np.searchsorted(band_key, bands + (west + 180.0), side="left")
    ends = np.searchsorted(band_key, bands + (east + 180.0), side="right")
    return _ranges(starts, ends)


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The indexes ``starts[i]..ends[i]-1`` of every range, in one array."""
    lengths = ends - starts
    # Consecutive indexes per range: 0..total-1, shifted by each range's start less its offset in the result.
    return np.arange(int(lengths.sum())) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)


def _haversine_term(trig: list[np.ndarray], origin: geo.Place) -> np.ndarray:
    """hav(d/R) exactly as ``search._haversine_sql`` has the database compute it, operation by operation:
    (lat_sin_half·a − lat_cos_half·b)² + ((lat_cos·c)·Δλ)·Δλ."""
    lat_sin_half, lat_cos_half, lon_sin_half, lon_cos_half, lat_cos = trig
    phi, lam = math.radians(origin.latitude), math.radians(origin.longitude)
    d_phi = lat_sin_half * math.cos(phi / 2) - lat_cos_half * math.sin(phi / 2)
    d_lam = lon_sin_half * math.cos(lam / 2) - lon_cos_half * math.sin(lam / 2)
    return d_phi * d_phi + lat_cos * math.cos(phi) * d_lam * d_lam
