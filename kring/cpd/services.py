"""Changes to the CPD log. Each is one transaction with one audit entry.

``activity_record_automatic`` is the one entry point other apps use to put an activity that Kring
confirmed itself in a trainer's log (intervision attendance now; event attendance and retreats
later). The trainer's own entries are added, changed and removed with ``activity_add``,
``activity_change`` and ``activity_delete``; recertification checks the cycle's dates before.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kring.core import audit
from kring.core.refusals import Refused
from kring.cpd.models import Activity
from kring.members.models import Person

EDITABLE = ("kind", "date", "hours", "days", "description", "programme", "participants")


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
            "kring.cpd.activity.recorded",
            process=source.split(":")[0],
            person_id=person.pk,
            obj=activity,
            kind=kind,
        )
    return activity


def _apply(activity: Activity, data: dict, evidence, evidence_type: str) -> None:
    for name in EDITABLE:
        if name in data:
            setattr(activity, name, data[name])
    if evidence is not None:
        activity.evidence = evidence
        activity.evidence_type = evidence_type


@transaction.atomic
def activity_add(*, person: Person, data: dict, evidence=None, evidence_type: str = "", by) -> Activity:
    """Add an activity to the trainer's own log."""
    activity = Activity(person=person)
    _apply(activity, data, evidence, evidence_type)
    activity.save()
    audit.record(
        "kring.cpd.activity.added",
        by=by,
        person_id=person.pk,
        obj=activity,
        kind=activity.kind,
        fields=sorted(data),
        evidence=bool(evidence),
    )
    return activity


@transaction.atomic
def activity_change(activity: Activity, *, data: dict, evidence=None, evidence_type: str = "", by) -> Activity:
    """Change an activity the trainer added themselves; automatic ones stay as Kring recorded them."""
    if activity.is_automatic:
        raise Refused(_("Kring recorded this activity itself, so it cannot be changed here."))
    _apply(activity, data, evidence, evidence_type)
    activity.save()
    audit.record(
        "kring.cpd.activity.changed",
        by=by,
        person_id=activity.person_id,
        obj=activity,
        fields=sorted(data),
        evidence=bool(evidence),
    )
    return activity


@transaction.atomic
def activity_delete(activity: Activity, *, by) -> None:
    """Remove an activity the trainer added themselves."""
    if activity.is_automatic:
        raise Refused(_("Kring recorded this activity itself, so it cannot be removed here."))
    person_id, pk = activity.person_id, activity.pk
    if activity.evidence:
        activity.evidence.delete(save=False)
    activity.delete()
    audit.record("kring.cpd.activity.deleted", by=by, person_id=person_id, activity=pk)
