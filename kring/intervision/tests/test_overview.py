from django.urls import reverse

from kring.intervision.tests.helpers import make_group, meeting_with_records
from tests.english import en


def test_the_overview_counts_confirmed_meetings_calmly(trainer, login):
    group, meeting, colleague = meeting_with_records(trainer)
    page = login(colleague).get(reverse("intervision:home"))
    assert page.context["progress"] == {"confirmed": 1, "asked": 4, "done": False, "percent": 25}
    html = page.content.decode()
    main = html.split("<main")[1]
    assert "<progress" in main and "error" not in main and "alert" not in main


def test_the_overview_lists_my_groups_with_their_size(trainer, login):
    make_group(trainer, members=2, name="Kring Utrecht")
    (group,) = login(trainer).get(reverse("intervision:home")).context["groups"]
    assert group.member_count == 3 and group.free_places == 3


def test_it_speaks_english_too(trainer, client):
    client.force_login(trainer.user)
    page = client.get(en("intervision:home"))
    assert page.status_code == 200
    assert "Find a group" in page.content.decode() and "Groep zoeken" not in page.content.decode()
