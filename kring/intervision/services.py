"""Operations on intervision groups, requests, searches, meetings and attendance.

Each service runs in one transaction and writes one audit entry. Bad input raises
``kring.core.refusals.Refused`` with a kind message (and the form field it belongs to, if any)
before anything is written, so the caller can show it and nothing changes.

Group proposals live in ``proposals.py``: ``proposals_run(*, by)`` feeds the people looking for a
group to the pure group former (``former/``) and stores what it proposes; people answer there.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit, emails, geo
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.cpd import services as cpd
from kring.intervision.models import (
    MAX_SIZE,
    MIN_SIZE,
    Attendance,
    AttendanceConfirmation,
    Group,
    GroupMember,
    IntervisionRecord,
    JoinRequest,
    Meeting,
    MemberFeed,
    Mode,
    Seeker,
    new_token,
)
from kring.members.models import Person
from kring.members.people import person_of

GROUP_FIELDS = (
    "name",
    "coordinator_role",
    "mode",
    "is_open",
    "postcode",
    "country",
    "work_domain",
    "target_group",
    "experience",
    "capacity",
    "meetings_per_year",
    "moment",
    "language",
    "description",
)
MEETING_FIELDS = (
    "starts_at",
    "duration_minutes",
    "mode",
    "location",
    "link",
    "opening_practice",
    "check_in",
    "case",
    "method",
    "mbi_tac_domain",
    "closing_practice",
)
SEEKER_FIELDS = (
    "mode",
    "postcode",
    "country",
    "max_distance_km",
    "work_domain",
    "target_group",
    "experience_level",
    "experience_wish",
    "moments",
    "language",
    "visible_to_coordinators",
)
CONFIRMATIONS_NEEDED = 2


def _place(postcode: str, country: str, *, required: bool) -> geo.Place | None:
    """The coordinates of a postcode, or a kind error that says what to type."""
    if not postcode:
        if required:
            raise Refused(_("A live group needs a postcode, so people nearby can find it."), field="postcode")
        return None
    place = geo.lookup(postcode, country)
    if place is None:
        raise Refused(
            _(
                "We do not know this postcode. Enter a postcode in the Netherlands (for example 3512 AB) "
                "or Belgium (for example 3000)."
            ),
            field="postcode",
        )
    return place


def _check_coordinator(group: Group, user) -> Person:
    person = person_of(user)
    if group.coordinator_id != person.pk:
        raise Refused(_("Only the coordinator of this group can do this."))
    return person


def _current_count(group: Group) -> int:
    return GroupMember.objects.filter(group=group, left_on__isnull=True).count()


def _apply_group_fields(group: Group, fields: dict) -> None:
    for name, value in fields.items():
        if name not in GROUP_FIELDS:
            raise TypeError(f"unknown group field {name}")
        setattr(group, name, value)
    if not MIN_SIZE <= group.capacity <= MAX_SIZE:
        raise Refused(_("A group has room for 4 to 8 people."), field="capacity")
    place = _place(group.postcode, group.country, required=group.mode != Mode.ONLINE)
    if place is None:
        group.place, group.latitude, group.longitude = "", None, None
    else:
        group.place, group.latitude, group.longitude = place.name, place.latitude, place.longitude


# Groups ------------------------------------------------------------------------------------------


@transaction.atomic
def group_offer(*, by, **fields) -> Group:
    """Start a group with the acting person as its coordinator (or facilitator) and first member."""
    person = person_of(by)
    group = Group(coordinator=person)
    _apply_group_fields(group, fields)
    group.save()
    GroupMember.objects.create(group=group, person=person)
    audit.record("kring.intervision.group.offered", by=by, person_id=person.pk, obj=group)
    return group


@transaction.atomic
def group_update(group: Group, *, by, **fields) -> Group:
    """Change a group's details. The number of places never drops below the people already in it."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    _check_coordinator(group, by)
    if group.is_closed:
        raise Refused(_("This group is closed and can no longer be changed."))
    _apply_group_fields(group, fields)
    members = _current_count(group)
    if group.capacity < members:
        raise Refused(
            _("The group already has %(count)s members; choose at least that many places.") % {"count": members},
            field="capacity",
        )
    group.save()
    audit.record("kring.intervision.group.updated", by=by, obj=group, fields=sorted(fields))
    return group


