import pytest

from kring.core.refusals import Refused
from kring.intervision import services
from kring.intervision.models import GroupMember, JoinRequest, Seeker
from kring.intervision.tests.helpers import make_group, make_trainer


def test_it_lets_a_trainer_ask_and_the_coordinator_accept(trainer, django_capture_on_commit_callbacks, mailoutbox):
    group = make_group(trainer)
    newcomer = make_trainer()
    with django_capture_on_commit_callbacks(execute=True):
        request = services.join_request_create(group, by=newcomer.user, message="Graag!")
    assert trainer.email in mailoutbox[-1].to
    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_accept(request, by=trainer.user, message=services.accept_message(request))
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.ACCEPTED
    assert group.current_members().filter(person=newcomer).exists()
    assert newcomer.email in mailoutbox[-1].to
    assert newcomer.first_name in mailoutbox[-1].body and "/intervisie/" in mailoutbox[-1].body


def test_accepting_ends_the_search_for_a_group(trainer):
    group = make_group(trainer)
    newcomer = make_trainer()
    services.seeker_register(by=newcomer.user, mode="online")
    request = services.join_request_create(group, by=newcomer.user)
    services.join_request_accept(request, by=trainer.user, message="Welkom")
    assert not Seeker.objects.filter(person=newcomer, withdrawn_at__isnull=True).exists()


def test_it_refuses_to_join_a_full_group(trainer):
    group = make_group(trainer, members=3, capacity=4)
    with pytest.raises(Refused, match="vol"):
        services.join_request_create(group, by=make_trainer().user)
    assert not JoinRequest.objects.exists()


def test_it_refuses_to_accept_into_a_group_that_filled_up_meanwhile(trainer):
    group = make_group(trainer, members=2, capacity=4)
    first, second = make_trainer(), make_trainer()
    r1 = services.join_request_create(group, by=first.user)
    r2 = services.join_request_create(group, by=second.user)
    services.join_request_accept(r1, by=trainer.user, message="Welkom")
    with pytest.raises(Refused, match="vol"):
        services.join_request_accept(r2, by=trainer.user, message="Welkom")
    r2.refresh_from_db()
    assert r2.status == JoinRequest.Status.PENDING
    assert group.current_members().count() == 4


def test_it_refuses_to_join_a_closed_group(trainer):
    group = make_group(trainer)
    services.group_close(group, by=trainer.user)
    with pytest.raises(Refused, match="gesloten"):
        services.join_request_create(group, by=make_trainer().user)
    assert not JoinRequest.objects.exists()


def test_it_refuses_a_double_request(trainer):
    group = make_group(trainer)
    newcomer = make_trainer()
    services.join_request_create(group, by=newcomer.user)
    with pytest.raises(Refused, match="al aangemeld"):
        services.join_request_create(group, by=newcomer.user)
    assert JoinRequest.objects.count() == 1


def test_it_refuses_a_request_from_a_member(trainer):
    group = make_group(trainer)
    with pytest.raises(Refused, match="al lid"):
        services.join_request_create(group, by=trainer.user)


def test_the_coordinator_declines_with_a_kind_message(trainer):
    group = make_group(trainer)
    newcomer = make_trainer(first_name="Sanne")
    request = services.join_request_create(group, by=newcomer.user)
    text = services.decline_message(request)
    assert "Sanne" in text
    services.join_request_decline(request, by=trainer.user, message=text)
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.DECLINED and request.decided_message == text
    with pytest.raises(Refused, match="al beantwoord"):
        services.join_request_accept(request, by=trainer.user, message="")
    assert not group.current_members().filter(person=newcomer).exists()


def test_only_the_coordinator_answers(trainer):
    group = make_group(trainer, members=1)
    request = services.join_request_create(group, by=make_trainer().user)
    intruder = GroupMember.objects.exclude(person=trainer).get(group=group).person
    with pytest.raises(Refused):
        services.join_request_accept(request, by=intruder.user, message="")
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.PENDING
