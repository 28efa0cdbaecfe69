"""Every intervision action of a group entered in Kring today, done through the pages as its
coordinator, as its facilitator and as a member who joined through a request.

A group entered today has memberships that start today; the meetings it held before count for the
people who started it (they are in the group from its first day in Kring)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kring.cpd.models import Activity
from kring.intervision.models import Attendance, Group, IntervisionRecord, JoinRequest, Meeting
from kring.intervision.tests.helpers import make_trainer

GROUP = {
    "name": "Stilte in Utrecht",
    "mode": "live",
    "is_open": "on",
    "postcode": "3512",
    "country": "NL",
    "experience": "mixed",
    "capacity": "6",
    "meetings_per_year": "4",
}


def _meeting_data(starts_at: datetime.datetime) -> dict:
    return {
        "starts_at": timezone.localtime(starts_at).strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "120",
        "mode": "live",
        "location": "Oudegracht 1",
        "method": "inquiry",
    }


def _ok(response):
    assert response.status_code in (200, 302), response.status_code
    return response


@pytest.fixture(params=["coordinator", "facilitator"])
def new_group(request, trainer, client):
    """A group ``trainer`` entered through the form today, a member who asked and was accepted, and a
    meeting held last week, planned afterwards."""
    client.force_login(trainer.user)
    _ok(client.post(reverse("intervision:group_offer"), {**GROUP, "coordinator_role": request.param}))
    group = Group.objects.get()
    member = make_trainer()
    client.force_login(member.user)
    _ok(client.post(reverse("intervision:join_request_create", args=[group.pk]), {"message": "Graag!"}))
    join_request = JoinRequest.objects.get()
    client.force_login(trainer.user)
    _ok(client.post(reverse("intervision:join_request_accept", args=[join_request.pk]), {"message": "Welkom"}))
    last_week = timezone.now() - datetime.timedelta(days=7)
    _ok(client.post(reverse("intervision:meeting_plan", args=[group.pk]), _meeting_data(last_week)))
    return group, member, Meeting.objects.get()


def test_the_coordinator_of_a_new_group_notes_and_confirms_a_past_meeting(new_group, trainer, client):
    group, member, meeting = new_group
    client.force_login(trainer.user)
    page = client.get(reverse("intervision:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Ik was erbij" in page
    response = client.post(reverse("intervision:attendance_register", args=[meeting.pk]), follow=True)
    assert "Aanwezigheid genoteerd" in response.content.decode()
    assert Attendance.objects.filter(meeting=meeting, person=trainer).exists()
    # The coordinator (or facilitator) notes the member, whose membership started today, and confirms.
    client.post(reverse("intervision:attendance_register", args=[meeting.pk]), {"person": member.pk})
    attendance = Attendance.objects.get(meeting=meeting, person=member)
    client.post(reverse("intervision:attendance_confirm", args=[attendance.pk]))
    assert Activity.objects.filter(person=member, kind="intervision").exists()
    # Coordinator-only pages open for the coordinator.
    for name in ("group_update", "join_request_list", "group_seekers", "group_close", "meeting_plan"):
        _ok(client.get(reverse(f"intervision:{name}", args=[group.pk])))
    _ok(client.get(reverse("intervision:meeting_update", args=[meeting.pk])))
    _ok(client.post(reverse("intervision:record_edit", args=[meeting.pk]), {"topics": "Stilte"}))
    assert IntervisionRecord.objects.filter(meeting=meeting, person=trainer).exists()
    assert client.get(reverse("intervision:record_pdf", args=[meeting.pk]))["Content-Type"] == "application/pdf"


def test_a_member_who_joined_after_the_meeting_is_not_noted_for_it(new_group, trainer, client):
    group, member, meeting = new_group
    # The group was entered a month ago; the member joined today, after last week's meeting.
    month_ago = timezone.now() - datetime.timedelta(days=30)
    Group.objects.filter(pk=group.pk).update(created_at=month_ago)
    group.members.filter(person=trainer).update(joined_on=month_ago.date())
    client.force_login(member.user)
    response = client.post(reverse("intervision:attendance_register", args=[meeting.pk]), follow=True)
    assert "Alleen leden van de groep" in response.content.decode()
    assert not Attendance.objects.filter(person=member).exists()


def test_a_member_does_the_members_actions_and_not_the_coordinators(new_group, trainer, client):
    group, member, _ = new_group
    client.force_login(trainer.user)
    starts = timezone.now() - datetime.timedelta(hours=3)
    client.post(reverse("intervision:meeting_plan", args=[group.pk]), _meeting_data(starts))
    today = Meeting.objects.latest("starts_at")
    client.force_login(member.user)
    _ok(client.get(reverse("intervision:group_detail", args=[group.pk])))
    _ok(client.post(reverse("intervision:attendance_register", args=[today.pk])))
    assert Attendance.objects.filter(meeting=today, person=member).exists()
    _ok(client.post(reverse("intervision:record_edit", args=[today.pk]), {"topics": "Tempo"}))
    for name in ("group_update", "join_request_list", "group_seekers", "group_close", "meeting_plan"):
        assert client.get(reverse(f"intervision:{name}", args=[group.pk])).status_code == 404, name
    assert client.get(reverse("intervision:meeting_update", args=[today.pk])).status_code == 404
    # Noting someone else, and confirming oneself, are refused kindly and change nothing.
    client.post(reverse("intervision:attendance_register", args=[today.pk]), {"person": trainer.pk})
    assert not Attendance.objects.filter(meeting=today, person=trainer).exists()
    own = Attendance.objects.get(meeting=today, person=member)
    client.post(reverse("intervision:attendance_confirm", args=[own.pk]))
    own.refresh_from_db()
    assert not own.is_confirmed
    _ok(client.post(reverse("intervision:group_leave", args=[group.pk])))
    assert not group.current_members().filter(person=member).exists()
