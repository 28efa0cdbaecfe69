"""The entry point other apps use to put activities in a trainer's CPD log."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from kring.core import audit
from kring.members.models import Person
from kring.recertification.models import Activity


@transaction.atomic
def activity_record_automatic(
    *,
    person: Person,
    kind: str,
    on: datetime.date,
    hours: Decimal | float,
    description: str,
    source: str,
    days: Decimal | float = 0,
) -> Activity:
    """Record (once) an activity that Kring confirmed itself, e.g. ``source="intervision.attendance:12"``.

    Calling it again for the same person and source returns the existing entry unchanged.
    """
    activity, created = Activity.objects.get_or_create(
        person=person,
        source=source,
        defaults={
            "kind": kind,
            "date": on,
            "hours": Decimal(str(hours)),
            "days": Decimal(str(days)),
            "description": description[:300],
        },
    )
    if created:
        audit.record(
            "kring.recertification.activity.recorded",
            process=source.split(":")[0],
            person_id=person.pk,
            obj=activity,
            kind=kind,
        )
    return activity


@transaction.atomic
def activity_withdraw_automatic(*, person: Person, source: str) -> None:
    """Remove an automatic activity whose ground went away (e.g. attendance withdrawn)."""
    deleted, _ = Activity.objects.filter(person=person, source=source).delete()
    if deleted:
        audit.record(
            "kring.recertification.activity.withdrawn", process=source.split(":")[0], person_id=person.pk, source=source
        )
