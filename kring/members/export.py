"""Everything Kring holds about one person, as plain data for "download my data" (GDPR art. 15/20)."""

from __future__ import annotations

import base64
from collections.abc import Callable

from kring.core.models import AuditEntry
from kring.members.models import Person

# Apps above members that hold data about a person (the register, the CPD log) add their part of the
# export once, in their ``AppConfig.ready()``: members never imports them, and nothing is left out.
Section = Callable[[Person], list]
_sections: dict[str, Section] = {}


def add_export_section(name: str, section: Section) -> None:
    """Have ``section(person)`` fill the export's ``name`` part (JSON-ready values)."""
    _sections[name] = section


def iso(value):
    return value.isoformat() if value else None


def person_data(person: Person) -> dict:
    person = (
        Person.objects.select_related("user")
        .prefetch_related(
            "work_domains",
            "target_groups",
            "languages",
            "programmes",
            "practices",
            "memberships__type",
            "memberships__history",
            "erasure_requests",
        )
        .get(pk=person.pk)
    )
    return {
        "format": "kring-person-export/1",
        "account": _account(person.user),
        "person": {
            "first_name": person.first_name,
            "name_prefix": person.name_prefix,
            "last_name": person.last_name,
            "email": person.email,
            "phone": person.phone,
            "website": person.website,
            "about": person.about,
            "online": person.online,
            "photo_jpeg_base64": _photo(person),
            "work_domains": [item.code for item in person.work_domains.all()],
            "target_groups": [item.code for item in person.target_groups.all()],
            "languages": [item.code for item in person.languages.all()],
            "programmes": [item.code for item in person.programmes.all()],
            "created_at": iso(person.created_at),
            "erased_at": iso(person.erased_at),
        },
        "public": {name: person.is_public(name) for name in Person.PUBLIC_FIELDS},
        "practices": [
            {
                "name": p.name,
                "street": p.street,
                "postcode": p.postcode,
                "place": p.place,
                "country": p.country,
                "latitude": p.latitude,
                "longitude": p.longitude,
            }
            for p in person.practices.all()
        ],
        "memberships": [
            {
                "type": m.type.code,
                "starts_on": iso(m.starts_on),
                "ends_on": iso(m.ends_on),
                "status": m.status,
                "history": [
                    {"status": c.status, "on": iso(c.on), "reason": c.reason, "recorded_at": iso(c.recorded_at)}
                    for c in m.history.all()
                ],
            }
            for m in person.memberships.all()
        ],
        **{name: section(person) for name, section in _sections.items()},
        "erasure_requests": [
            {"requested_at": iso(e.requested_at), "status": e.status, "decided_at": iso(e.decided_at)}
            for e in person.erasure_requests.all()
        ],
        "audit_trail": [
            {
                "at": iso(e.at),
                "action": e.action,
                "by": "self" if e.actor_id == person.user_id and e.actor_id else ("office" if e.actor_id else e.source),
                "fields": e.data.get("fields", []),
            }
            for e in AuditEntry.objects.filter(person_id=person.pk).order_by("at", "pk")
        ],
    }


def _photo(person: Person) -> str | None:
    if not person.photo:
        return None
    try:
        with person.photo.open("rb") as handle:
            return base64.b64encode(handle.read()).decode("ascii")
    except FileNotFoundError:
        return None


def _account(user) -> dict | None:
    if user is None:
        return None
    from allauth.mfa.models import Authenticator

    return {
        "email": user.email,
        "language": user.language,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
        "two_factor": sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
    }
