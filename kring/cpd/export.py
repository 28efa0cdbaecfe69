"""The CPD log's part of "download my data" (added to the members' export in ``CpdConfig.ready``)."""

from __future__ import annotations

from kring.cpd.models import Activity
from kring.members.export import iso


def activities_of(person) -> list[dict]:
    return [
        {
            "kind": a.kind,
            "date": iso(a.date),
            "hours": str(a.hours),
            "days": str(a.days),
            "description": a.description,
            "source": a.source,
        }
        for a in Activity.objects.filter(person=person)
    ]
