"""Answering a group proposal: four yeses start a group, a no takes you out, late yeses join."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from kring.core.refusals import Refused
from kring.intervision import proposals
from kring.intervision.models import Group, GroupMember, GroupProposal, JoinRequest, ProposalMember, Seeker
from kring.intervision.tests.helpers import make_group, make_seekers, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    """Pages and messages in Dutch, whatever an earlier test left active."""
    with translation.override("nl"):
        yield


def proposed(count=5, **wishes):
    people = make_seekers(count, **wishes)
    run = proposals.proposals_run(seed=1)
    (proposal,) = run.proposals.all()
    ordered = [a.person for a in proposal.answers.select_related("person")]
    assert {p.pk for p in ordered} == {p.pk for p in people}
    return proposal, ordered


def say(person, proposal, accept=True):
    return proposals.proposal_answer(proposal, by=person.user, accept=accept)


def test_a_seeker_sees_the_proposal_explained_in_their_language(login):
    proposal, people = proposed()
    client = login(people[0])
    page = client.get(reverse("intervision:proposal_detail", args=[proposal.pk])).content.decode()
    assert "Zelfde regio: Utrecht" in page and "doordeweekse avond" in page.lower()
    with translation.override("en"):
        english = client.get(reverse("intervision:proposal_detail", args=[proposal.pk])).content.decode()
    assert "Same region: Utrecht" in english
    assert people[4].full_name in page


def test_four_yeses_start_the_group_with_the_first_as_coordinator(login, django_capture_on_commit_callbacks):
    proposal, people = proposed()
    client = login(people[2])
    client.post(reverse("intervision:proposal_accept", args=[proposal.pk]))
    for person in (people[0], people[1]):
        say(person, proposal)
    assert not Group.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(people[3]).post(reverse("intervision:proposal_accept", args=[proposal.pk]), follow=True)
    group = Group.objects.get()
    assert group.coordinator == people[2]
    assert {m.person_id for m in group.current_members()} == {p.pk for p in people[:4]}
    assert response.context["group"] == group
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[:4])
    assert not Seeker.objects.filter(person__in=people[:4], withdrawn_at__isnull=True).exists()
    proposal.refresh_from_db()
    assert proposal.status == "started" and proposal.started_group == group


def test_declining_takes_you_out_of_the_proposal(login):
    proposal, people = proposed()
    login(people[1]).post(reverse("intervision:proposal_decline", args=[proposal.pk]))
    page = login(people[0]).get(reverse("intervision:proposal_detail", args=[proposal.pk])).content.decode()
    assert people[1].full_name not in page
    assert ProposalMember.objects.get(proposal=proposal, person=people[1]).answer == "declined"
    proposal.refresh_from_db()
    assert proposal.status == "proposed"
    say(people[2], proposal, accept=False)
    proposal.refresh_from_db()
    assert proposal.status == "lapsed"


def test_a_fifth_yes_after_the_start_joins_while_there_is_room():
    proposal, people = proposed(6)
    for person in people[:4]:
        say(person, proposal)
    group = Group.objects.get()
    say(people[4], proposal)
    assert group.current_members().filter(person=people[4]).exists()
    Group.objects.filter(pk=group.pk).update(capacity=5)
    with pytest.raises(Refused, match="vol"):
        say(people[5], proposal)
    assert group.current_members().count() == 5
    assert ProposalMember.objects.get(proposal=proposal, person=people[5]).answer == ""


def test_someone_outside_the_proposal_gets_not_found(login):
    proposal, people = proposed()
    outsider = make_trainer()
    client = login(outsider)
    assert client.get(reverse("intervision:proposal_detail", args=[proposal.pk])).status_code == 404
    assert client.post(reverse("intervision:proposal_accept", args=[proposal.pk])).status_code == 404
    assert not ProposalMember.objects.filter(person=outsider).exists()


def test_answering_twice_says_so_and_changes_nothing(login):
    proposal, people = proposed()
    client = login(people[0])
    client.post(reverse("intervision:proposal_accept", args=[proposal.pk]))
    response = client.post(reverse("intervision:proposal_decline", args=[proposal.pk]), follow=True)
    assert "Je hebt al geantwoord op dit voorstel." in response.content.decode()
    assert ProposalMember.objects.get(proposal=proposal, person=people[0]).answer == "accepted"


def test_a_lapsed_proposal_cannot_be_answered(login):
    proposal, people = proposed()
    GroupProposal.objects.filter(pk=proposal.pk).update(status="lapsed")
    response = login(people[0]).post(reverse("intervision:proposal_accept", args=[proposal.pk]), follow=True)
    assert "vervallen" in response.content.decode()
    assert ProposalMember.objects.get(proposal=proposal, person=people[0]).answer == ""
    assert not Group.objects.exists()


def test_a_suggested_place_in_a_group_becomes_a_request_to_the_coordinator(django_capture_on_commit_callbacks):
    group = make_group(make_trainer(), members=2, moment="weekday-evening")
    (person,) = make_seekers(1)
    (suggestion,) = proposals.proposals_run(seed=0).proposals.all()
    with django_capture_on_commit_callbacks(execute=True):
        say(person, suggestion)
    request = JoinRequest.objects.get(group=group, person=person)
    assert request.status == "pending" and not GroupMember.objects.filter(person=person).exists()
    assert [m.to for m in mail.outbox] == [[group.coordinator.email]]


def test_my_proposals_page_has_a_constant_number_of_queries(login, django_assert_max_num_queries):
    proposal, people = proposed()
    client = login(people[0])
    client.get(reverse("intervision:proposal_list"))
    with django_assert_max_num_queries(14):
        client.get(reverse("intervision:proposal_list"))
    GroupProposal.objects.update(status="lapsed")
    for _round in range(2):
        proposals.proposals_run(seed=_round)
        GroupProposal.objects.update(status="lapsed")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("intervision:proposal_list"))
    assert len(response.context["proposals"]) == 3 and proposal in response.context["proposals"]


def test_the_overview_mentions_a_proposal_until_it_is_answered(login):
    proposal, people = proposed()
    client = login(people[0])
    assert "Er wacht een groepsvoorstel op je antwoord." in client.get(reverse("intervision:home")).content.decode()
    say(people[1], proposal)
    assert "Er wacht een groepsvoorstel" in client.get(reverse("intervision:seeker")).content.decode()
    say(people[0], proposal, accept=False)
    assert "Er wacht een groepsvoorstel" not in client.get(reverse("intervision:home")).content.decode()
