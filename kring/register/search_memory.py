"""The distance search of "find a trainer" from memory: the search points as numpy arrays per process.

Why: the SQL of a distance search costs per row in the bounding box, so it grows with the register
(1.6 / 4.5 / 16.7 ms at 5k / 50k / 200k trainers). Here the points are held in arrays, grouped in
bands of latitude and sorted by longitude inside a band, so a search touches only the points in its
bounding box and does the arithmetic vectorised: a few tenths of a millisecond at any size.

It answers exactly what ``search.find`` answers in SQL (tests compare every page): the same exact
haversine term computed in the same order of operations on IEEE doubles, the same filters, the same
order (ties by the database's own ordering of ``sort_name``, then the entry id), the same count.

Correct on several app servers: the arrays belong to one generation of the search index
(``search_index.generation()``, read on every request anyway); when a server sees a new generation it
loads the arrays again (about half a second at 50,000 trainers) while its other requests use SQL.
Searches with free text, or a vocabulary too large for a bit mask, go to SQL as before.
"""

from __future__ import annotations

import datetime
import math
import threading
from dataclasses import dataclass

import numpy as np
from django.db import connection

from kring.core import geo
from kring.register import search_index
from kring.register.models import SearchEntry, SearchPoint

BAND_DEGREES = 0.05  # about 5.5 km of latitude per band
NO_END = datetime.date.max.toordinal()
VOCABULARY_COLUMNS = {"programme": "programmes", "domain": "work_domains", "target": "target_groups"}
VOCABULARY_COLUMNS["language"] = "languages"
_lock = threading.Lock()
_current: dict[str, Snapshot] = {}  # generation -> snapshot; at most one


@dataclass
class Snapshot:
    generation: str
    band_starts: dict[int, tuple[int, int]]  # band -> (first index, end index) in the arrays
    longitude: np.ndarray
    latitude: np.ndarray
    trig: tuple[np.ndarray, ...]  # lat_sin_half, lat_cos_half, lon_sin_half, lon_cos_half, lat_cos
    entry: np.ndarray
    name_rank: np.ndarray  # rank of the entry's sort_name in the database's own ORDER BY sort_name
    listed_from: np.ndarray
    listed_until: np.ndarray
    online: np.ndarray
    bits: dict[str, np.ndarray]
    code_bits: dict[str, dict[str, int]]
    latest_start: int = NO_END  # when every point is listed on a day, the date filter is skipped
    earliest_end: int = 0


def _band(latitude: float) -> int:
    return math.floor(latitude / BAND_DEGREES)


def _code_masks(rows: list[str]) -> tuple[np.ndarray, dict[str, int]] | None:
    known = sorted({code for text in rows for code in text.split()})
    if len(known) > 62:
        return None
    bit = {code: 1 << i for i, code in enumerate(known)}
    masks = np.fromiter((sum(bit[c] for c in text.split()) for text in rows), dtype=np.int64, count=len(rows))
    return masks, bit


def load(generation: str) -> Snapshot | None:
    """Read every search point into arrays (two queries). None when a vocabulary is too large."""
    quote = connection.ops.quote_name
    columns = COLUMNS
    with connection.cursor() as cursor:
        # Ties (equal sort names) must share a rank, so the entry id can decide as in SQL.
        cursor.execute(
            f"SELECT id, sort_name FROM {quote(SearchEntry._meta.db_table)} ORDER BY sort_name, id"  # nosec B608 # a model's table
        )
        rank, previous, position = {}, None, -1
        for entry_id, sort_name in cursor.fetchall():
            if sort_name != previous:
                position, previous = position + 1, sort_name
            rank[entry_id] = position
        cursor.execute(
            f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(SearchPoint._meta.db_table)}"  # nosec B608 # model columns
        )
        rows = cursor.fetchall()
    return build(generation, columns, rows, rank)


COLUMNS = ["latitude", "longitude", "lat_sin_half", "lat_cos_half", "lon_sin_half", "lon_cos_half", "lat_cos"]
COLUMNS += ["entry_id", "listed_from", "listed_until", "online", *VOCABULARY_COLUMNS.values()]


