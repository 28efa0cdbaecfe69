"""Announcing and withdrawing a retreat, and confirming who attended (into their CPD logs)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.accreditation.models import Institute
from kring.core import audit
from kring.core.refusals import Refused
from kring.cpd.models import ActivityKind
from kring.cpd.services import activity_record_automatic
from kring.find.models import Retreat, RetreatAttendance
from kring.find.services.common import check_starts_ahead, check_valid_on, lock, place_of, registration_of
from kring.register.models import Registration

FIELDS = ("title", "starts_on", "ends_on", "days", "teacher", "language", "text", "signup_url")


def _checked(data: dict) -> dict:
    check_starts_ahead(data["starts_on"])
    if data["ends_on"] < data["starts_on"]:
        raise Refused(_("The last day is before the first day. Please check the dates."), field="ends_on")
    span = (data["ends_on"] - data["starts_on"]).days + 1
    if not 1 <= int(data["days"]) <= span:
        raise Refused(
            _("A retreat has at least 1 day, and at most the %(span)d days from the first to the last day.")
            % {"span": span},
            field="days",
        )
    return {**{name: data[name] for name in FIELDS}, **place_of(data)}


def _person_id(retreat: Retreat) -> int | None:
    return retreat.registration.person_id if retreat.registration_id else None


@transaction.atomic
def retreat_announce(*, person=None, institute=None, data: dict, by) -> Retreat:
    """Announce a retreat, as a registered trainer (``person``) or for a training institute. The same
    retreat announced again (a double click) returns the first one."""
    values = _checked(data)
    if institute is not None:
        organiser = {"institute": Institute.objects.select_for_update().get(pk=institute.pk)}
    else:
        registration = registration_of(person, values["starts_on"])
        check_valid_on(registration, values["starts_on"], _("retreat"))
        lock(registration)
        organiser = {"registration": registration}
    same = Retreat.objects.filter(
        **organiser, withdrawn_at__isnull=True, title=values["title"], starts_on=values["starts_on"]
    ).first()
    if same is not None:
        return same
    retreat = Retreat.objects.create(**organiser, **values)
    audit.record("kring.find.retreat.announced", by=by, person_id=getattr(person, "pk", None), obj=retreat)
    return retreat


@transaction.atomic
def retreat_change(retreat: Retreat, *, data: dict, by) -> Retreat:
    """Change an announced retreat until it starts; the same checks as announcing it."""
    retreat = Retreat.objects.select_for_update(of=("self",)).get(pk=retreat.pk)
    if retreat.withdrawn_at is not None:
        raise Refused(_("This retreat was withdrawn, so it cannot be changed any more."))
    if retreat.starts_on <= timezone.localdate():
        raise Refused(_("This retreat has started, so it cannot be changed any more."))
    values = _checked(data)
    if retreat.registration_id is not None:
        check_valid_on(retreat.registration, values["starts_on"], _("retreat"))
    changed = sorted(name for name, value in values.items() if getattr(retreat, name) != value)
    if not changed:
        return retreat
    for name in changed:
        setattr(retreat, name, values[name])
    retreat.save()
    audit.record("kring.find.retreat.changed", by=by, person_id=_person_id(retreat), obj=retreat, fields=changed)
    return retreat


@transaction.atomic
def retreat_withdraw(retreat: Retreat, *, by) -> Retreat:
    retreat = Retreat.objects.select_for_update(of=("self",)).get(pk=retreat.pk)
    if retreat.withdrawn_at is not None:
        return retreat
    if retreat.starts_on <= timezone.localdate():
        raise Refused(_("This retreat has started, so it cannot be withdrawn any more."))
    retreat.withdrawn_at = timezone.now()
    retreat.save(update_fields=["withdrawn_at", "updated_at"])
    audit.record("kring.find.retreat.withdrawn", by=by, person_id=_person_id(retreat), obj=retreat)
    return retreat


def _attendees(numbers: list[str]) -> list[Registration]:
    wanted = sorted({n.strip() for n in numbers if n.strip()})
    if not wanted:
        raise Refused(_("Enter the register number of at least one trainer who attended."), field="numbers")
    found = {r.number: r for r in Registration.objects.filter(number__in=wanted).select_related("person")}
    unknown = [n for n in wanted if n not in found]
    if unknown:
        raise Refused(
            _("The register does not know these numbers: %(numbers)s. Nothing was recorded; please check them.")
            % {"numbers": ", ".join(unknown)},
            field="numbers",
        )
    return [found[n] for n in wanted]


@transaction.atomic
def retreat_attendance_confirm(retreat: Retreat, *, numbers: list[str], by) -> list[RetreatAttendance]:
    """After the retreat, the organiser names the trainers who attended (by register number). Each gets
    the retreat's days in their CPD log, once: confirming someone again changes nothing."""
    retreat = Retreat.objects.select_for_update(of=("self",)).get(pk=retreat.pk)
    if retreat.withdrawn_at is not None:
        raise Refused(_("This retreat was withdrawn."))
    if retreat.ends_on > timezone.localdate():
        raise Refused(_("You can confirm who attended from the last day of the retreat."))
    attendances = []
    for registration in _attendees(numbers):
        attendance, _created = RetreatAttendance.objects.get_or_create(retreat=retreat, person=registration.person)
        attendances.append(attendance)
        activity_record_automatic(
            person=registration.person,
            kind=ActivityKind.RETREAT,
            on=retreat.ends_on,
            hours=0,
            days=retreat.days,
            description=_("Silent retreat: %(title)s") % {"title": retreat.title},
            source=f"find.retreat:{retreat.pk}",
        )
    retreat.attendance_confirmed_at = timezone.now()
    retreat.save(update_fields=["attendance_confirmed_at", "updated_at"])
    audit.record(
        "kring.find.retreat.attendance_confirmed",
        by=by,
        person_id=_person_id(retreat),
        obj=retreat,
        attendees=len(attendances),
    )
    return attendances