@transaction.atomic
def group_close(group: Group, *, by) -> Group:
    """Close a group: memberships end today and open requests are answered kindly."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    _check_coordinator(group, by)
    if group.is_closed:
        raise Refused(_("This group is already closed."))
    now = timezone.now()
    group.closed_at = now
    group.save(update_fields=["closed_at"])
    group.current_members().update(left_on=timezone.localdate())
    group.join_requests.filter(status=JoinRequest.Status.PENDING).update(
        status=JoinRequest.Status.DECLINED, decided_at=now, decided_message=_("This group has stopped.")
    )
    audit.record("kring.intervision.group.closed", by=by, obj=group)
    return group


@transaction.atomic
def group_leave(group: Group, *, by, successor: Person | None = None) -> None:
    """Leave a group. A coordinator first hands the group to another member (``successor``)."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    person = person_of(by)
    membership = group.current_members().filter(person=person).first()
    if membership is None:
        raise Refused(_("You are not a member of this group."))
    if group.coordinator_id == person.pk:
        if successor is None:
            raise Refused(
                _("You coordinate this group. Choose who takes over before you leave, or close the group."),
                field="successor",
            )
        if successor.pk == person.pk or not group.current_members().filter(person=successor).exists():
            raise Refused(_("The person who takes over must be a member of the group."), field="successor")
        group.coordinator = successor
        group.save(update_fields=["coordinator"])
    membership.left_on = timezone.localdate()
    membership.save(update_fields=["left_on"])
    audit.record(
        "kring.intervision.member.left",
        by=by,
        person_id=person.pk,
        obj=group,
        successor_id=successor.pk if successor else None,
    )


# Join requests -----------------------------------------------------------------------------------


def refuse_if_full_or_closed(group: Group) -> None:
    """Refuse a new member for a closed or full group (the caller holds the group's row lock)."""
    if group.is_closed:
        raise Refused(_("This group is closed, so it does not take new members."))
    if _current_count(group) >= group.capacity:
        raise Refused(
            _("This group is full. Look for another group, or tell us you are looking, so a coordinator can find you.")
        )


