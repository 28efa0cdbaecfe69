import pytest

from kring.core.refusals import Refused
from kring.intervision import services
from kring.intervision.tests.helpers import make_group, others


def test_a_member_leaves(trainer):
    group = make_group(trainer, members=2)
    leaver = others(group)[0]
    services.group_leave(group, by=leaver.user)
    assert not group.current_members().filter(person=leaver).exists()
    assert group.members.filter(person=leaver, left_on__isnull=False).exists()  # history is kept


def test_a_coordinator_cannot_leave_without_a_successor(trainer):
    group = make_group(trainer, members=2)
    with pytest.raises(Refused) as error:
        services.group_leave(group, by=trainer.user)
    assert error.value.field == "successor"
    group.refresh_from_db()
    assert group.coordinator == trainer and group.current_members().filter(person=trainer).exists()


def test_a_coordinator_hands_over_and_leaves(trainer):
    group = make_group(trainer, members=2)
    successor = others(group)[0]
    services.group_leave(group, by=trainer.user, successor=successor)
    group.refresh_from_db()
    assert group.coordinator == successor
    assert not group.current_members().filter(person=trainer).exists()


def test_the_successor_must_be_a_member(trainer, member):
    group = make_group(trainer, members=1)
    with pytest.raises(Refused):
        services.group_leave(group, by=trainer.user, successor=member)
    group.refresh_from_db()
    assert group.coordinator == trainer
