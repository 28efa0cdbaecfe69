"""The register's part of "download my data" (added to the members' export in ``RegisterConfig.ready``)."""

from __future__ import annotations

from kring.members.export import iso
from kring.register.models import Registration


def registrations_of(person) -> list[dict]:
    return [
        {
            "number": r.number,
            "agb_code": r.agb_code,
            "programmes": [p.code for p in r.programmes.all()],
            "created_at": iso(r.created_at),
            "periods": [
                {
                    "status": p.status,
                    "level": p.level,
                    "starts_on": iso(p.starts_on),
                    "ends_on": iso(p.ends_on),
                    "reason": p.reason,
                }
                for p in r.periods.all()
            ],
        }
        for r in Registration.objects.filter(person=person).prefetch_related("periods", "programmes")
    ]