@transaction.atomic
def join_request_create(group: Group, *, by, message: str = "") -> JoinRequest:
    """Ask to join a group with a short message; the coordinator gets an e-mail."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    person = person_of(by)
    refuse_if_full_or_closed(group)
    if group.current_members().filter(person=person).exists():
        raise Refused(_("You are already a member of this group."))
    if group.join_requests.filter(person=person, status=JoinRequest.Status.PENDING).exists():
        raise Refused(_("You already asked to join this group. The coordinator will answer soon."))
    request = JoinRequest.objects.create(group=group, person=person, message=message.strip())
    audit.record("kring.intervision.join_request.created", by=by, person_id=person.pk, obj=request)
    coordinator = group.coordinator
    if coordinator.email:
        transaction.on_commit(
            lambda: emails.send(
                "intervision-join-request",
                to=coordinator.email,
                language=coordinator.language,
                context={
                    "group": group.name,
                    "group_id": group.pk,
                    "name": person.full_name,
                    "message": request.message,
                    "coordinator": coordinator.first_name,
                },
            )
        )
    return request


def _decide(join_request: JoinRequest, *, by, status: str, message: str) -> tuple[JoinRequest, Group]:
    group = Group.objects.select_for_update().get(pk=join_request.group_id)
    _check_coordinator(group, by)
    join_request = lock_for_decision(
        JoinRequest,
        join_request.pk,
        states=[JoinRequest.Status.PENDING],
        refused=Refused(_("This request has already been answered.")),
    )
    join_request.status = status
    join_request.decided_at = timezone.now()
    join_request.decided_message = message.strip()
    return join_request, group


def _mail_decision(join_request: JoinRequest, group: Group) -> None:
    person = join_request.person
    if person.email:
        transaction.on_commit(
            lambda: emails.send(
                "intervision-join-decided",
                to=person.email,
                language=person.language,
                context={
                    "group": group.name,
                    "group_id": group.pk,
                    "accepted": join_request.status == JoinRequest.Status.ACCEPTED,
                    "message": join_request.decided_message,
                    "name": person.first_name,
                },
            )
        )


@transaction.atomic
def join_request_accept(join_request: JoinRequest, *, by, message: str) -> GroupMember:
    """Welcome someone into the group. The group row is locked and counted inside the transaction,
    so two accepts at the same moment can never push a group past its capacity."""
    join_request, group = _decide(join_request, by=by, status=JoinRequest.Status.ACCEPTED, message=message)
    refuse_if_full_or_closed(group)
    join_request.save(update_fields=["status", "decided_at", "decided_message"])
    membership = GroupMember.objects.create(group=group, person=join_request.person)
    Seeker.objects.filter(person=join_request.person, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    audit.record("kring.intervision.join_request.accepted", by=by, person_id=join_request.person_id, obj=join_request)
    _mail_decision(join_request, group)
    return membership


@transaction.atomic
def join_request_decline(join_request: JoinRequest, *, by, message: str) -> JoinRequest:
    """Say no, kindly, with a message the coordinator may edit."""
    join_request, group = _decide(join_request, by=by, status=JoinRequest.Status.DECLINED, message=message)
    join_request.save(update_fields=["status", "decided_at", "decided_message"])
    audit.record("kring.intervision.join_request.declined", by=by, person_id=join_request.person_id, obj=join_request)
    _mail_decision(join_request, group)
    return join_request


def accept_message(join_request: JoinRequest) -> str:
    """The pre-written welcome, in the active language."""
    return _(
        "Dear %(name)s,\n\nWelcome to %(group)s. I am glad you are joining us. "
        "You will find our next meetings on the group's page.\n\nWarm regards,\n%(coordinator)s"
    ) % {
        "name": join_request.person.first_name,
        "group": join_request.group.name,
        "coordinator": join_request.group.coordinator.first_name,
    }


def decline_message(join_request: JoinRequest) -> str:
    """The pre-written kind refusal, in the active language."""
    return _(
        "Dear %(name)s,\n\nThank you for your interest in %(group)s. This time we cannot welcome you "
        "in the group. I hope you will find a group that suits you; the search page shows other groups "
        "with free places.\n\nWarm regards,\n%(coordinator)s"
    ) % {
        "name": join_request.person.first_name,
        "group": join_request.group.name,
        "coordinator": join_request.group.coordinator.first_name,
    }


# Looking for a group -----------------------------------------------------------------------------


@transaction.atomic
def seeker_register(*, by, **wishes) -> Seeker:
    """Say that I am looking for a group, with my wishes (updates an earlier search)."""
    person = person_of(by)
    seeker = Seeker.objects.select_for_update().filter(person=person, withdrawn_at__isnull=True).first()
    seeker = seeker or Seeker(person=person)
    for name, value in wishes.items():
        if name not in SEEKER_FIELDS:
            raise TypeError(f"unknown seeker field {name}")
        setattr(seeker, name, value)
    place = _place(seeker.postcode, seeker.country, required=seeker.mode == Mode.LIVE)
    seeker.latitude = place.latitude if place else None
    seeker.longitude = place.longitude if place else None
    seeker.save()
    audit.record("kring.intervision.seeker.registered", by=by, person_id=person.pk, obj=seeker, fields=sorted(wishes))
    return seeker


@transaction.atomic
def seeker_withdraw(seeker: Seeker, *, by) -> Seeker:
    """Stop looking for a group."""
    person = person_of(by)
    if seeker.person_id != person.pk or seeker.withdrawn_at:
        raise Refused(_("You are not looking for a group at the moment."))
    seeker.withdrawn_at = timezone.now()
    seeker.save(update_fields=["withdrawn_at"])
    audit.record("kring.intervision.seeker.withdrawn", by=by, person_id=person.pk, obj=seeker)
    return seeker


# Meetings ----------------------------------------------------------------------------------------


def _apply_meeting_fields(meeting: Meeting, fields: dict) -> None:
    for name, value in fields.items():
        if name not in MEETING_FIELDS:
            raise TypeError(f"unknown meeting field {name}")
        setattr(meeting, name, value)
    if not 15 <= meeting.duration_minutes <= 600:
        raise Refused(_("A meeting lasts between 15 minutes and 10 hours."), field="duration_minutes")


@transaction.atomic
def meeting_plan(group: Group, *, by, **fields) -> Meeting:
    """Plan a meeting of the group with its agenda."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    _check_coordinator(group, by)
    if group.is_closed:
        raise Refused(_("This group is closed, so no meetings can be planned."))
    meeting = Meeting(group=group)
    _apply_meeting_fields(meeting, fields)
    meeting.save()
    audit.record("kring.intervision.meeting.planned", by=by, obj=meeting)
    return meeting


@transaction.atomic
def meeting_update(meeting: Meeting, *, by, **fields) -> Meeting:
    """Change a meeting, as long as nobody's attendance has been confirmed yet."""
    meeting = Meeting.objects.select_for_update().select_related("group").get(pk=meeting.pk)
    _check_coordinator(meeting.group, by)
    if meeting.attendances.filter(confirmed_at__isnull=False).exists():
        raise Refused(_("Attendance of this meeting has been confirmed, so it can no longer be changed."))
    _apply_meeting_fields(meeting, fields)
    meeting.save()
    audit.record("kring.intervision.meeting.updated", by=by, obj=meeting, fields=sorted(fields))
    return meeting


# Attendance --------------------------------------------------------------------------------------


def _was_member_at(meeting: Meeting, person: Person) -> bool:
    """Whether ``person`` was in the group on the meeting's day. Those who started the group in Kring
    count for its earlier meetings too: a group often brings meetings it held before it was entered
    here, and its coordinator joined on the day of entering it."""
    day = timezone.localdate(meeting.starts_at)
    founded = timezone.localdate(meeting.group.created_at)
    return (
        meeting.group.members.filter(person=person)
        .filter(Q(joined_on__lte=day) | Q(joined_on__lte=founded))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=day))
        .exists()
    )


