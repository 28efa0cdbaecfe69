import datetime

import pytest
from django.utils import timezone

from kring.core.refusals import Refused
from kring.intervision import services
from kring.intervision.models import Meeting
from kring.intervision.tests.helpers import attend, make_group, make_past_meeting, others


def test_the_coordinator_plans_a_meeting_with_a_mindful_agenda(trainer):
    group = make_group(trainer)
    meeting = services.meeting_plan(
        group,
        by=trainer.user,
        starts_at=timezone.now() + datetime.timedelta(days=14),
        duration_minutes=120,
        opening_practice="Bodyscan",
        check_in="Rondje",
        case="Een deelnemer huilt",
        method="incident",
        mbi_tac_domain="6",
        closing_practice="Ademruimte",
    )
    assert meeting.get_method_display() == "Incidentmethode"
    assert meeting.hours == 2


def test_a_member_who_is_not_coordinator_cannot_plan(trainer):
    group = make_group(trainer, members=1)
    with pytest.raises(Refused):
        services.meeting_plan(group, by=others(group)[0].user, starts_at=timezone.now(), duration_minutes=120)
    assert not Meeting.objects.exists()


def test_it_refuses_to_edit_a_meeting_after_attendance_is_confirmed(trainer):
    group = make_group(trainer, members=2)
    meeting = make_past_meeting(group, case="Oude casus")
    _, attendance = attend(meeting, trainer, others(group)[0])
    services.attendance_confirm(attendance, by=trainer.user)
    with pytest.raises(Refused, match="bevestigd"):
        services.meeting_update(meeting, by=trainer.user, case="Nieuwe casus")
    meeting.refresh_from_db()
    assert meeting.case == "Oude casus"


def test_it_allows_edits_before_confirmation(trainer):
    group = make_group(trainer)
    meeting = make_past_meeting(group)
    services.meeting_update(meeting, by=trainer.user, duration_minutes=150)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 150


def test_it_refuses_a_meeting_of_five_minutes(trainer):
    group = make_group(trainer)
    with pytest.raises(Refused) as error:
        services.meeting_plan(group, by=trainer.user, starts_at=timezone.now(), duration_minutes=5)
    assert error.value.field == "duration_minutes"
    assert not Meeting.objects.exists()
