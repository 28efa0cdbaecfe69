"""Exports of the register: open data for partners (schema in docs/open-data.md) and the office's lists."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from kring.register.history import standing_on
from kring.register.models import Registration, Status
from kring.register.public import standing_today
from kring.register.rules import spans

SCHEMA_VERSION = "1"
OPEN_DATA_COLUMNS = ["number", "name", "level", "registered_since", "valid_until", "programmes", "work_domains",
                     "target_groups", "languages", "online", "website", "places", "url"]
OFFICE_COLUMNS = ["number", "name", "email", "status", "level", "registered_since", "valid_until", "agb_code",
                  "programmes_covered", "country", "place"]
RECOGNITION_COLUMNS = ["number", "agb_code", "level", "starts_on", "ends_on"]


def _public_url(number: str) -> str:
    with translation.override("nl"):
        return settings.SITE_URL + reverse("register:detail", kwargs={"number": number})


def open_data_rows(today: datetime.date) -> Iterator[dict]:
    """One dict per registered trainer, with only what the trainer made public (besides the register's
    own data: number, name, level and validity)."""
    registrations = (Registration.objects.registered_on(today).filter(person__erased_at__isnull=True)
                     .select_related("person").order_by("number")
                     .prefetch_related("periods", "person__practices", "person__programmes", "person__work_domains",
                                       "person__target_groups", "person__languages"))
    for registration in registrations:
        person = registration.person
        standing = standing_today(registration, today)
        if not standing.registered:
            continue
        yield {
            "number": registration.number,
            "name": person.full_name,
            "level": standing.level,
            "registered_since": standing.since.isoformat(),
            "valid_until": standing.until.isoformat() if standing.until else None,
            "programmes": sorted(p.code for p in person.programmes.all()) if person.public_programmes else [],
            "work_domains": sorted(d.code for d in person.work_domains.all()) if person.public_work_domains else [],
            "target_groups": sorted(t.code for t in person.target_groups.all()) if person.public_target_groups else [],
            "languages": sorted(s.code for s in person.languages.all()) if person.public_languages else [],
            "online": bool(person.online) if person.public_online else None,
            "website": person.website if person.public_website else "",
            "places": [{"place": p.place, "postcode": p.postcode, "country": p.country}
                       for p in person.practices.all()] if person.public_practices else [],
            "url": _public_url(registration.number),
        }


def open_data(today: datetime.date) -> dict:
    return {"schema_version": SCHEMA_VERSION, "generated_on": today.isoformat(),
            "registrations": list(open_data_rows(today))}


def open_data_csv(stream, today: datetime.date) -> int:
    writer = csv.writer(stream)
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
    registrations = registrations.select_related("person").prefetch_related(
        "periods", "programmes", "person__practices").order_by("number")
    writer = csv.writer(stream)
    writer.writerow(OFFICE_COLUMNS)
    count = 0
    for registration in registrations:
        standing = standing_on(registration, today)
        public = standing_today(registration, today)
        practice = next(iter(registration.person.practices.all()), None)
        writer.writerow([
            registration.number, registration.person.full_name, registration.person.email,
            standing.status or "", standing.level or "",
            public.since.isoformat() if public.since else "", public.until.isoformat() if public.until else "",
            registration.agb_code, "|".join(sorted(standing.programme_codes)),
            practice.country if practice else "", practice.place if practice else "",
        ])
        count += 1
    return count


def recognitions_csv(stream, registrations=None) -> int:
    """Each registered stretch (status active) at one level: what insurers and the AGB register record
    as a recognition. One row per stretch, past ones included, so both sides can be kept in sync."""
    registrations = registrations if registrations is not None else Registration.objects.all()
    registrations = registrations.prefetch_related("periods").order_by("number")
    writer = csv.writer(stream)
    writer.writerow(RECOGNITION_COLUMNS)
    count = 0
    for registration in registrations:
        for span in spans(list(registration.periods.all())):
            if span.status == Status.ACTIVE:
                writer.writerow([registration.number, registration.agb_code, span.level, span.since.isoformat(),
                                 span.until.isoformat() if span.until else ""])
                count += 1
    return count
