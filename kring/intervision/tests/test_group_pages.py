import datetime

from django.urls import reverse
from django.utils import timezone

from kring.intervision.models import Group, JoinRequest
from kring.intervision.tests.helpers import make_group, make_past_meeting, make_trainer


def test_a_trainer_offers_a_group_through_the_form(trainer, login):
    response = login(trainer).post(
        reverse("intervision:group_offer"),
        {
            "name": "Stilte in Gent",
            "coordinator_role": "facilitator",
            "mode": "live",
            "is_open": "on",
            "postcode": "9000",
            "country": "BE",
            "experience": "mixed",
            "capacity": "6",
            "meetings_per_year": "4",
        },
    )
    group = Group.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("intervision:group_detail", args=[group.pk])
    assert group.place and group.coordinator == trainer


def test_a_postcode_outside_nl_and_be_gets_a_clear_message(trainer, login):
    response = login(trainer).post(
        reverse("intervision:group_offer"),
        {
            "name": "X",
            "coordinator_role": "coordinator",
            "mode": "live",
            "postcode": "0000",
            "country": "NL",
            "experience": "mixed",
            "capacity": "6",
            "meetings_per_year": "4",
        },
    )
    assert response.status_code == 200
    assert (
        "We do not know this postcode" in response.content.decode()
        or "We kennen deze postcode niet" in response.content.decode()
    )
    assert not Group.objects.exists()


def test_a_non_member_sees_the_group_but_not_its_meetings(trainer, member, login):
    group = make_group(trainer)
    meeting = make_past_meeting(group)
    client = login(member)
    page = client.get(reverse("intervision:group_detail", args=[group.pk]))
    assert page.status_code == 200 and "meetings" not in page.context
    assert client.get(reverse("intervision:meeting_detail", args=[meeting.pk])).status_code == 404


def test_asking_to_join_a_full_group_says_so_and_changes_nothing(trainer, login):
    group = make_group(trainer, members=3, capacity=4)
    response = login(make_trainer()).post(
        reverse("intervision:join_request_create", args=[group.pk]), {"message": "Hoi"}, follow=True
    )
    assert not JoinRequest.objects.exists()
    assert len(list(response.context["messages"])) == 1


def test_the_coordinator_sees_a_pre_written_message(trainer, login):
    group = make_group(trainer)
    newcomer = make_trainer(first_name="Femke")
    login(newcomer).post(reverse("intervision:join_request_create", args=[group.pk]), {"message": "Hoi"})
    request = JoinRequest.objects.get()
    client = login(trainer)
    page = client.get(reverse("intervision:join_request_accept", args=[request.pk]))
    assert "Femke" in page.context["form"]["message"].value()
    client.post(reverse("intervision:join_request_accept", args=[request.pk]), {"message": "Welkom Femke!"})
    request.refresh_from_db()
    assert request.status == "accepted" and request.decided_message == "Welkom Femke!"


def test_a_coordinator_must_name_a_successor_on_the_leave_page(trainer, login):
    group = make_group(trainer, members=1)
    response = login(trainer).post(reverse("intervision:group_leave", args=[group.pk]), {"successor": ""})
    assert response.status_code == 200 and response.context["form"].errors
    assert group.current_members().filter(person=trainer).exists()


def test_planning_a_meeting_through_the_form_stores_utc(trainer, login):
    group = make_group(trainer)
    login(trainer).post(
        reverse("intervision:meeting_plan", args=[group.pk]),
        {
            "starts_at": "2026-03-10T19:30",
            "duration_minutes": "120",
            "mode": "live",
            "method": "incident",
            "mbi_tac_domain": "3",
        },
    )
    meeting = group.meetings.get()
    assert meeting.starts_at == datetime.datetime(2026, 3, 10, 18, 30, tzinfo=datetime.UTC)
    assert timezone.localtime(meeting.starts_at).hour == 19


def test_a_group_of_three_places_gets_a_plain_message(trainer, login):
    response = login(trainer).post(
        reverse("intervision:group_offer"),
        {
            "name": "Klein",
            "coordinator_role": "coordinator",
            "mode": "online",
            "experience": "mixed",
            "capacity": "3",
            "meetings_per_year": "4",
        },
    )
    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors
    assert "intervision_group" not in response.content.decode()
    assert not Group.objects.exists()