def build(generation: str, columns: list[str], rows: list[tuple], rank: dict[int, int]) -> Snapshot | None:
    """The arrays from the points' rows (in ``columns`` order) and each entry's rank of name."""
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
    bands: dict[int, tuple[int, int]] = {}
    for index, latitude in enumerate(by_name["latitude"]):
        band = _band(latitude)
        first, _ = bands.get(band, (index, index))
        bands[band] = (first, index + 1)

    def floats(name):
        return np.fromiter(by_name[name], dtype=np.float64, count=number)

    return Snapshot(
        generation=generation,
        band_starts=bands,
        longitude=floats("longitude"),
        latitude=floats("latitude"),
        trig=tuple(floats(n) for n in ("lat_sin_half", "lat_cos_half", "lon_sin_half", "lon_cos_half", "lat_cos")),
        entry=np.fromiter(by_name["entry_id"], dtype=np.int64, count=number),
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


def nearest(
    snap: Snapshot, origin: geo.Place, radius: int, codes: dict, online: bool, today: datetime.date, by_name: bool
) -> np.ndarray:
    """Every entry id within ``radius`` km of ``origin`` that passes the filters, in the page order of
    ``search.find`` (the caller cuts the page)."""
    south, north, west, east = geo.bounding_box(origin.latitude, origin.longitude, radius)
    wanted = {}
    for key, code in codes.items():
        if code:
            wanted[key] = 0
            for one in code if isinstance(code, tuple) else (code,):
                wanted[key] |= snap.code_bits[key].get(one, 0)
    if any(bits == 0 for bits in wanted.values()):
        return np.empty(0, dtype=np.int64)  # a code no listed trainer has
    pieces = []
    first_band, last_band = _band(south), _band(north)
    for band in range(first_band, last_band + 1):
        span = snap.band_starts.get(band)
        if span is None:
            continue
        longitudes = snap.longitude[span[0] : span[1]]
        first = span[0] + int(np.searchsorted(longitudes, west, side="left"))
        last = span[0] + int(np.searchsorted(longitudes, east, side="right"))
        if first >= last:
            continue
        piece = np.arange(first, last)
        if band in (first_band, last_band):  # only the outer bands reach beyond the box's latitudes
            latitudes = snap.latitude[piece]
            piece = piece[(latitudes >= south) & (latitudes <= north)]
        pieces.append(piece)
    if not pieces:
        return np.empty(0, dtype=np.int64)
    index = np.concatenate(pieces)
    # The most selective filters first, so that fewer points are gathered for the rest.
    for key, bits in wanted.items():
        index = index[(snap.bits[key][index] & bits) != 0]
    if online:
        index = index[snap.online[index]]
    day = today.toordinal()
    if not (snap.latest_start <= day <= snap.earliest_end):
        index = index[(snap.listed_from[index] <= day) & (snap.listed_until[index] >= day)]
    term = _haversine_term(snap, index, origin)
    close = term <= math.sin(radius / (2 * geo.EARTH_RADIUS_KM)) ** 2
    index, term = index[close], term[close]
    # The nearest point per entry: in order of term, each entry's first occurrence.
    by_term = np.argsort(term, kind="stable")
    entries = snap.entry[index][by_term]
    _, first = np.unique(entries, return_index=True)
    chosen = by_term[first]
    entries, term, ranks = snap.entry[index[chosen]], term[chosen], snap.name_rank[index[chosen]]
    keys = (entries, term, ranks) if by_name else (entries, ranks, term)
    return entries[np.lexsort(keys)]


def _haversine_term(snap: Snapshot, index: np.ndarray, origin: geo.Place) -> np.ndarray:
    """hav(d/R) exactly as ``search._haversine_sql`` has the database compute it, operation by operation:
    (lat_sin_half·a − lat_cos_half·b)² + ((lat_cos·c)·Δλ)·Δλ."""
    lat_sin_half, lat_cos_half, lon_sin_half, lon_cos_half, lat_cos = (a[index] for a in snap.trig)
    phi, lam = math.radians(origin.latitude), math.radians(origin.longitude)
    d_phi = lat_sin_half * math.cos(phi / 2) - lat_cos_half * math.sin(phi / 2)
    d_lam = lon_sin_half * math.cos(lam / 2) - lon_cos_half * math.sin(lam / 2)
    return d_phi * d_phi + lat_cos * math.cos(phi) * d_lam * d_lam
