from django.urls import reverse

from kring.intervision.tests.helpers import make_group, make_trainer
from kring.members.models import WorkDomain


def test_it_finds_groups_near_my_practice_nearest_first(trainer, login):
    make_group(make_trainer(), name="Maastricht", postcode="6211")
    make_group(make_trainer(), name="Amersfoort", postcode="3811")
    make_group(make_trainer(), name="Utrecht", postcode="3512")
    response = login(trainer).get(reverse("intervision:group_list") + "?distance=25")
    names = [g.name for g in response.context["groups"]]
    assert names == ["Utrecht", "Amersfoort"]
    assert "km" in response.content.decode()


def test_online_groups_are_near_everyone(trainer, login):
    make_group(make_trainer(), name="Online", mode="online", postcode="")
    response = login(trainer).get(reverse("intervision:group_list") + "?distance=10&mode=online")
    assert [g.name for g in response.context["groups"]] == ["Online"]


def test_it_filters_by_domain_target_group_and_kind(trainer, login):
    education = WorkDomain.objects.get(code="education")
    make_group(make_trainer(), name="Onderwijs", work_domain=education, is_open=False)
    make_group(make_trainer(), name="Algemeen")
    client = login(trainer)
    assert [
        g.name for g in client.get(reverse("intervision:group_list") + "?work_domain=education").context["groups"]
    ] == ["Onderwijs"]
    assert [g.name for g in client.get(reverse("intervision:group_list") + "?kind=open").context["groups"]] == [
        "Algemeen"
    ]


def test_full_groups_are_hidden_unless_asked(trainer, login):
    make_group(make_trainer(), name="Vol", members=3, capacity=4)
    client = login(trainer)
    assert client.get(reverse("intervision:group_list")).context["groups"] == []
    groups = client.get(reverse("intervision:group_list") + "?all=on").context["groups"]
    assert [(g.name, g.free_places) for g in groups] == [("Vol", 0)]


def test_the_list_needs_the_same_queries_for_many_groups(trainer, login, django_assert_max_num_queries):
    client = login(trainer)
    for _ in range(2):
        make_group(make_trainer(), members=1)
    client.get(reverse("intervision:group_list"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("intervision:group_list") + "?distance=50")
    for _ in range(8):
        make_group(make_trainer(), members=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("intervision:group_list") + "?distance=50")
    assert len(response.context["groups"]) == 10
