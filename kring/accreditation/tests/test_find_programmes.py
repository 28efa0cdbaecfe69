"""Finding accredited programmes: each filter of the public list, only what is accredited today,
soonest start first, kind words for bad input, a constant number of queries; and the institute
that changes its programme's next start date, language and place."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.accreditation.models import Programme
from kring.core import geo
from kring.core.models import AuditEntry
from kring.members.models import SpokenLanguage
from tests import factories as t

IN = datetime.timedelta


def placed(institute, name, postcode="", country="NL", *, start=None, language="nl", online=False, status="active"):
    """A programme at a postcode (or online), accredited from a year ago for three more years."""
    today = timezone.localdate()
    where = geo.lookup(postcode, country) if postcode else None
    programme = t.make_programme(
        institute,
        name,
        online=online,
        place=where.name if where else "",
        postcode=where.postcode if where else "",
        country=country if where else "",
        latitude=where.latitude if where else None,
        longitude=where.longitude if where else None,
        next_start=today + IN(start) if start is not None else None,
        language=SpokenLanguage.objects.get(code=language),
    )
    t.accredit(programme, today - IN(365), today + IN(1000), status)
    return programme


@pytest.fixture
def spread(the_institute):
    return {
        "gent": placed(the_institute, "Gent", "9000", "BE", start=60),
        "antwerpen_en": placed(the_institute, "Antwerpen", "2000", "BE", start=20, language="en"),
        "utrecht": placed(the_institute, "Utrecht", "3512", start=10),
        "online": placed(the_institute, "Online", online=True, start=40),
        "unknown_start": placed(the_institute, "Ooit", "3512"),
    }


def found(client, query=""):
    response = client.get(reverse("accreditation:public_list") + query)
    assert response.status_code == 200
    return [card["programme"].pk for card in response.context["cards"]]


def pks(spread, *keys):
    return [spread[k].pk for k in keys]


def test_without_filters_every_accredited_programme_soonest_start_first(client, spread):
    assert found(client) == pks(spread, "utrecht", "antwerpen_en", "online", "gent", "unknown_start")


def test_near_a_postcode_with_the_online_ones(client, spread):
    assert found(client, "?postcode=9000&country=BE&distance=60") == pks(spread, "antwerpen_en", "online", "gent")
    html = client.get(reverse("accreditation:public_list") + "?postcode=9000&country=BE").content.decode()
    assert "km afstand" in html or "km away" in html


def test_only_at_a_place_or_only_online(client, spread):
    assert found(client, "?postcode=9000&country=BE&distance=60&where=place") == pks(spread, "antwerpen_en", "gent")
    assert found(client, "?where=online") == pks(spread, "online")


def test_language(client, spread):
    assert found(client, "?language=en") == pks(spread, "antwerpen_en")


def test_the_list_shows_next_start_and_language(client, spread):
    html = client.get(reverse("accreditation:public_list")).content.decode()
    start = spread["utrecht"].next_start
    assert f"{start.day} " in html and "Engels" in html and "Vraag het instituut" in html


def test_an_ended_or_suspended_accreditation_is_not_listed(client, spread, the_institute):
    today = timezone.localdate()
    ended = t.make_programme(the_institute, "Voorbij", online=True, next_start=today + IN(5))
    t.accredit(ended, today - IN(2000), today - IN(1))
    suspended = placed(the_institute, "Geschorst", "3512", start=5)
    t.accredit(suspended, today - IN(10), None, "suspended")
    never = t.make_programme(the_institute, "Nooit", online=True)
    shown = found(client)
    assert ended.pk not in shown and suspended.pk not in shown and never.pk not in shown
    assert spread["utrecht"].pk in shown


def test_unknown_postcode_and_distance_out_of_range_are_explained(client, spread):
    response = client.get(reverse("accreditation:public_list") + "?postcode=0000&country=NL")
    assert "We kennen postcode 0000 niet in Nederland." in response.content.decode()
    assert response.context["cards"] == []
    response = client.get(reverse("accreditation:public_list") + "?postcode=3512&distance=900")
    assert "Kies een afstand van hoogstens 100 km." in response.content.decode()


def test_a_constant_number_of_queries(client, the_institute, django_assert_max_num_queries):
    """The same number of queries for 3 programmes as for 30 (a page of 20 and a second page)."""
    counts = {}
    client.get(reverse("accreditation:public_list"))  # the vocabularies and the association, cached once
    for total in (3, 30):
        for n in range(Programme.objects.count(), total):
            placed(the_institute, f"Opleiding {n}", "3512", start=n + 1)
        for query in ("", "?postcode=3512&distance=50&language=nl", "?page=2"):
            with CaptureQueriesContext(connection) as captured, django_assert_max_num_queries(8):
                response = client.get(reverse("accreditation:public_list") + query)
            assert response.status_code == 200
            counts[total, query] = len(captured)
        assert len(response.context["cards"]) == (10 if total == 30 else 3)
    assert {counts[3, q] for q in ("", "?page=2")} == {counts[30, q] for q in ("", "?page=2")}
    assert counts[3, "?postcode=3512&distance=50&language=nl"] == counts[30, "?postcode=3512&distance=50&language=nl"]


def test_the_programme_page_shows_next_start_and_language(client, spread):
    html = client.get(reverse("accreditation:public_programme", args=[spread["antwerpen_en"].slug])).content.decode()
    assert "Volgende start" in html and "Engels" in html


def _edit(client, programme, **changes):
    data = {
        "name": programme.name,
        "postcode": "9000",
        "country": "BE",
        "place": "",
        "next_start": (timezone.localdate() + IN(90)).isoformat(),
        "language": SpokenLanguage.objects.get(code="en").pk,
        "description": "Twee jaar.",
        **changes,
    }
    return client.post(reverse("accreditation:programme_edit", args=[programme.pk]), data)


def test_the_institute_changes_next_start_language_and_place(client, institute, programme):
    client.force_login(institute.user)
    response = _edit(client, programme)
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.next_start == timezone.localdate() + IN(90) and programme.language.code == "en"
    assert (programme.postcode, programme.country, programme.place) == ("9000", "BE", "Gent")
    assert programme.latitude is not None
    entry = AuditEntry.objects.filter(action="kring.accreditation.programme.changed").get()
    assert "next_start" in entry.data["fields"]


def test_a_next_start_in_the_past_is_refused_kindly(client, institute, programme):
    client.force_login(institute.user)
    response = _edit(client, programme, next_start=(timezone.localdate() - IN(1)).isoformat())
    assert response.status_code == 200
    assert "Deze datum is voorbij." in response.content.decode()
    programme.refresh_from_db()
    assert programme.next_start is None and programme.language is None


def test_a_place_needs_a_postcode_kring_knows(client, institute, programme):
    client.force_login(institute.user)
    html = _edit(client, programme, postcode="0000", country="NL").content.decode()
    assert "We kennen postcode 0000 niet." in html
    html = _edit(client, programme, postcode="", online="").content.decode()
    assert "Vul de postcode in waar de opleiding gegeven wordt" in html
    assert _edit(client, programme, postcode="", online="on").status_code == 302
    programme.refresh_from_db()
    assert programme.online and programme.latitude is None


def test_another_institutes_programme_cannot_be_changed(client, institute):
    other = t.make_programme(t.make_institute("Ander Instituut"), "Andere opleiding")
    client.force_login(institute.user)
    assert _edit(client, other).status_code == 404
    assert Programme.objects.get(pk=other.pk).next_start is None


def test_a_new_programme_gets_its_place_from_the_postcode(client, institute, the_institute):
    client.force_login(institute.user)
    data = {"name": "Nieuw", "postcode": "3512", "country": "NL", "language": SpokenLanguage.objects.get(code="nl").pk}
    response = client.post(reverse("accreditation:programme_new", args=[the_institute.pk]), data)
    assert response.status_code == 302
    assert Programme.objects.get(name="Nieuw").place == "Utrecht"
