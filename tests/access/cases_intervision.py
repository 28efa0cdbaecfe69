"""Intervision is for members. Group pages are open to every member; a group's meetings, attendance
and management only to its members and coordinator (others get 404)."""

from kring.intervision import feeds, services
from kring.intervision.models import GroupProposal, MemberFeed, ProposalMember, ProposalRun, SeekerAvoid
from kring.intervision.tests.helpers import attend, make_group, make_past_meeting, make_trainer
from tests.access.matrix import EVERYONE, MEMBERS, Case

COORDINATOR = frozenset({"trainer"})


def group(personas):
    return {"pk": make_group(personas["trainer"]).pk}


def meeting(personas):
    return {"pk": make_past_meeting(make_group(personas["trainer"])).pk}


def attended_meeting(personas):
    trainer = personas["trainer"]
    past = make_past_meeting(make_group(trainer))
    attend(past, trainer)
    return {"pk": past.pk}


def attendance_of_colleague(personas):
    trainer = personas["trainer"]
    past = make_past_meeting(make_group(trainer, members=1))
    colleague = past.group.current_members().exclude(person=trainer).get().person
    attend(past, trainer)
    (attendance,) = attend(past, colleague)
    return {"pk": attendance.pk}


def join_request(personas):
    return {"pk": services.join_request_create(make_group(personas["trainer"]), by=make_trainer().user).pk}


def group_token(personas):
    group = make_group(personas["trainer"])
    return {"token": feeds.group_feed_token(group.current_members().get(person=personas["trainer"]))}


def member_token(personas):
    return {"token": MemberFeed.objects.create(person=personas["trainer"]).token}


def proposal(personas):
    """A proposed new group with the trainer and three colleagues in it; nobody else may see it."""
    item = GroupProposal.objects.create(
        run=ProposalRun.objects.create(),
        mode="live",
        slot="weekday-evening",
        explanation={"mode": "live", "region": "Utrecht", "size": 4},
    )
    for position, person in enumerate([personas["trainer"], make_trainer(), make_trainer(), make_trainer()]):
        ProposalMember.objects.create(proposal=item, person=person, position=position)
    return {"pk": item.pk}


def avoid(personas):
    return {"pk": SeekerAvoid.objects.create(person=personas["trainer"], other=make_trainer()).pk}


CASES = [
    Case("intervision:home", MEMBERS),
    Case("intervision:group_list", MEMBERS),
    Case("intervision:group_list", MEMBERS, query="?distance=25&mode=live&kind=open&work_domain=education"),
    Case("intervision:group_offer", MEMBERS),
    Case("intervision:group_detail", MEMBERS, kwargs=group),
    Case("intervision:group_update", COORDINATOR, kwargs=group),
    Case("intervision:group_close", COORDINATOR, kwargs=group),
    Case("intervision:join_request_create", MEMBERS, kwargs=group, method="post", data={"message": "Hallo"}, ok=(302,)),
    Case("intervision:group_leave", COORDINATOR, kwargs=group),
    Case("intervision:join_request_list", COORDINATOR, kwargs=group),
    Case("intervision:group_seekers", COORDINATOR, kwargs=group),
    Case("intervision:meeting_plan", COORDINATOR, kwargs=group),
    Case("intervision:join_request_accept", COORDINATOR, kwargs=join_request),
    Case("intervision:join_request_decline", COORDINATOR, kwargs=join_request),
    Case("intervision:meeting_detail", COORDINATOR, kwargs=meeting),
    Case("intervision:meeting_update", COORDINATOR, kwargs=meeting),
    Case("intervision:attendance_register", COORDINATOR, kwargs=meeting, method="post", ok=(302,)),
    Case("intervision:attendance_confirm", COORDINATOR, kwargs=attendance_of_colleague, method="post", ok=(302,)),
    Case("intervision:record_edit", COORDINATOR, kwargs=meeting),
    Case("intervision:record_pdf", COORDINATOR, kwargs=attended_meeting),
    Case("intervision:record_list", MEMBERS),
    Case("intervision:record_year_pdf", MEMBERS, kwargs=lambda p: {"year": 2026}),
    Case("intervision:record_year_json", MEMBERS, kwargs=lambda p: {"year": 2026}),
    Case("intervision:seeker", MEMBERS),
    Case("intervision:seeker_withdraw", MEMBERS, method="post", ok=(302,)),
    Case("intervision:calendar", MEMBERS),
    Case("intervision:feed_regenerate", MEMBERS, method="post", ok=(302,)),
    Case("intervision:feed_revoke", MEMBERS, method="post", ok=(302,)),
    Case("intervision:group_feed", EVERYONE, kwargs=group_token),
    Case("intervision:member_feed", EVERYONE, kwargs=member_token),
    Case("intervision:proposal_list", MEMBERS),
    Case("intervision:proposal_detail", COORDINATOR, kwargs=proposal),
    Case("intervision:proposal_accept", COORDINATOR, kwargs=proposal, method="post", ok=(302,)),
    Case("intervision:proposal_decline", COORDINATOR, kwargs=proposal, method="post", ok=(302,)),
    Case("intervision:avoid_add", MEMBERS, method="post", data={"who": "nobody@example.org"}, ok=(302,)),
    Case("intervision:avoid_remove", COORDINATOR, kwargs=avoid, method="post", ok=(302,)),
    Case("intervision:proposals_office", frozenset({"office"})),
]
