"""The course page (plain words, reimbursement only where it applies, Open Graph), calendar files, the
entry page, the trainer's public page and the card in "Beheer mijn gegevens"."""

import icalendar
import pytest
from django.urls import reverse

from kring.find.tests.helpers import make_course, make_retreat, make_trainer
from tests.english import en

pytestmark = pytest.mark.django_db


def test_the_course_page_says_what_it_asks(client, django_assert_max_num_queries):
    course = make_course(make_trainer(first_name="Sanne", last_name="Claes"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("find:course", kwargs={"pk": course.pk}))
    page = response.content.decode()
    assert "Wat vraagt het van je?" in page
    assert "Sanne Claes" in page and "https://example.org/aanmelden" in page
    assert 'property="og:title"' in page and 'property="og:url"' in page
    assert 'id="reimbursement"' in page and "zorgverzekeraar" in page


@pytest.mark.parametrize(
    ("trainer", "programme"),
    [({"level": "basis"}, "mbsr"), ({"programmes": ("mbsr", "mbcl")}, "mbcl"), ({"programmes": ()}, "mbsr")],
)
def test_no_reimbursement_words_where_they_do_not_apply(client, trainer, programme):
    course = make_course(make_trainer(**trainer), programme=programme)
    page = client.get(reverse("find:course", kwargs={"pk": course.pk})).content.decode()
    assert 'id="reimbursement"' not in page and "zorgverzekeraar" not in page


def test_the_page_in_english(client):
    course = make_course(make_trainer())
    page = client.get(en("find:course", pk=course.pk)).content.decode()
    assert "What does it ask of you?" in page and "Will my insurer pay?" in page


def test_a_course_that_is_not_listed_gives_a_calm_404(client):
    trainer = make_trainer()
    course = make_course(trainer)
    from kring.find import services

    services.course_withdraw(course, by=trainer.user)
    response = client.get(reverse("find:course", kwargs={"pk": course.pk}))
    assert response.status_code == 404 and "og:title" not in response.content.decode()
    assert client.get(reverse("find:course_ics", kwargs={"pk": course.pk})).status_code == 404


def test_calendar_files():
    from django.test import Client

    client = Client()
    course = make_course(make_trainer())
    body = client.get(reverse("find:course_ics", kwargs={"pk": course.pk})).content
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert event["rrule"]["COUNT"] == [8] and "Gent" in str(event["location"])
    retreat = make_retreat(make_trainer())
    body = client.get(reverse("find:retreat_ics", kwargs={"pk": retreat.pk})).content
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert event.decoded("dtstart") == retreat.starts_on
    assert (event.decoded("dtend") - retreat.starts_on).days == 5


def test_the_entry_leads_to_courses_first(client, login, trainer):
    page = client.get(reverse("find:home")).content.decode()
    assert page.index("Vind een cursus") < page.index("Vind een trainer") < page.index("Vind een stilteretraite")
    assert "supervisor" not in page.lower()
    login(trainer)
    assert "Vind een supervisor" in client.get(reverse("find:home")).content.decode()
    assert reverse("find:home") in client.get(reverse("home")).content.decode()


def test_courses_on_the_trainers_public_page(client):
    trainer = make_trainer()
    course = make_course(trainer)
    page = client.get(reverse("register:detail", kwargs={"number": course.registration.number})).content.decode()
    assert reverse("find:course", kwargs={"pk": course.pk}) in page


def test_a_card_in_beheer_mijn_gegevens_for_trainers_only(client, login, trainer, member):
    login(trainer)
    assert reverse("find:my_offers") in client.get(reverse("members:home")).content.decode()
    login(member)
    assert reverse("find:my_offers") not in client.get(reverse("members:home")).content.decode()


def test_announce_through_the_page_and_see_bad_input_kindly(client, login):
    trainer = make_trainer()
    login(trainer)
    data = {
        "programme": "",
        "starts_on": "2020-01-01",
        "time": "19:30",
        "sessions": "8",
        "postcode": "9000",
        "country": "BE",
        "language": "",
        "price": "-10",
        "places_left": "5",
    }
    from kring.members.models import SpokenLanguage, TaughtProgramme

    data["programme"] = TaughtProgramme.objects.get(code="mbsr").pk
    data["language"] = SpokenLanguage.objects.get(code="nl").pk
    response = client.post(reverse("find:course_add"), data)
    assert response.status_code == 200 and response.context["form"].errors
    from kring.find.models import Course

    assert not Course.objects.exists()
    import datetime

    from django.utils import timezone

    data.update(starts_on=(timezone.localdate() + datetime.timedelta(days=9)).isoformat(), price="300")
    assert client.post(reverse("find:course_add"), data).status_code == 302
    assert Course.objects.count() == 1
