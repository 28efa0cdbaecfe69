import pytest

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.intervision import services
from kring.intervision.models import Group
from kring.intervision.tests.helpers import make_group


def test_it_offers_a_live_group_with_coordinates_and_the_coordinator_as_member(trainer):
    group = make_group(trainer, postcode="3000", country="BE", name="Leuven")
    assert group.place and group.latitude and group.longitude
    assert list(group.current_members().values_list("person", flat=True)) == [trainer.pk]
    assert group.free_places == 5
    assert AuditEntry.objects.filter(action="kring.intervision.group.offered").exists()


@pytest.mark.parametrize("postcode,country", [("9999", "NL"), ("75001", "NL"), ("1000", "DE"), ("abc", "BE")])
def test_it_refuses_postcodes_outside_nl_and_be(trainer, postcode, country):
    with pytest.raises(Refused) as error:
        services.group_offer(by=trainer.user, name="X", mode="live", postcode=postcode, country=country, capacity=6)
    assert error.value.field == "postcode"
    assert "Nederland" in str(error.value)
    assert not Group.objects.exists()


def test_it_lets_an_online_group_go_without_postcode(trainer):
    group = services.group_offer(by=trainer.user, name="Online", mode="online", capacity=4)
    assert group.latitude is None


@pytest.mark.parametrize("capacity", [3, 9])
def test_it_keeps_capacity_between_four_and_eight(trainer, capacity):
    with pytest.raises(Refused):
        make_group(trainer, capacity=capacity)
    assert not Group.objects.exists()


def test_it_will_not_shrink_a_group_below_its_members(trainer):
    group = make_group(trainer, members=4)
    with pytest.raises(Refused) as error:
        services.group_update(group, by=trainer.user, capacity=4)
    assert "5 leden" in str(error.value)
    group.refresh_from_db()
    assert group.capacity == 6


def test_only_the_coordinator_updates_or_closes(trainer, member):
    group = make_group(trainer)
    with pytest.raises(Refused):
        services.group_update(group, by=member.user, name="Overgenomen")
    with pytest.raises(Refused):
        services.group_close(group, by=member.user)
    group.refresh_from_db()
    assert group.name == "Kring Utrecht" and not group.is_closed


def test_closing_ends_memberships(trainer):
    group = make_group(trainer, members=2)
    services.group_close(group, by=trainer.user)
    group.refresh_from_db()
    assert group.is_closed and group.current_members().count() == 0
