"""Retreats: bad input, finding them, and confirmed attendance arriving in the CPD log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kring.core.refusals import Refused
from kring.cpd.models import Activity
from kring.find import offers, retreats, services
from kring.find.models import Retreat
from kring.find.tests.helpers import make_retreat, make_trainer

pytestmark = pytest.mark.django_db
IN = datetime.timedelta


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"days": 0}, "days"),
        ({"days": 9}, "days"),
        ({"ends_on": "before"}, "ends_on"),
        ({"starts_on": "past"}, "starts_on"),
    ],
)
def test_bad_retreats_are_refused(overrides, field):
    today = timezone.localdate()
    if overrides.get("ends_on") == "before":
        overrides["ends_on"] = today + IN(30)
    if overrides.get("starts_on") == "past":
        overrides["starts_on"] = today - IN(3)
    with pytest.raises(Refused) as refused:
        make_retreat(make_trainer(), **overrides)
    assert refused.value.field == field and not Retreat.objects.exists()


def past_retreat(organiser):
    """A retreat that took place: announced ahead, its dates then moved into the past (as time would)."""
    retreat = make_retreat(organiser)
    Retreat.objects.filter(pk=retreat.pk).update(
        starts_on=timezone.localdate() - IN(6), ends_on=timezone.localdate() - IN(2)
    )
    retreat.refresh_from_db()
    return retreat


def test_attendance_arrives_in_the_cpd_log_once():
    organiser, one, two = make_trainer(), make_trainer(), make_trainer()
    retreat = past_retreat(organiser)
    numbers = [p.registrations.get().number for p in (one, two)]
    services.retreat_attendance_confirm(retreat, numbers=numbers, by=organiser.user)
    services.retreat_attendance_confirm(retreat, numbers=numbers[:1], by=organiser.user)
    activities = Activity.objects.filter(kind="retreat").order_by("person_id")
    assert [(a.person_id, a.days, a.source) for a in activities] == [
        (one.pk, 5, f"find.retreat:{retreat.pk}"),
        (two.pk, 5, f"find.retreat:{retreat.pk}"),
    ]
    assert activities[0].is_automatic and activities[0].date == retreat.ends_on


def test_attendance_with_an_unknown_number_records_nothing():
    organiser, one = make_trainer(), make_trainer()
    retreat = past_retreat(organiser)
    with pytest.raises(Refused, match="999999"):
        services.retreat_attendance_confirm(
            retreat, numbers=[one.registrations.get().number, "999999"], by=organiser.user
        )
    assert not Activity.objects.exists() and not retreat.attendances.exists()


def test_attendance_before_the_retreat_ends_is_refused():
    organiser = make_trainer()
    retreat = make_retreat(organiser)
    with pytest.raises(Refused, match="laatste dag"):
        services.retreat_attendance_confirm(retreat, numbers=[organiser.registrations.get().number], by=organiser.user)


def test_find_retreats_filters_and_sorts(client, django_assert_max_num_queries):
    today = timezone.localdate()
    ardennen = make_retreat(make_trainer(), starts_on=today + IN(60), ends_on=today + IN(64))
    utrecht = make_retreat(
        make_trainer(),
        title="Stilte in Utrecht",
        postcode="3512",
        country="NL",
        starts_on=today + IN(20),
        ends_on=today + IN(22),
        days=3,
    )
    online = make_retreat(make_trainer(), title="Online stilte", online=True, postcode="", language=ardennen.language)

    def found(query):
        with django_assert_max_num_queries(12):
            response = client.get(reverse("find:retreats") + query)
        return [card["offer"].pk for card in response.context["cards"]]

    assert found("") == [utrecht.pk, online.pk, ardennen.pk]
    assert found("?postcode=3512&country=NL&where=place") == [utrecht.pk]
    assert found("?where=online") == [online.pk]
    assert found("?within=1") == [utrecht.pk]
    assert found("?postcode=6600&country=BE&distance=30&sort=distance") == [ardennen.pk, online.pk]
    assert found("?language=en") == []
    assert retreats.find(offers.Criteria(), ardennen.starts_on).results == []


def test_retreat_page_and_attendance_page(client, login):
    organiser = make_trainer()
    retreat = make_retreat(organiser)
    page = client.get(reverse("find:retreat", kwargs={"pk": retreat.pk})).content.decode()
    assert "Hanna de Wit" in page and 'property="og:title"' in page
    login(organiser)
    response = client.post(reverse("find:retreat_attendance", kwargs={"pk": retreat.pk}), {"numbers": "004211"})
    assert response.status_code == 200 and response.context["form"].errors


def test_the_organiser_changes_a_retreat_on_its_page_with_the_same_checks(client):
    from kring.core.models import AuditEntry

    organiser = make_trainer()
    retreat = make_retreat(organiser)
    client.force_login(organiser.user)
    url = reverse("find:retreat_edit", args=[retreat.pk])
    form = client.get(url)
    assert form.status_code == 200 and "Stilteretraite in de Ardennen" in form.content.decode()
    data = {
        "title": "Stille dagen in de Ardennen",
        "starts_on": retreat.starts_on.isoformat(),
        "ends_on": retreat.ends_on.isoformat(),
        "days": "0",
        "teacher": retreat.teacher,
        "postcode": "6600",
        "country": "BE",
        "language": retreat.language_id,
        "text": retreat.text,
        "signup_url": retreat.signup_url,
    }
    refused = client.post(url, data)  # zero days: refused kindly, nothing changed
    assert refused.status_code == 200
    retreat.refresh_from_db()
    assert retreat.title == "Stilteretraite in de Ardennen"
    assert client.post(url, {**data, "days": "4"}).status_code == 302
    retreat.refresh_from_db()
    assert retreat.title == "Stille dagen in de Ardennen" and retreat.days == 4
    entry = AuditEntry.objects.get(action="kring.find.retreat.changed")
    assert entry.data["fields"] == ["days", "title"]


def test_a_retreat_that_started_cannot_be_changed():
    organiser = make_trainer()
    retreat = past_retreat(organiser)
    with pytest.raises(Refused):
        services.retreat_change(retreat, data={}, by=organiser.user)


def test_an_institute_announces_a_retreat_its_staff_manage_and_the_public_finds(client, institute):
    from kring.find.tests.helpers import retreat_data

    own = institute.user.institute_grants.get().institute
    client.force_login(institute.user)
    url = reverse("find:institute_retreat_add", args=[own.pk])
    data = {
        **{k: v for k, v in retreat_data().items() if k not in ("language", "starts_on", "ends_on")},
        "starts_on": (timezone.localdate() + IN(40)).isoformat(),
        "ends_on": (timezone.localdate() + IN(44)).isoformat(),
        "language": retreat_data()["language"].pk,
        "title": "Stilteretraite van het instituut",
    }
    assert client.post(url, data).status_code == 302
    retreat = Retreat.objects.get(title="Stilteretraite van het instituut")
    assert retreat.institute == own and retreat.registration is None
    page = client.get(reverse("find:retreat", args=[retreat.pk])).content.decode()
    assert own.name in page  # the institute is the organiser
    found = retreats.find(offers.Criteria(origin=None), timezone.localdate())
    assert retreat in [item.offer for item in found.results]
    assert "Stilteretraite van het instituut" in client.get(reverse("find:my_offers")).content.decode()


def test_an_institutes_retreat_sends_its_attendance_to_the_cpd_log(institute):
    from kring.find.tests.helpers import retreat_data

    own = institute.user.institute_grants.get().institute
    retreat = services.retreat_announce(institute=own, data=retreat_data(), by=institute.user)
    Retreat.objects.filter(pk=retreat.pk).update(
        starts_on=timezone.localdate() - IN(6), ends_on=timezone.localdate() - IN(2)
    )
    retreat.refresh_from_db()
    trainee = make_trainer()
    services.retreat_attendance_confirm(retreat, numbers=[trainee.registrations.get().number], by=institute.user)
    assert Activity.objects.get(person=trainee, kind="retreat").days == 5
