"""The office's changes to schemes, the sample setting and the code of ethics, made in the admin.

The admin form has already put the new values on the object; these save it and record what changed.
"""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone

from kring.core import audit
from kring.recertification.models import CertificationScheme, CodeOfEthics, SampleSetting, SchemeRequirement


def _next_version(level: str) -> int:
    last = CertificationScheme.objects.select_for_update().filter(level=level).order_by("-version").first()
    return (last.version + 1) if last else 1


def scheme_save(scheme: CertificationScheme, *, changed: list[str], by) -> CertificationScheme:
    """Save a scheme; a new one gets the next version number of its level."""
    with transaction.atomic():
        if scheme.pk is None:
            scheme.version = _next_version(scheme.level)
        scheme.save()
        audit.record("kring.recertification.scheme.saved", by=by, obj=scheme, fields=sorted(changed))
    return scheme


def scheme_delete(scheme: CertificationScheme, *, by) -> None:
    """Remove a scheme that no cycle uses (the admin offers this only then)."""
    with transaction.atomic():
        audit.record("kring.recertification.scheme.removed", by=by, obj=scheme, level=scheme.level)
        scheme.delete()


def scheme_requirements_save(
    scheme: CertificationScheme, *, added: list, changed: list, removed: list, by
) -> CertificationScheme:
    """Save the requirements of a scheme edited in the admin: new, changed and removed rows."""
    with transaction.atomic():
        for requirement in removed:
            requirement.delete()
        for requirement in [*added, *changed]:
            requirement.save()
        audit.record(
            "kring.recertification.scheme.requirements_changed",
            by=by,
            obj=scheme,
            added=len(added),
            changed=len(changed),
            removed=len(removed),
        )
    return scheme


def scheme_new_version(scheme: CertificationScheme, *, by) -> CertificationScheme:
    """Copy a scheme into a new version valid from tomorrow, for the office to edit."""
    with transaction.atomic():
        copy = CertificationScheme.objects.create(
            level=scheme.level,
            version=_next_version(scheme.level),
            cycle_years=scheme.cycle_years,
            note=scheme.note,
            valid_from=timezone.localdate() + datetime.timedelta(days=1),
        )
        SchemeRequirement.objects.bulk_create(
            SchemeRequirement(scheme=copy, kind=r.kind, amount=r.amount) for r in scheme.requirements.all()
        )
        audit.record("kring.recertification.scheme.versioned", by=by, obj=copy, source=scheme.pk)
    return copy


def sample_setting_add(setting: SampleSetting, *, by) -> SampleSetting:
    """A new percentage is a new row (the history stays), with a fresh salt for its draws."""
    with transaction.atomic():
        setting.salt = secrets.token_hex(16)
        setting.save()
        audit.record(
            "kring.recertification.sample_setting.changed", by=by, obj=setting, percentage=str(setting.percentage)
        )
    return setting


def code_of_ethics_save(code: CodeOfEthics, *, changed: list[str], by) -> CodeOfEthics:
    with transaction.atomic():
        adding = code.pk is None
        code.save()
        action = "kring.recertification.ethics.added" if adding else "kring.recertification.ethics.changed"
        audit.record(action, by=by, obj=code, version=code.version, fields=sorted(changed))
    return code


def code_of_ethics_delete(code: CodeOfEthics, *, by) -> None:
    with transaction.atomic():
        audit.record("kring.recertification.ethics.removed", by=by, obj=code, version=code.version)
        code.delete()
