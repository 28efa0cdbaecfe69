"""The code of ethics: new versions (by the office) and a trainer's acceptance of the current one."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.complaints.models import EthicsAcceptance, EthicsCode
from kring.core import audit
from kring.core.refusals import Refused
from kring.members.models import Person


def ethics_code_save(code: EthicsCode, *, changed: list[str], by) -> EthicsCode:
    """Store a version (the office, in the admin). A version others accepted keeps its text."""
    with transaction.atomic():
        adding = code.pk is None
        if not adding and code.acceptances.exists() and {"text_nl", "text_en"} & set(changed):
            raise Refused(_("Trainers have accepted this version; write a new version instead of changing it."))
        code.save()
        audit.record(
            f"kring.complaints.ethics.{'added' if adding else 'changed'}", by=by, obj=code, version=code.version
        )
    return code


def ethics_accept(person: Person, *, by) -> EthicsAcceptance:
    """Record that the person accepts the current version. Accepting twice changes nothing."""
    code = EthicsCode.current()
    if code is None:
        raise Refused(_("There is no code of ethics to accept yet."))
    existing = EthicsAcceptance.objects.filter(person=person, code=code).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            acceptance = EthicsAcceptance.objects.create(person=person, code=code)
            audit.record(
                "kring.complaints.ethics.accepted", by=by, person_id=person.pk, obj=acceptance, version=code.version
            )
    except IntegrityError:  # a double click at the same moment
        return EthicsAcceptance.objects.get(person=person, code=code)
    return acceptance


def has_accepted_current(person: Person) -> bool:
    """Whether the person accepted the version that applies today (read by recertification's dossier).
    One query, so that the trainer's pages keep their query count."""
    current = (
        EthicsCode.objects.filter(applies_from__lte=timezone.localdate())
        .order_by("-applies_from", "-pk")
        .values("pk")[:1]
    )
    return EthicsAcceptance.objects.filter(person=person, code=Subquery(current)).exists()


def not_accepted(registrations):
    """The people of ``registrations`` who have not accepted the current version (the office's list)."""
    code = EthicsCode.current()
    people = Person.objects.filter(registrations__in=registrations).distinct()
    if code is None:
        return people.none()
    return people.exclude(ethics_acceptances__code=code)
