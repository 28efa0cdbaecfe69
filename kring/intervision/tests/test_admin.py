import pytest
from django.urls import reverse

from kring.intervision.tests.helpers import attend, make_group, make_past_meeting


@pytest.mark.parametrize("name", ["group", "meeting", "joinrequest", "seeker", "groupproposal", "proposalrun"])
def test_the_office_sees_intervision_in_the_admin(office, trainer, login, name):
    meeting = make_past_meeting(make_group(trainer))
    attend(meeting, trainer)
    client = login(office)
    assert client.get(reverse(f"admin:intervision_{name}_changelist")).status_code == 200
    if name in ("group", "meeting"):
        obj = meeting if name == "meeting" else meeting.group
        assert client.get(reverse(f"admin:intervision_{name}_change", args=[obj.pk])).status_code == 200


def test_private_records_are_not_in_the_admin():
    from django.contrib import admin

    from kring.intervision.models import IntervisionRecord

    assert not admin.site.is_registered(IntervisionRecord)


def test_the_board_does_not_get_in(board, login):
    assert login(board).get(reverse("admin:intervision_group_changelist")).status_code in (302, 403)
