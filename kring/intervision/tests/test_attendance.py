import datetime

import pytest
from django.utils import timezone

from kring.core.refusals import Refused
from kring.cpd.models import Activity
from kring.intervision import services
from kring.intervision.models import Attendance
from kring.intervision.tests.helpers import attend, make_group, make_past_meeting, others


def test_the_coordinators_confirmation_records_a_cpd_activity(trainer):
    group = make_group(trainer, members=2, name="Kring Utrecht")
    meeting = make_past_meeting(group, days_ago=3, duration_minutes=150)
    participant = others(group)[0]
    _, attendance = attend(meeting, trainer, participant)
    services.attendance_confirm(attendance, by=trainer.user)
    attendance.refresh_from_db()
    assert attendance.is_confirmed and attendance.confirmed_by_coordinator
    activity = Activity.objects.get(person=participant)
    assert activity.kind == "intervision"
    assert activity.hours == 2.5
    assert activity.date == timezone.localdate(meeting.starts_at)
    assert activity.description == "Kring Utrecht"
    assert activity.source == f"intervision.attendance:{attendance.pk}"


def test_two_other_attendees_confirm_each_other(trainer):
    group = make_group(trainer, members=3)
    meeting = make_past_meeting(group)
    a, b, c = others(group)
    att_a, att_b, att_c = attend(meeting, a, b, c)
    services.attendance_confirm(att_a, by=b.user)
    att_a.refresh_from_db()
    assert not att_a.is_confirmed  # one colleague is not yet enough
    assert not Activity.objects.filter(person=a).exists()
    services.attendance_confirm(att_a, by=c.user)
    att_a.refresh_from_db()
    assert att_a.is_confirmed and not att_a.confirmed_by_coordinator
    assert Activity.objects.filter(person=a, kind="intervision").count() == 1


def test_someone_who_did_not_attend_cannot_confirm(trainer):
    group = make_group(trainer, members=2)
    meeting = make_past_meeting(group)
    a, absent = others(group)
    (attendance,) = attend(meeting, a)
    with pytest.raises(Refused, match="zelf was"):
        services.attendance_confirm(attendance, by=absent.user)
    with pytest.raises(Refused, match="zelf was"):
        services.attendance_confirm(attendance, by=trainer.user)  # coordinator, but was not there
    attendance.refresh_from_db()
    assert not attendance.is_confirmed and not attendance.confirmations.exists()
    assert not Activity.objects.exists()


def test_nobody_confirms_themselves_or_twice(trainer):
    group = make_group(trainer, members=2)
    meeting = make_past_meeting(group)
    a, b = others(group)
    att_a, _ = attend(meeting, a, b)
    with pytest.raises(Refused, match="eigen aanwezigheid"):
        services.attendance_confirm(att_a, by=a.user)
    services.attendance_confirm(att_a, by=b.user)
    with pytest.raises(Refused, match="al bevestigd"):
        services.attendance_confirm(att_a, by=b.user)
    assert att_a.confirmations.count() == 1


def test_attendance_of_a_future_meeting_cannot_be_noted(trainer):
    group = make_group(trainer)
    meeting = services.meeting_plan(
        group, by=trainer.user, starts_at=timezone.now() + datetime.timedelta(days=2), duration_minutes=120
    )
    with pytest.raises(Refused, match="nog niet geweest"):
        services.attendance_register(meeting, by=trainer.user)
    assert not Attendance.objects.exists()


def test_an_outsider_cannot_be_noted_present(trainer, member):
    group = make_group(trainer)
    meeting = make_past_meeting(group)
    with pytest.raises(Refused):
        services.attendance_register(meeting, by=member.user)
    with pytest.raises(Refused):
        services.attendance_register(meeting, by=trainer.user, person=member)
    assert not Attendance.objects.exists()


def test_the_coordinator_notes_a_member_present(trainer):
    group = make_group(trainer, members=1)
    meeting = make_past_meeting(group)
    attendance = services.attendance_register(meeting, by=trainer.user, person=others(group)[0])
    assert attendance.person == others(group)[0]
