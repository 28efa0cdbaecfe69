import pytest
from django.urls import reverse

from kring.core.refusals import Refused
from kring.intervision import services
from kring.intervision.models import Seeker
from kring.intervision.tests.helpers import make_group, make_trainer
from kring.members.models import WorkDomain


def test_a_seeker_sees_groups_that_suit_their_wishes(trainer, login):
    education = WorkDomain.objects.get(code="education")
    make_group(make_trainer(), name="Onderwijs Utrecht", work_domain=education, postcode="3511")
    make_group(make_trainer(), name="Onderwijs Groningen", work_domain=education, postcode="9711")
    make_group(make_trainer(), name="Zorg Utrecht", work_domain=WorkDomain.objects.get(code="healthcare"))
    client = login(trainer)
    response = client.post(
        reverse("intervision:seeker"),
        {
            "mode": "live",
            "postcode": "3512",
            "country": "NL",
            "max_distance_km": "30",
            "work_domain": education.pk,
            "experience_level": "starting",
            "moments": ["weekday-evening"],
        },
        follow=True,
    )
    assert [g.name for g in response.context["groups"]] == ["Onderwijs Utrecht"]
    assert Seeker.objects.get(person=trainer).moments == ["weekday-evening"]


def test_coordinators_only_see_seekers_who_agreed(trainer, login):
    group = make_group(trainer, mode="both")
    shy, open_ = make_trainer(first_name="Stil"), make_trainer(first_name="Open")
    services.seeker_register(by=shy.user, mode="online")
    services.seeker_register(by=open_.user, mode="online", visible_to_coordinators=True)
    response = login(trainer).get(reverse("intervision:group_seekers", args=[group.pk]))
    assert [s.person for s in response.context["seekers"]] == [open_]


def test_it_refuses_a_foreign_postcode_for_a_live_search(trainer):
    with pytest.raises(Refused) as error:
        services.seeker_register(by=trainer.user, mode="live", postcode="10115", country="NL")
    assert error.value.field == "postcode"
    assert not Seeker.objects.exists()


def test_registering_again_updates_the_search_and_withdrawing_ends_it(trainer):
    first = services.seeker_register(by=trainer.user, mode="online")
    second = services.seeker_register(by=trainer.user, mode="both", postcode="3000", country="BE")
    assert first.pk == second.pk and second.latitude
    services.seeker_withdraw(second, by=trainer.user)
    with pytest.raises(Refused):
        services.seeker_withdraw(second, by=trainer.user)
    assert not Seeker.objects.filter(withdrawn_at__isnull=True).exists()
