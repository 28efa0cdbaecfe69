"""The office's versions of the accreditation criteria. A version an application was submitted
under is never changed: the office makes a new version (copied from the newest) and edits that."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.accreditation.models import CriteriaVersion, Criterion
from kring.core import audit
from kring.core.refusals import Refused


def _refuse_in_use(version: CriteriaVersion) -> None:
    if version.in_use:
        raise Refused(_("Applications were submitted under this version; make a new version to change the criteria."))


def criteria_save(version: CriteriaVersion, *, changed: list[str], by) -> CriteriaVersion:
    with transaction.atomic():
        if version.pk is None:
            version.version = (CriteriaVersion.objects.aggregate(m=Max("version"))["m"] or 0) + 1
        else:
            _refuse_in_use(CriteriaVersion.objects.select_for_update().get(pk=version.pk))
        version.save()
        audit.record("kring.accreditation.criteria.saved", by=by, obj=version, fields=sorted(changed))
    return version


def criteria_items_save(version: CriteriaVersion, *, added: list, changed: list, removed: list, by) -> None:
    """Save the criteria of a version edited in the admin; refused once the version is in use."""
    for item in [*added, *changed]:
        if item.minimum is not None and item.minimum < 0:
            raise Refused(_("A minimum cannot be below zero."))
    with transaction.atomic():
        _refuse_in_use(CriteriaVersion.objects.select_for_update().get(pk=version.pk))
        for item in removed:
            item.delete()
        for item in [*added, *changed]:
            item.save()
        audit.record("kring.accreditation.criteria.items_changed", by=by, obj=version)


def criteria_new_version(source: CriteriaVersion, *, by, valid_from: datetime.date | None = None) -> CriteriaVersion:
    """A copy of ``source`` as the next version, valid from tomorrow, to edit."""
    with transaction.atomic():
        version = CriteriaVersion.objects.create(
            version=(CriteriaVersion.objects.aggregate(m=Max("version"))["m"] or 0) + 1,
            valid_from=valid_from or timezone.localdate() + datetime.timedelta(days=1),
            validity_years=source.validity_years,
            note=source.note,
        )
        Criterion.objects.bulk_create(
            Criterion(criteria=version, kind=c.kind, minimum=c.minimum, guidance=c.guidance)
            for c in source.criteria.all()
        )
        audit.record("kring.accreditation.criteria.new_version", by=by, obj=version, source=source.version)
    return version
