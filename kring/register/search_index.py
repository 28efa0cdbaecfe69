"""The search index of "find a trainer": what is public about each registered trainer, in two tables.

Why a separate table: the search page is the busiest page of Kring and must stay fast with 50,000
trainers. Reading the truth (registrations, periods, people, practices and five many-to-many tables)
for every request costs a dozen joins; the index holds exactly what a result shows and filters on,
with only consented data in it, so a search is one indexed query and leaking a private field through
the search is impossible by construction.

The index is refreshed by ``refresh`` (called by the register's services, and by the services that
change a person's public data) and rebuilt in full by ``manage.py register_reindex``. An entry keeps
the dates of its registered stretch, so a registration that ends at midnight leaves the results the
next day without any write.
"""

from __future__ import annotations

import datetime
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from kring.members.models import Person, PracticeAddress, TaughtProgramme
from kring.register.models import Registration, RegistrationPeriod, SearchEntry, SearchIndexState, SearchPoint
from kring.register.rules import active_stretch

BATCH = 1000


def fold(text: str) -> str:
    """Lower case without accents, so that "Jose" finds "José" and "utrecht" finds "Utrecht"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def codes(found: Iterable[str]) -> str:
    found = sorted(found)
    return f" {' '.join(found)} " if found else ""


@dataclass
class Sources:
    """What ``build`` reads for a batch of registrations, loaded in a fixed number of plain queries
    (no per-object prefetch machinery: a full rebuild handles 50,000 registrations)."""

    periods: dict[int, list[RegistrationPeriod]] = field(default_factory=lambda: defaultdict(list))
    practices: dict[int, list[PracticeAddress]] = field(default_factory=lambda: defaultdict(list))
    lists: dict[str, dict[int, list[str]]] = field(default_factory=dict)
    programme_words: dict[str, str] = field(default_factory=dict)  # code -> "mbsr mindfulness-based ..."

    @classmethod
    def load(cls, registrations: list[Registration]) -> Sources:
        sources = cls()
        person_ids = {r.person_id for r in registrations}
        for period in RegistrationPeriod.objects.filter(registration__in=[r.pk for r in registrations]).order_by(
            "starts_on", "recorded_at", "pk"
        ):
            sources.periods[period.registration_id].append(period)
        for practice in PracticeAddress.objects.filter(person_id__in=person_ids).order_by("pk"):
            sources.practices[practice.person_id].append(practice)
        for name in LISTS:
            through = getattr(Person, name).through
            target = getattr(Person, name).field.m2m_reverse_field_name()
            found: dict[int, list[str]] = defaultdict(list)
            for person_id, code in through.objects.filter(person_id__in=person_ids).values_list(
                "person_id", f"{target}__code"
            ):
                found[person_id].append(code)
            sources.lists[name] = found
        sources.programme_words = {
            code: fold(" ".join(dict.fromkeys((code, nl, en))))
            for code, nl, en in TaughtProgramme.objects.values_list("code", "name_nl", "name_en")
        }
        return sources


LISTS = ("programmes", "work_domains", "target_groups", "languages")


def _registrations():
    return Registration.objects.select_related("person")


def build(
    registration: Registration, today: datetime.date, sources: Sources
) -> tuple[SearchEntry, list[SearchPoint]] | None:
    """The entry and points for one registration, or None when it is not registered today and not
    about to be."""
    stretch = active_stretch(sources.periods[registration.pk], today)
    person = registration.person
    if stretch is None or person.erased_at is not None:
        return None
    practices = sources.practices[person.pk] if person.public_practices else []
    places = sorted({p.place for p in practices})
    public_codes = {name: codes(sources.lists[name][person.pk]) if person.is_public(name) else "" for name in LISTS}
    programme_words = [sources.programme_words.get(code, code) for code in public_codes["programmes"].split()]
    entry = SearchEntry(
        registration=registration,
        number=registration.number,
        name=person.full_name,
        sort_name=fold(f"{person.last_name} {person.first_name} {person.name_prefix}".strip()),
        # Free text finds name, places and public programmes, so "utrecht mbsr" means what it says.
        search_text=" ".join([fold(person.full_name), *(fold(p) for p in places), *programme_words]),
        level=stretch.level,
        listed_from=stretch.since,
        listed_until=stretch.until,
        **public_codes,
        online=person.online and person.public_online,
        online_public=person.public_online,
        website=person.website if person.public_website else "",
        places=", ".join(places),
        photo=person.photo.url if person.public_photo and person.photo else "",
    )
    points = [
        point_for(entry, p.latitude, p.longitude, place=p.place, postcode=p.postcode, country=p.country)
        for p in practices
    ]
    return entry, points


def point_for(entry: SearchEntry, latitude: float, longitude: float, **address) -> SearchPoint:
    """A point with the trigonometry the database needs for the exact haversine term."""
    phi, lam = math.radians(latitude), math.radians(longitude)
    return SearchPoint(
        entry=entry,
        latitude=latitude,
        longitude=longitude,
        **address,
        lat_sin_half=math.sin(phi / 2),
        lat_cos_half=math.cos(phi / 2),
        lon_sin_half=math.sin(lam / 2),
        lon_cos_half=math.cos(lam / 2),
        lat_cos=math.cos(phi),
        sort_name=entry.sort_name,
        listed_from=entry.listed_from,
        listed_until=entry.listed_until,
        programmes=entry.programmes,
        work_domains=entry.work_domains,
        target_groups=entry.target_groups,
        languages=entry.languages,
        online=entry.online,
    )


def _write_entries(registrations: Iterable[Registration], today: datetime.date) -> list[SearchPoint]:
    """Write the entries; return their points (not yet written)."""
    registrations = list(registrations)
    sources = Sources.load(registrations)
    entries, points = [], []
    for registration in registrations:
        built = build(registration, today, sources)
        if built:
            entries.append(built[0])
            points.extend(built[1])
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    for point in points:
        point.entry_id = point.entry.pk
    return points


def _write_points(points: list[SearchPoint]) -> None:
    # Written in order of latitude, so that the rows of one region sit together on disk and a
    # bounding-box search reads few pages.
    points.sort(key=lambda point: (point.latitude, point.longitude))
    SearchPoint.objects.bulk_create(points, batch_size=BATCH)


def _bump() -> None:
    updated = SearchIndexState.objects.filter(pk=1).update(generation=F("generation") + 1, changed_at=timezone.now())
    if not updated:
        SearchIndexState.objects.create(pk=1, generation=1, changed_at=timezone.now())


def generation() -> str:
    """The index's current generation: part of every cache key of search results. The time of the change
    is part of it, so that a database restored from a backup never meets results cached before."""
    # Plain SQL: it runs on every search request, and building the ORM query costs more than running it.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT generation, changed_at FROM {SearchIndexState._meta.db_table} WHERE id = 1")  # nosec B608 # the table name of a model
        state = cursor.fetchone()
    return generation_of(state)


def generation_of(state: tuple | None) -> str:
    """``generation()`` from the row's (generation, changed_at), for a caller that read them in a
    query of its own (``kring.register.lookup``)."""
    return f"{state[0]}@{state[1]}" if state else "0"


def refresh(*, registration_ids: Iterable[int] = (), person_ids: Iterable[int] = ()) -> None:
    """Rebuild the entries of some registrations, or of all registrations of some people.

    Call it in the same transaction as the change (a person's public data, a registration's status)."""
    registration_ids, person_ids = list(registration_ids), list(person_ids)
    if not registration_ids and not person_ids:
        return
    today = timezone.localdate()
    with transaction.atomic():
        chosen = Registration.objects.filter(pk__in=registration_ids) | Registration.objects.filter(
            person_id__in=person_ids
        )
        ids = list(chosen.values_list("pk", flat=True))
        if not ids:  # people without a registration (most members) are not in the index: nothing changes
            return
        SearchEntry.objects.filter(registration_id__in=ids).delete()
        _write_points(_write_entries(_registrations().filter(pk__in=ids), today))
        _bump()


def rebuild() -> int:
    """Rebuild the whole index; returns the number of trainers listed. Run nightly and after imports."""
    today = timezone.localdate()
    with transaction.atomic():
        SearchPoint.objects.all().delete()
        SearchEntry.objects.all().delete()
        ids = list(Registration.objects.order_by("pk").values_list("pk", flat=True))
        points = []
        for start in range(0, len(ids), BATCH):
            points += _write_entries(_registrations().filter(pk__in=ids[start : start + BATCH]), today)
        _write_points(points)
        _bump()
    with connection.cursor() as cursor:  # fresh statistics, so the planner uses the location index at once
        for model in (SearchEntry, SearchPoint):
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    return SearchEntry.objects.count()
