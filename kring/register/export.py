"""The register's part of "download my data" and of what erasure keeps (both added to members in
``RegisterConfig.ready``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kring.members.erasure_hook import Kept
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


def kept_after_erasure(person) -> list[Kept]:
    """A registration and its history stay, and with them the trainer's name: health insurers must be
    able to check, also later, that a course was given by a registered trainer."""
    return [
        Kept(
            _("Registration %(number)s with its history, and the name: health insurers must be able to check it")
            % {"number": number},
            keeps_name=True,
        )
        for number in Registration.objects.filter(person=person).values_list("number", flat=True)
    ]
