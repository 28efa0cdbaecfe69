"""Exports of the register: open data for partners (schema in docs/open-data.md) and the office's lists."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone, translation

from kring.core import audit, links, spreadsheets
from kring.register.history import standing_on
from kring.register.models import Registration, SearchEntry, SearchPoint, Status
from kring.register.public import standing_today
from kring.register.rules import spans

SCHEMA_VERSION = "1"
OPEN_DATA_COLUMNS = [
    "number",
    "name",
    "level",
    "registered_since",
    "valid_until",
    "programmes",
    "work_domains",
    "target_groups",
    "languages",
    "online",
    "website",
    "places",
    "url",
]
OFFICE_COLUMNS = [
    "number",
    "name",
    "email",
    "status",
    "level",
    "registered_since",
    "valid_until",
    "agb_code",
    "programmes_covered",
    "country",
    "place",
]
RECOGNITION_COLUMNS = ["number", "agb_code", "level", "starts_on", "ends_on"]


def _public_url(number: str) -> str:
    with translation.override("nl"):
        return links.absolute_reverse("register:detail", kwargs={"number": number})


def open_data_rows(today: datetime.date) -> Iterator[dict]:
    """One dict per trainer registered today, read from the search index: it holds only what each
    trainer made public (besides the register's own data: number, name, level and validity), and it
    answers for 50,000 trainers in two queries."""
    listed = Q(listed_from__lte=today) & (Q(listed_until__isnull=True) | Q(listed_until__gte=today))
    places: dict[int, list[dict]] = defaultdict(list)
    for entry_id, place, postcode, country in (
        SearchPoint.objects.filter(listed)
        .order_by("entry_id", "pk")
        .values_list("entry_id", "place", "postcode", "country")
    ):
        places[entry_id].append({"place": place, "postcode": postcode, "country": country})
    site = _public_url("0000")[: -len("0000/")]
    for entry in SearchEntry.objects.filter(listed).order_by("number").iterator(chunk_size=2000):
        yield {
            "number": entry.number,
            "name": entry.name,
            "level": entry.level,
            "registered_since": entry.listed_from.isoformat(),
            "valid_until": entry.listed_until.isoformat() if entry.listed_until else None,
            "programmes": entry.programmes.split(),
            "work_domains": entry.work_domains.split(),
            "target_groups": entry.target_groups.split(),
            "languages": entry.languages.split(),
            "online": entry.online if entry.online_public else None,
            "website": entry.website,
            "places": places.get(entry.id, []),
            "url": f"{site}{entry.number}/",
        }


def open_data(today: datetime.date) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_on": today.isoformat(),
        "registrations": list(open_data_rows(today)),
    }


def open_data_csv(stream, today: datetime.date) -> int:
    writer = spreadsheets.writer(stream)
    writer.writerow(OPEN_DATA_COLUMNS)
    count = 0
    for row in open_data_rows(today):
        row = dict(row)
        for key in ("programmes", "work_domains", "target_groups", "languages"):
            row[key] = "|".join(row[key])
        row["places"] = "|".join(f"{p['country']}-{p['postcode']} {p['place']}" for p in row["places"])
        row["online"] = {True: "yes", False: "no", None: ""}[row["online"]]
        row["valid_until"] = row["valid_until"] or ""
        writer.writerow([row[column] for column in OPEN_DATA_COLUMNS])
        count += 1
    return count


def office_register_csv(stream, today: datetime.date, registrations=None) -> int:
    """Every registration with its status today, for the office (also ended ones)."""
    registrations = registrations if registrations is not None else Registration.objects.all()
    registrations = (
        registrations.select_related("person")
        .prefetch_related("periods", "programmes", "person__practices")
        .order_by("number")
    )
    writer = spreadsheets.writer(stream)
    writer.writerow(OFFICE_COLUMNS)
    count = 0
    for registration in registrations.iterator(chunk_size=2000):
        standing = standing_on(registration, today)
        public = standing_today(registration, today)
        practice = next(iter(registration.person.practices.all()), None)
        writer.writerow(
            [
                registration.number,
                registration.person.full_name,
                registration.person.email,
                standing.status or "",
                standing.level or "",
                public.since.isoformat() if public.since else "",
                public.until.isoformat() if public.until else "",
                registration.agb_code,
                "|".join(sorted(standing.programme_codes)),
                practice.country if practice else "",
                practice.place if practice else "",
            ]
        )
        count += 1
    return count


def recognitions_csv(stream, registrations=None) -> int:
    """Each registered stretch (status active) at one level: what insurers and the AGB register record
    as a recognition. One row per stretch, past ones included, so both sides can be kept in sync."""
    registrations = registrations if registrations is not None else Registration.objects.all()
    registrations = registrations.prefetch_related("periods").order_by("number")
    writer = spreadsheets.writer(stream)
    writer.writerow(RECOGNITION_COLUMNS)
    count = 0
    for registration in registrations.iterator(chunk_size=2000):
        for span in spans(list(registration.periods.all())):
            if span.status == Status.ACTIVE:
                writer.writerow(
                    [
                        registration.number,
                        registration.agb_code,
                        span.level,
                        span.since.isoformat(),
                        span.until.isoformat() if span.until else "",
                    ]
                )
                count += 1
    return count


# The office's downloads: file name, audit action and how the rows are written.
OFFICE_DOWNLOADS = {
    "register": (
        "register-office.csv",
        "kring.register.export.register",
        lambda stream, registrations: office_register_csv(stream, timezone.localdate(), registrations),
    ),
    "recognitions": ("recognitions.csv", "kring.register.export.recognitions", recognitions_csv),
}


def office_download(kind: str, *, by, registrations=None) -> HttpResponse:
    """An office CSV download with its audit entry (who exported how many rows): the same for the
    office pages and the admin's actions, so no export leaves without its trace."""
    filename, action, write = OFFICE_DOWNLOADS[kind]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    rows = write(response, registrations)
    audit.record(action, by=by, rows=rows)
    return response
