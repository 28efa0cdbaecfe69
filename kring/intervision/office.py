"""The office's changes to intervision in the admin, each one transaction with one audit entry.

Groups are closed, never deleted, and a membership ends with a date instead of disappearing: both
are history that recertification counts. A meeting can be removed only while nobody has noted
attendance, and changed only while no attendance is confirmed (the same rule as for its coordinator).
"""

from __future__ import annotations

from django.db import transaction

from kring.core import audit, geo
from kring.intervision.models import Group, GroupMember, Meeting


def place_of(group: Group) -> None:
    """Fill in the place and coordinates of a group's postcode (empty for an online group)."""
    place = geo.lookup(group.postcode, group.country) if group.postcode else None
    if place is None:
        group.place, group.latitude, group.longitude = "", None, None
    else:
        group.place, group.latitude, group.longitude = place.name, place.latitude, place.longitude


@transaction.atomic
def group_office_save(group: Group, *, changed: list[str], by) -> Group:
    adding = group.pk is None
    if adding or {"postcode", "country"} & set(changed):
        place_of(group)
    group.save()
    action = "kring.intervision.group.added_by_office" if adding else "kring.intervision.group.changed_by_office"
    audit.record(action, by=by, person_id=group.coordinator_id, obj=group, fields=sorted(changed))
    return group


@transaction.atomic
def group_member_office_save(member: GroupMember, *, changed: list[str], by) -> GroupMember:
    adding = member.pk is None
    member.save()
    action = "kring.intervision.member.added_by_office" if adding else "kring.intervision.member.changed_by_office"
    audit.record(action, by=by, person_id=member.person_id, obj=member, fields=sorted(changed))
    return member


def meeting_is_frozen(meeting: Meeting) -> bool:
    return meeting.pk is not None and meeting.attendances.filter(confirmed_at__isnull=False).exists()


@transaction.atomic
def meeting_office_save(meeting: Meeting, *, changed: list[str], by) -> Meeting:
    if meeting_is_frozen(meeting):
        raise ValueError("a meeting with confirmed attendance cannot be changed")  # the admin offers no form then
    adding = meeting.pk is None
    meeting.save()
    action = "kring.intervision.meeting.added_by_office" if adding else "kring.intervision.meeting.changed_by_office"
    audit.record(action, by=by, obj=meeting, fields=sorted(changed))
    return meeting


@transaction.atomic
def meeting_office_delete(meeting: Meeting, *, by) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.attendances.exists():
        raise ValueError("a meeting with attendance cannot be removed")  # the admin offers no delete then
    audit.record("kring.intervision.meeting.removed_by_office", by=by, obj=meeting, group=meeting.group_id)
    meeting.delete()
