"""Institutes, their staff grants, teachers and programmes: the office's and the institute's writes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kring.accreditation.models import Chair, Institute, InstituteStaff, Programme, Teacher
from kring.core import audit, geo
from kring.core.access import acting_account
from kring.core.refusals import Refused
from kring.members.models import SpokenLanguage


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


@dataclass(frozen=True)
class ProgrammeDetails:
    """What an institute says about its programme, as typed on its form."""

    name: str
    online: bool
    postcode: str = ""
    country: str = "NL"
    place: str = ""
    next_start: datetime.date | None = None
    language: SpokenLanguage | None = None
    description: str = ""


def _fields_of(details: ProgrammeDetails, today: datetime.date) -> dict:
    """The programme's columns from the form, or a refusal: a place needs a postcode Kring knows
    (so people find it by distance), and a next start date lies ahead."""
    fields = {
        "name": details.name.strip(),
        "online": details.online,
        "postcode": "",
        "country": "",
        "place": details.place.strip(),
        "latitude": None,
        "longitude": None,
        "next_start": details.next_start,
        "language": details.language,
        "description": details.description.strip(),
    }
    postcode = details.postcode.strip()
    if not postcode and not details.online:
        raise Refused(_("Please give the postcode where the programme is taught, or tick online."), field="postcode")
    if postcode:
        found = geo.lookup(postcode, details.country)
        if found is None:
            raise Refused(
                _("We do not know postcode %(postcode)s. Please check the digits and the country.")
                % {"postcode": postcode},
                field="postcode",
            )
        fields.update(
            postcode=found.postcode,
            country=found.country,
            place=fields["place"] or found.name,
            latitude=found.latitude,
            longitude=found.longitude,
        )
    if details.next_start is not None and details.next_start < today:
        raise Refused(
            _("This date has passed. Please give the next start date from today on, or leave it empty."),
            field="next_start",
        )
    return fields


def programme_create(institute: Institute, details: ProgrammeDetails, *, by) -> Programme:
    """The institute adds a programme, before it applies for its accreditation."""
    fields = _fields_of(details, timezone.localdate())
    base = slugify(f"{institute.slug}-{fields['name']}")[:70] or "opleiding"
    slug, n = base, 1
    while Programme.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    try:
        with transaction.atomic():
            programme = Programme.objects.create(institute=institute, slug=slug, **fields)
            audit.record("kring.accreditation.programme.created", by=acting_account(by), obj=programme)
    except IntegrityError as error:  # two at once took the same slug
        raise Refused(_("Please try again: someone added a programme at the same moment.")) from error
    return programme


def programme_change(programme: Programme, details: ProgrammeDetails, *, by) -> Programme:
    """The institute changes what it says about its programme (its address stays the same)."""
    fields = _fields_of(details, timezone.localdate())
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        changed = sorted(name for name, value in fields.items() if getattr(locked, name) != value)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save()
        audit.record("kring.accreditation.programme.changed", by=acting_account(by), obj=locked, fields=changed)
    return locked
