"""Reading intervision data for a person: object access (404 for what is not yours) and lists in a
fixed number of queries."""

from __future__ import annotations

import datetime

from django.db.models import F, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kring.core import geo
from kring.intervision import rules
from kring.intervision.models import (
    Attendance,
    Group,
    GroupMember,
    IntervisionRecord,
    JoinRequest,
    Meeting,
    Mode,
    Seeker,
)
from kring.members.models import Person, PracticeAddress
from kring.members.people import person_of


def home_place(person: Person) -> PracticeAddress | None:
    """Where "near me" starts: the first practice address."""
    return person.practices.order_by("pk").first()


def group_for_member(user, pk: int) -> Group:
    """A group the user currently belongs to, or 404."""
    return get_object_or_404(Group.objects.of_person(person_of(user)), pk=pk)


def group_for_coordinator(user, pk: int) -> Group:
    return get_object_or_404(Group, pk=pk, coordinator=person_of(user))


def meetings_visible_to(person: Person):
    """Meetings of the person's current groups, and meetings they attended."""
    return Meeting.objects.filter(
        Q(group__members__person=person, group__members__left_on__isnull=True) | Q(attendances__person=person)
    ).distinct()


def meeting_for_member(user, pk: int) -> Meeting:
    return get_object_or_404(meetings_visible_to(person_of(user)).select_related("group__coordinator"), pk=pk)


def find_groups(
    *,
    origin=None,
    distance_km: int | None = None,
    work_domain=None,
    target_group=None,
    mode: str = "",
    kind: str = "",
    free_only: bool = True,
) -> list[Group]:
    """Groups for the search page, nearest first when there is an origin. Two queries whatever the size."""
    groups = (
        Group.objects.open_for_joining()
        .with_member_count()
        .select_related("coordinator", "work_domain", "target_group", "language")
    )
    if work_domain:
        groups = groups.filter(work_domain=work_domain)
    if target_group:
        groups = groups.filter(target_group=target_group)
    if mode == Mode.LIVE:
        groups = groups.filter(mode__in=[Mode.LIVE, Mode.BOTH])
    elif mode == Mode.ONLINE:
        groups = groups.filter(mode__in=[Mode.ONLINE, Mode.BOTH])
    if kind in ("open", "fixed"):
        groups = groups.filter(is_open=kind == "open")
    if free_only:
        groups = groups.filter(member_count__lt=F("capacity"))
    if origin is not None and distance_km:
        south, north, west, east = geo.bounding_box(origin.latitude, origin.longitude, distance_km)
        # Online groups are near everyone; live ones must lie within the circle.
        groups = groups.filter(Q(mode=Mode.ONLINE) | Q(latitude__range=(south, north), longitude__range=(west, east)))
    result = list(groups)
    for group in result:
        group.distance = rules.distance_between(group, origin) if origin is not None else None
    if origin is not None and distance_km:
        result = [g for g in result if g.mode == Mode.ONLINE or (g.distance is not None and g.distance <= distance_km)]
    result.sort(key=lambda g: (g.distance is None, g.distance or 0, g.name))
    return result


def my_groups(person: Person) -> list[Group]:
    # Counting members on a queryset already filtered through members would count only this person.
    mine = GroupMember.objects.filter(person=person, left_on__isnull=True).values("group_id")
    return list(Group.objects.filter(pk__in=mine).with_member_count().select_related("coordinator"))


def pending_requests_for(person: Person):
    return JoinRequest.objects.filter(group__coordinator=person, status=JoinRequest.Status.PENDING).select_related(
        "group", "person"
    )


def active_search(person: Person) -> Seeker | None:
    return Seeker.objects.filter(person=person, withdrawn_at__isnull=True).first()


def matching_groups(seeker: Seeker) -> list[Group]:
    groups = find_groups(free_only=True)
    mine = set(
        GroupMember.objects.filter(person=seeker.person_id, left_on__isnull=True).values_list("group_id", flat=True)
    )
    return [g for g in groups if g.pk not in mine and rules.group_suits_seeker(g, seeker)]


def matching_seekers(group: Group) -> list[Seeker]:
    """People looking, who allow coordinators to see them, whose wishes this group meets."""
    if group.is_closed or group.free_places == 0:
        return []
    members = group.current_members().values_list("person_id", flat=True)
    seekers = (
        Seeker.objects.filter(withdrawn_at__isnull=True, visible_to_coordinators=True)
        .exclude(person__in=members)
        .select_related("person", "work_domain", "target_group")
    )
    return [s for s in seekers if rules.group_suits_seeker(group, s)]


def year_range(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    return datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def confirmed_attendances(person: Person, year: int):
    start, end = year_range(year)
    return Attendance.objects.filter(
        person=person, confirmed_at__isnull=False, meeting__starts_at__gte=start, meeting__starts_at__lt=end
    )


def records_of_year(person: Person, year: int) -> list[Attendance]:
    """The person's attendances of a year, each with the meeting, its group, every attendee (with
    their confirmation) and the person's own record: four queries in all."""
    start, end = year_range(year)
    attendances = (
        Attendance.objects.filter(person=person, meeting__starts_at__gte=start, meeting__starts_at__lt=end)
        .select_related("meeting__group__coordinator")
        .prefetch_related(
            Prefetch("meeting__attendances", queryset=Attendance.objects.select_related("person")),
            Prefetch(
                "meeting__records", queryset=IntervisionRecord.objects.filter(person=person), to_attr="my_records"
            ),
        )
        .order_by("meeting__starts_at")
    )
    result = list(attendances)
    for attendance in result:
        records = attendance.meeting.my_records
        attendance.record = records[0] if records else None
    return result