@transaction.atomic
def attendance_register(meeting: Meeting, *, by, person: Person | None = None) -> Attendance:
    """Note that someone was at a meeting: oneself, or (by the coordinator) any member of the group.
    The meeting is locked, so a double click notes the attendance once and the second click is told so."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("group").get(pk=meeting.pk)
    actor = person_of(by)
    person = person or actor
    if person.pk != actor.pk and meeting.group.coordinator_id != actor.pk:
        raise Refused(_("Only the coordinator can note someone else's attendance."))
    if not meeting.has_started:
        raise Refused(_("This meeting has not taken place yet."))
    if not _was_member_at(meeting, person):
        raise Refused(_("Only members of the group can be noted as present."))
    if meeting.attendances.filter(person=person).exists():
        raise Refused(_("This attendance has already been noted."))
    attendance = Attendance.objects.create(meeting=meeting, person=person)
    audit.record("kring.intervision.attendance.registered", by=by, person_id=person.pk, obj=attendance)
    return attendance


@transaction.atomic
def attendance_confirm(attendance: Attendance, *, by) -> Attendance:
    """Confirm that someone attended: the coordinator's word is enough, otherwise two other attendees
    confirm. Only people who were there themselves can confirm. Once confirmed, the meeting becomes a
    CPD activity in the attendee's log."""
    attendance = Attendance.objects.select_for_update().select_related("meeting__group", "person").get(pk=attendance.pk)
    meeting = attendance.meeting
    actor = person_of(by)
    if attendance.is_confirmed:
        raise Refused(_("This attendance has already been confirmed."))
    if actor.pk == attendance.person_id:
        raise Refused(_("You cannot confirm your own attendance; the coordinator or two others do."))
    if not meeting.attendances.filter(person=actor).exists():
        raise Refused(_("You can only confirm attendance of a meeting you attended yourself."))
    by_coordinator = meeting.group.coordinator_id == actor.pk
    try:
        with transaction.atomic():
            AttendanceConfirmation.objects.create(attendance=attendance, by=actor)
    except IntegrityError:
        raise Refused(_("You have already confirmed this attendance.")) from None
    if by_coordinator or attendance.confirmations.count() >= CONFIRMATIONS_NEEDED:
        attendance.confirmed_at = timezone.now()
        attendance.confirmed_by_coordinator = by_coordinator
        attendance.save(update_fields=["confirmed_at", "confirmed_by_coordinator"])
        cpd.activity_record_automatic(
            person=attendance.person,
            kind="intervision",
            on=timezone.localdate(meeting.starts_at),
            hours=meeting.hours,
            description=meeting.group.name,
            source=f"intervision.attendance:{attendance.pk}",
        )
    audit.record(
        "kring.intervision.attendance.confirmed",
        by=by,
        person_id=attendance.person_id,
        obj=attendance,
        complete=attendance.is_confirmed,
    )
    return attendance


# Records and calendar feeds ----------------------------------------------------------------------


@transaction.atomic
def record_save(meeting: Meeting, *, by, topics: str = "", report: str = "", reflection: str = "") -> IntervisionRecord:
    """Fill in my intervision record of a meeting I attended."""
    person = person_of(by)
    if not meeting.attendances.filter(person=person).exists():
        raise Refused(_("You can write a record of a meeting once your attendance is noted."))
    record, _created = IntervisionRecord.objects.update_or_create(
        meeting=meeting, person=person, defaults={"topics": topics, "report": report, "reflection": reflection}
    )
    audit.record("kring.intervision.record.saved", by=by, person_id=person.pk, obj=record)
    return record


@transaction.atomic
def feed_regenerate(*, by, group: Group | None = None) -> str:
    """Give a calendar feed a new secret address; the old address stops working at once."""
    if group is not None:
        group = Group.objects.select_for_update().get(pk=group.pk)
        _check_coordinator(group, by)
        group.feed_token = new_token()
        group.save(update_fields=["feed_token"])
        audit.record("kring.intervision.feed.regenerated", by=by, obj=group)
        return group.feed_token
    person = person_of(by)
    feed, _created = MemberFeed.objects.update_or_create(person=person, defaults={"token": new_token()})
    audit.record("kring.intervision.feed.regenerated", by=by, person_id=person.pk, obj=feed)
    return feed.token


@transaction.atomic
def feed_revoke(*, by) -> None:
    """Switch my personal calendar feed off."""
    person = person_of(by)
    MemberFeed.objects.filter(person=person).delete()
    audit.record("kring.intervision.feed.revoked", by=by, person_id=person.pk)
