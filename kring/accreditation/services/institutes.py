"""Institutes, their staff grants, teachers and programmes: the office's and the institute's writes."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kring.accreditation.models import Chair, Institute, InstituteStaff, Programme, Teacher
from kring.core import audit
from kring.core.access import acting_account
from kring.core.refusals import Refused


def institute_save(institute: Institute, *, changed: list[str], by) -> Institute:
    """The office adds or changes an institute."""
    with transaction.atomic():
        adding = institute.pk is None
        institute.save()
        verb = "created" if adding else "changed"
        audit.record(f"kring.accreditation.institute.{verb}", by=by, obj=institute, fields=sorted(changed))
    return institute


def staff_grant_save(grant: InstituteStaff, *, changed: list[str], by) -> InstituteStaff:
    """The office grants (or changes) the institute role of an account, always with an end date."""
    if grant.ends_on is None or grant.ends_on < grant.starts_on:
        raise Refused(_("Please give an end date on or after the start date."), field="ends_on")
    with transaction.atomic():
        adding = grant.pk is None
        grant.save()
        verb = "granted" if adding else "changed"
        audit.record(
            f"kring.accreditation.staff.{verb}", by=by, obj=grant, institute=grant.institute_id, user=grant.user_id
        )
    return grant


def staff_grant_remove(grant: InstituteStaff, *, by) -> None:
    with transaction.atomic():
        audit.record("kring.accreditation.staff.removed", by=by, obj=grant, institute=grant.institute_id)
        grant.delete()


def chair_save(chair: Chair, *, changed: list[str], by) -> Chair:
    with transaction.atomic():
        chair.save()
        audit.record("kring.accreditation.chair.saved", by=by, obj=chair, user=chair.user_id)
    return chair


def is_chair(user, today: datetime.date) -> bool:
    return (
        Chair.objects.filter(user_id=getattr(user, "pk", None), starts_on__lte=today)
        .exclude(ends_on__lt=today)
        .exists()
    )


def teacher_add(institute: Institute, *, name: str, email: str, qualification: str, by) -> Teacher:
    """The institute lists someone who teaches there (also how conflicts of interest are found)."""
    email = email.strip().lower()
    if Teacher.objects.filter(institute=institute, email__iexact=email).exists():
        raise Refused(_("This teacher is already on your list."), field="email")
    with transaction.atomic():
        teacher = Teacher.objects.create(
            institute=institute, name=name.strip(), email=email, qualification=qualification.strip()
        )
        audit.record("kring.accreditation.teacher.added", by=by, obj=teacher, institute=institute.pk)
    return teacher


def programme_create(institute: Institute, *, name: str, place: str, online: bool, description: str, by) -> Programme:
    """The institute adds a programme, before it applies for its accreditation."""
    if not place.strip() and not online:
        raise Refused(_("Please give the place where the programme is taught, or tick online."), field="place")
    base = slugify(f"{institute.slug}-{name}")[:70] or "opleiding"
    slug, n = base, 1
    while Programme.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    try:
        with transaction.atomic():
            programme = Programme.objects.create(
                institute=institute,
                name=name.strip(),
                slug=slug,
                place=place.strip(),
                online=online,
                description=description.strip(),
            )
            audit.record("kring.accreditation.programme.created", by=acting_account(by), obj=programme)
    except IntegrityError as error:  # two at once took the same slug
        raise Refused(_("Please try again: someone added a programme at the same moment.")) from error
    return programme
