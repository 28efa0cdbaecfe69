"""Audit entries about a person, told in words they understand ("who changed my data")."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from kring.accounts.models import Role, RoleGrant
from kring.core.models import AuditEntry
from kring.members.models import Person, PracticeAddress

ACTIONS = {
    "kring.accounts.user.signed_up": _("Account created"),
    "kring.members.person.created": _("Details started"),
    "kring.members.person.changed": _("Details changed"),
    "kring.members.person.exported": _("Data downloaded"),
    "kring.members.person.erased": _("Data erased"),
    "kring.members.practice.added": _("Practice address added"),
    "kring.members.practice.changed": _("Practice address changed"),
    "kring.members.practice.removed": _("Practice address removed"),
    "kring.members.consent.changed": _("Public fields changed"),
    "kring.members.photo.set": _("Photo changed"),
    "kring.members.photo.removed": _("Photo removed"),
    "kring.members.erasure.requested": _("Erasure requested"),
    "kring.members.erasure.declined": _("Erasure request declined"),
    "kring.members.erasure.withdrawn": _("Erasure request withdrawn"),
    "kring.members.membership.status_changed": _("Membership status changed"),
}

# Other apps write entries about a person too; until they are named above, say where they happened.
AREAS = {
    "accounts": _("your account"),
    "members": _("your details"),
    "register": _("the register"),
    "recertification": _("your CPD log and recertification"),
    "intervision": _("intervision"),
}


def action_label(action: str) -> str:
    if action in ACTIONS:
        return str(ACTIONS[action])
    area = action.split(".")[1] if action.count(".") >= 2 else ""
    return str(_("Change in %(area)s") % {"area": AREAS.get(area, area or _("Kring"))})


@dataclass
class Row:
    at: object
    who: str
    what: str
    fields: list[str]


def field_label(name: str) -> str:
    for model in (Person, PracticeAddress):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if name.startswith("public_"):
            return _("public: %(field)s") % {"field": field.verbose_name}
        return str(field.verbose_name)
    extra = {"practices": _("practice addresses"), "consents": _("public fields"), "account": _("account")}
    return str(extra.get(name, name))


def entries_about(person: Person):
    """The audit entries about a person, newest first, with what ``describe`` needs in one query."""
    office = RoleGrant.objects.current().filter(user=OuterRef("actor_id"), role=Role.OFFICE)
    return (
        AuditEntry.objects.filter(person_id=person.pk)
        .select_related("actor__person")
        .annotate(actor_is_office=Exists(office))
        .order_by("-at", "-pk")
    )


def describe(entry: AuditEntry, person: Person) -> Row:
    if entry.actor_id and entry.actor_id == person.user_id:
        who = _("You")
    elif entry.actor_id and getattr(entry, "actor_is_office", False):
        # Staff names are not shown; what matters to the person is that the association acted.
        who = _("The office")
    elif entry.actor_id:
        actor_person = getattr(entry.actor, "person", None)
        who = actor_person.full_name if actor_person else _("Someone else")
    else:
        who = _("Kring, automatically (%(process)s)") % {"process": entry.source.removeprefix("process:")}
    return Row(
        at=entry.at,
        who=str(who),
        what=action_label(entry.action),
        fields=[field_label(name) for name in entry.data.get("fields", [])],
    )
