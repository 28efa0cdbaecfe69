"""The standing of one register number, from memory: the lookup the insurers' API answers most.

Why: building the three ORM querysets of ``history.with_history()`` cost 73 % of an API lookup while
their SQL took 0.2 ms. Here a registration's facts (its person's name, its periods, its programmes)
are read in one plain query and kept per process; the standing on any date is then computed by
``history.standing_from``, the same rule every other answer of the register uses.

Correct on several app servers: the facts belong to one generation of the search index
(``search_index.generation()``, one indexed row read on every call). Every change that can alter a
standing or a name goes through a service that refreshes the index in the same transaction — the
register's status changes and its own fields (``kring.register.services``), and a person's name and
public profile (``kring.members.profile_hook``) — so the first call after the commit, on any server,
sees a new generation and forgets what this process kept. The generation is read before the facts:
facts read a moment after a change are at worst newer than their generation, never older.

Which programmes insurers reimburse is the office's vocabulary, edited without touching the register,
so it is not kept: it is read on every call (a dozen rows, in the same statement as the generation)
and applied to the programmes kept.
Without a generation row (a database whose index was never built) nothing is kept at all.
"""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass

from django.db import connection
from django.utils.dateparse import parse_date, parse_datetime

from kring.members.models import Person, TaughtProgramme
from kring.register import search_index
from kring.register.history import StandingOn, standing_from
from kring.register.models import Registration, RegistrationPeriod, SearchIndexState

KEPT = 5_000  # registrations per process, some 3 kB each (16 MB); one more empties the memory
NO_GENERATION = "0"
_lock = threading.Lock()
_kept: dict[str, Facts | None] = {}  # number -> facts (None: no such number)
_kept_generation = [NO_GENERATION]


@dataclass(frozen=True)
class Facts:
    """What a registration's standing on any date depends on, as read from the database."""

    number: str
    person: Person  # only the name fields are read: ``full_name`` is computed per call (its language)
    periods: tuple[RegistrationPeriod, ...]
    programme_ids: frozenset[int]


@dataclass(frozen=True)
class Found:
    """A number's standing on a date and the name to answer with."""

    name: str
    standing: StandingOn


def standing(number: str, on: datetime.date) -> Found | None:
    """The standing of ``number`` on ``on`` (None for a number the register does not know): exactly
    what ``history.standing_on(with_history().get(number=number), on)`` answers."""
    generation, vocabulary = generation_and_programmes()
    facts = facts_of(number, generation)
    if facts is None:
        return None
    chosen = [vocabulary[pk] for pk in facts.programme_ids if pk in vocabulary]
    return Found(facts.person.full_name, standing_from(facts.number, on, facts.periods, chosen))


def facts_of(number: str, generation: str) -> Facts | None:
    """The facts of ``number``, from this process's memory while ``generation`` is current."""
    if generation == NO_GENERATION:
        return read(number)
    with _lock:
        if _kept_generation[0] != generation or len(_kept) >= KEPT:
            _kept.clear()
            _kept_generation[0] = generation
        if number in _kept:
            return _kept[number]
    found = read(number)
    with _lock:
        if _kept_generation[0] == generation:  # not if another thread switched the memory meanwhile
            _kept[number] = found
    return found


def generation_and_programmes() -> tuple[str, dict[int, tuple[str, bool]]]:
    """The search index's generation and every programme (id -> code, counts for reimbursement), in
    one statement: on PostgreSQL each statement is a round trip. The time of the generation's change
    comes as text (not converted on every row); the generation is only compared with itself here."""
    state, programme = SearchIndexState._meta.db_table, TaughtProgramme._meta.db_table
    with connection.cursor() as cursor:
        rows = _fetch(
            cursor,
            "kring_lookup_generation",
            f"SELECT s.generation, CAST(s.changed_at AS TEXT), t.id, t.code,"  # nosec B608 # model tables
            " CASE WHEN t.counts_for_reimbursement THEN 1 ELSE 0 END"
            f" FROM {state} s LEFT JOIN {programme} t ON 1 = 1 WHERE s.id = 1",
            [],
        )
        if not rows:  # an index never built: no generation, and nothing is kept
            cursor.execute(f"SELECT id, code, counts_for_reimbursement FROM {programme}")  # nosec B608 # a model's table
            return NO_GENERATION, {pk: (code, bool(counts)) for pk, code, counts in cursor.fetchall()}
    vocabulary = {pk: (code, bool(counts)) for _, _, pk, code, counts in rows if pk is not None}
    return search_index.generation_of(rows[0][:2]), vocabulary


