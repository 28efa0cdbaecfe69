"""Supervisors: recognition against the criteria (kept as history), finding one, asking, logging."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kring.core.refusals import Refused
from kring.cpd.models import Activity
from kring.find import services, supervisors
from kring.find.models import SupervisionRequest, SupervisorRecognition
from kring.find.tests.helpers import make_trainer, recognise
from kring.register import search_index

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("short", [{"years_experience": 4}, {"courses_given": 19}, {"training_days": Decimal("3.5")}])
def test_recognition_without_the_criteria_is_refused(office, short):
    with pytest.raises(Refused, match="criteria"):
        recognise(make_trainer(), office, **short)
    assert not SupervisorRecognition.objects.exists()


def test_recognition_of_someone_not_registered_is_refused(office, member):
    with pytest.raises(Refused, match="geregistreerd"):
        recognise(member, office)


def test_recognitions_are_kept_as_history(office):
    trainer = make_trainer()
    today = timezone.localdate()
    first = recognise(
        trainer,
        office,
        starts_on=today - datetime.timedelta(days=300),
        training_completed_on=today - datetime.timedelta(days=320),
    )
    with pytest.raises(Refused, match="al erkend"):
        recognise(trainer, office)
    services.supervisor_recognition_end(first, ends_on=today - datetime.timedelta(days=100), by=office.user)
    assert not supervisors.is_supervisor(trainer, today)
    assert supervisors.is_supervisor(trainer, today - datetime.timedelta(days=200))
    recognise(trainer, office)
    assert supervisors.is_supervisor(trainer, today)
    assert SupervisorRecognition.objects.filter(person=trainer).count() == 2


def public(person):
    person.public_practices = person.public_online = True
    person.online = True
    person.save()


def test_find_a_supervisor_near_you_or_online(client, login, office, trainer, django_assert_max_num_queries):
    gent, amsterdam, online = make_trainer("9000"), make_trainer("1012", "NL"), make_trainer("9711", "NL")
    for person in (gent, amsterdam, online):
        recognise(person, office)
    public(gent)
    public(amsterdam)
    amsterdam.online = False
    amsterdam.save()
    public(online)
    search_index.rebuild()
    login(trainer)

    def found(query):  # the page, the person, their roles, the association the layout names, one per hint
        with django_assert_max_num_queries(18):
            response = client.get(reverse("find:supervisors") + query)
        return [card["found"].entry.registration.person_id for card in response.context["cards"]]

    assert found("?postcode=9000&country=BE") == [gent.pk, online.pk]
    assert found("?postcode=9000&country=BE&where=place") == [gent.pk]
    assert sorted(found("?where=online")) == sorted([gent.pk, online.pk])
    assert sorted(found("")) == sorted([gent.pk, amsterdam.pk, online.pk])


def test_ask_accept_and_log_supervision_for_both(client, login, office, trainer):
    supervisor = make_trainer()
    recognise(supervisor, office)
    number = supervisor.registrations.get().number
    login(trainer)
    client.post(reverse("find:supervision_ask", kwargs={"number": number}), {"message": "Over een lastige groep."})
    client.post(reverse("find:supervision_ask", kwargs={"number": number}), {"message": "Over een lastige groep."})
    asked = SupervisionRequest.objects.get()
    assert asked.trainee == trainer and asked.status == "asked"
    # The trainee cannot answer their own question.
    assert (
        client.post(reverse("find:supervision_decide", kwargs={"pk": asked.pk}), {"answer": "accept"}).status_code
        == 404
    )
    login(supervisor)
    client.post(reverse("find:supervision_decide", kwargs={"pk": asked.pk}), {"answer": "accept"})
    client.post(reverse("find:supervision_decide", kwargs={"pk": asked.pk}), {"answer": "decline"})
    asked.refresh_from_db()
    assert asked.status == "accepted"
    day = timezone.localdate().isoformat()
    client.post(reverse("find:supervision_log", kwargs={"pk": asked.pk}), {"on": day, "hours": "1.5"})
    client.post(reverse("find:supervision_log", kwargs={"pk": asked.pk}), {"on": day, "hours": "1.5"})
    logged = Activity.objects.filter(kind="supervision").order_by("person_id")
    assert sorted(a.person_id for a in logged) == sorted([trainer.pk, supervisor.pk])
    assert all(a.hours == Decimal("1.5") and a.is_automatic for a in logged)


def test_bad_supervision_input(office, trainer):
    supervisor = make_trainer()
    with pytest.raises(Refused, match="geen erkende"):
        services.supervision_ask(supervisor=supervisor, trainee=trainer, message="", by=trainer.user)
    recognise(supervisor, office)
    with pytest.raises(Refused, match="jezelf"):
        services.supervision_ask(supervisor=supervisor, trainee=supervisor, message="", by=supervisor.user)
    asked = services.supervision_ask(supervisor=supervisor, trainee=trainer, message="", by=trainer.user)
    with pytest.raises(Refused, match="aangenomen"):
        services.supervision_log(asked, on=timezone.localdate(), hours=Decimal(1), by=supervisor.user)
    services.supervision_decide(asked, accept=True, by=supervisor.user)
    for hours in (Decimal(0), Decimal(9)):
        with pytest.raises(Refused):
            services.supervision_log(asked, on=timezone.localdate(), hours=hours, by=supervisor.user)
    with pytest.raises(Refused):
        services.supervision_log(
            asked, on=timezone.localdate() + datetime.timedelta(days=1), hours=Decimal(1), by=supervisor.user
        )
    assert not Activity.objects.exists()


def test_the_office_recognises_in_the_admin(client, login, office):
    candidate = make_trainer()
    login(office)
    today = timezone.localdate()
    data = {
        "person": candidate.pk,
        "starts_on": today.isoformat(),
        "years_experience": 3,
        "courses_given": 30,
        "training_days": "4",
        "training_completed_on": (today - datetime.timedelta(days=5)).isoformat(),
        "note": "",
    }
    client.post(reverse("admin:find_supervisorrecognition_add"), data)
    assert not SupervisorRecognition.objects.exists()
    data["years_experience"] = 8
    response = client.post(reverse("admin:find_supervisorrecognition_add"), data)
    assert response.status_code == 302
    assert supervisors.is_supervisor(candidate, today)
