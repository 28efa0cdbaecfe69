"""Running the group former over the people in the database, and the office's page for it."""

import datetime

import pytest
from django.core import mail, management
from django.urls import reverse
from django.utils import timezone

from kring.core.models import AuditEntry
from kring.intervision import proposals, services
from kring.intervision.models import GroupProposal, ProposalRun, SeekerAvoid
from kring.intervision.tests.helpers import make_group, make_seekers, make_trainer
from kring.members.models import Membership, WorkDomain

pytestmark = pytest.mark.django_db


def members_of(proposal):
    return {a.person_id for a in proposal.answers.all()}


def test_it_proposes_a_new_group_for_people_looking_nearby():
    people = make_seekers(5, work_domain=WorkDomain.objects.get(code="healthcare"))
    run = proposals.proposals_run(seed=1)
    (proposal,) = GroupProposal.objects.filter(run=run)
    assert members_of(proposal) == {p.pk for p in people}
    assert run.seekers_count == 5 and run.proposals_count == 1 and run.unplaced == []
    assert proposal.explanation["region"] == "Utrecht"
    assert AuditEntry.objects.filter(action="kring.intervision.proposals.run").count() == 1
    assert not mail.outbox


def test_it_never_puts_two_people_who_must_not_meet_in_one_proposal():
    people = make_seekers(9)
    SeekerAvoid.objects.create(person=people[0], other=people[1])
    SeekerAvoid.objects.create(person=people[5], other=people[2])
    run = proposals.proposals_run(seed=3)
    placed = set()
    for proposal in run.proposals.all():
        members = members_of(proposal)
        assert not {people[0].pk, people[1].pk} <= members
        assert not {people[2].pk, people[5].pk} <= members
        placed |= members
    assert len(placed) + len(run.unplaced) == 9


def test_it_suggests_free_places_in_existing_groups_first():
    group = make_group(make_trainer(), members=2, mode="live", moment="weekday-evening", capacity=6)
    people = make_seekers(2)
    run = proposals.proposals_run(seed=0)
    suggested = run.proposals.filter(group=group)
    assert {p.answers.get().person_id for p in suggested} == {p.pk for p in people}
    assert run.placements_count == 2 and run.open_groups_count == 1


def test_people_in_an_open_proposal_are_left_out_of_the_next_run():
    make_seekers(5)
    proposals.proposals_run(seed=1)
    second = proposals.proposals_run(seed=2)
    assert second.seekers_count == 0 and not second.proposals.exists()


def test_last_years_colleagues_come_from_group_history():
    group = make_group(make_trainer(), members=2)
    a, b = [m.person for m in group.current_members()][:2]
    stranger = make_trainer()
    colleagues = proposals.colleagues_last_year([a.pk, stranger.pk])
    assert b.pk in colleagues[a.pk] and colleagues[stranger.pk] == set()


def test_the_office_runs_the_former_and_sees_whom_it_proposed(office, login):
    people = make_seekers(5)
    client = login(office)
    response = client.post(reverse("intervision:proposals_office"), follow=True)
    assert response.status_code == 200
    run = ProposalRun.objects.get()
    assert run.by == office.user and run.proposals_count == 1
    page = response.content.decode()
    assert all(person.full_name in page for person in people)  # the people, not only a count
    assert "Utrecht" in page  # and why they belong together


def test_the_office_page_reads_a_constant_number_of_queries(office, login, django_assert_max_num_queries):
    client = login(office)
    make_seekers(5)
    proposals.proposals_run(seed=1)
    with django_assert_max_num_queries(18) as small:
        client.get(reverse("intervision:proposals_office"))
    make_seekers(30)
    proposals.proposals_run(seed=2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("intervision:proposals_office"))


def test_the_office_page_is_for_the_office_only(trainer, login):
    make_seekers(5)
    response = login(trainer).post(reverse("intervision:proposals_office"))
    assert response.status_code in (403, 404)
    assert not ProposalRun.objects.exists()


def test_the_daily_command_queues_a_run():
    make_seekers(4)
    management.call_command("intervision_propose", "--seed", "7")
    run = ProposalRun.objects.get()
    assert run.seed == 7 and run.by is None and run.proposals_count == 1
    assert AuditEntry.objects.get(action="kring.intervision.proposals.run").source


def test_a_proposal_left_unfinished_for_a_month_lapses_and_its_people_are_considered_again():
    make_seekers(5)
    first = proposals.proposals_run(seed=1)
    GroupProposal.objects.filter(run=first).update(created_at=timezone.now() - datetime.timedelta(days=31))
    second = proposals.proposals_run(seed=2)
    assert first.proposals.get().status == "lapsed"
    assert second.seekers_count == 5 and second.proposals_count == 1


def test_people_waiting_for_an_answer_to_a_join_request_are_left_out():
    group = make_group(make_trainer(), members=3)
    people = make_seekers(5)
    services.join_request_create(group, by=people[0].user)
    run = proposals.proposals_run(seed=1)
    assert run.seekers_count == 4


def test_someone_whose_membership_ended_is_left_out():
    people = make_seekers(5)
    Membership.objects.filter(person=people[0]).update(status="ended")
    run = proposals.proposals_run(seed=1)
    assert run.seekers_count == 4
    assert not run.proposals.filter(answers__person=people[0]).exists()