def _fetch(cursor, name: str, sql: str, params: list[str]) -> list[tuple]:
    """The rows of one of the lookup's two statements (its ``%s`` parameters are text). On PostgreSQL the
    statement is prepared once per database connection, so the server plans it once instead of on every
    call: planning was half of reading a number's facts (281 µs planned each time, 152 µs prepared). The
    PREPARE rides along with the first EXECUTE, one statement for the database. A prepared statement
    lives as long as its connection, which a pooler that hands one server session to several clients
    (PgBouncer in transaction mode) does not keep; Kring's app servers connect directly."""
    if connection.vendor != "postgresql":
        cursor.execute(sql, params)
        return cursor.fetchall()
    prepared = getattr(connection.connection, "kring_prepared", None)
    if prepared is None:
        prepared = connection.connection.kring_prepared = set()
    arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
    statement = f"EXECUTE {name}{arguments}"
    if name not in prepared:
        numbered = sql
        for number in range(1, len(params) + 1):
            numbered = numbered.replace("%s", f"${number}", 1)
        types = f"({', '.join(['text'] * len(params))})" if params else ""
        statement = f"PREPARE {name}{types} AS {numbered}; {statement}"
    cursor.execute(statement, params)
    while cursor.description is None and cursor.nextset():  # past the PREPARE
        pass
    prepared.add(name)
    return cursor.fetchall()


def _sql() -> str:
    """The registration, its person's name, its periods and its programmes in one statement: one row
    per period and programme (a registration has a few of each)."""
    registration, person = Registration._meta.db_table, Person._meta.db_table
    period, programmes = RegistrationPeriod._meta.db_table, Registration.programmes.through._meta.db_table
    return (
        "SELECT p.id, p.first_name, p.name_prefix, p.last_name, p.erased_at,"  # nosec B608 # model tables
        " rp.id, rp.status, rp.level, rp.starts_on, rp.ends_on, rp.recorded_at, rt.taughtprogramme_id"
        f" FROM {registration} r JOIN {person} p ON p.id = r.person_id"
        f" LEFT JOIN {period} rp ON rp.registration_id = r.id"
        f" LEFT JOIN {programmes} rt ON rt.registration_id = r.id"
        " WHERE r.number = %s"
    )


PERSON_FIELDS = ["id", "first_name", "name_prefix", "last_name", "erased_at"]
PERIOD_FIELDS = ["id", "status", "level", "starts_on", "ends_on", "recorded_at"]


def read(number: str) -> Facts | None:
    """The facts of ``number`` from the database, in one query."""
    with connection.cursor() as cursor:
        rows = _fetch(cursor, "kring_lookup_facts", _sql(), [number])
    if not rows:
        return None
    # Built as the ORM builds what it reads (``from_db``: the fields read, the others deferred), three
    # times faster than by keyword; only the name fields of the person are read by anyone.
    alias = connection.alias
    person = Person.from_db(alias, PERSON_FIELDS, rows[0][:5])
    periods: dict[int, RegistrationPeriod] = {}
    for period_id, status, level, starts_on, ends_on, recorded_at, _ in (row[5:] for row in rows):
        if period_id is not None and period_id not in periods:
            periods[period_id] = RegistrationPeriod.from_db(
                alias, PERIOD_FIELDS, (period_id, status, level, _date(starts_on), _date(ends_on), _moment(recorded_at))
            )
    programme_ids = frozenset(row[11] for row in rows if row[11] is not None)
    return Facts(number, person, tuple(sorted(periods.values(), key=lambda p: p.pk)), programme_ids)


def _date(value) -> datetime.date | None:
    return parse_date(value) if isinstance(value, str) else value  # SQLite hands raw cursors ISO text


def _moment(value) -> datetime.datetime | None:
    return parse_datetime(value) if isinstance(value, str) else value
