"""A service's refusal reaches the person as the same kind message: on a page, in the admin and in
the API; and an account without a person is refused the same way everywhere, without a write."""

import json

import pytest
from django.test import RequestFactory
from django.utils import translation

from kring.api.api import on_refused
from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.intervision import services as intervision
from kring.intervision.models import Group, JoinRequest
from kring.intervision.tests.helpers import make_group, make_trainer
from kring.members.models import Person
from kring.register import services as register
from tests import factories as t
from tests.english import en

FULL = "This group is full."
NOT_LINKED = "Your account is not linked to a member of the association."


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_page_shows_the_refusal_of_a_button_as_a_message_and_changes_nothing(trainer, login):
    group = make_group(trainer, members=3, capacity=4)
    response = login(make_trainer()).post(
        en("intervision:join_request_create", group.pk), {"message": "Hi"}, follow=True
    )
    assert response.status_code == 200
    assert [m for m in messages_of(response) if m.startswith(FULL)]
    assert not JoinRequest.objects.exists()


def test_a_page_shows_the_refusal_of_a_form_on_its_field(trainer, login):
    response = login(trainer).post(
        en("intervision:group_offer"),
        {
            "name": "Utrecht",
            "coordinator_role": "facilitator",
            "mode": "live",
            "postcode": "9999 ZZ",
            "country": "NL",
            "experience": "mixed",
            "capacity": "6",
            "meetings_per_year": "4",
        },
    )
    assert response.status_code == 200
    assert "We do not know this postcode." in " ".join(response.context["form"].errors["postcode"])
    assert not Group.objects.exists()


def test_the_admin_shows_a_refusal_as_an_error_message(login, office, trainer):
    registration = trainer.registrations.get()
    response = login(office).post(
        en("admin:register_registration_changelist"),
        {
            "action": "reinstate",
            "_selected_action": [registration.pk],
            "apply": "1",
            "on": registration.periods.get().starts_on.isoformat(),
            "reason": "by mistake",
        },
        follow=True,
    )
    assert response.status_code == 200
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"
    assert "This change is not possible in the registration's status on that date." in str(message)
    assert registration.periods.count() == 1


def test_the_api_answers_a_refusal_in_its_documented_error_shape(db, trainer):
    registration = trainer.registrations.get()
    period = registration.periods.get()
    with translation.override("en"):
        with pytest.raises(Refused) as refused:
            register.registration_change_level(
                registration, level=period.level, on=period.starts_on, reason="same", by=None
            )
        response = on_refused(RequestFactory().get("/api/v1/registrations/004211"), refused.value)
    assert response.status_code == 409
    assert json.loads(response.content) == {"error": "refused", "message": "The registration already has this level."}


def test_a_page_refuses_an_account_without_a_person_calmly_and_writes_nothing(db, client):
    user = t.UserFactory()
    client.force_login(user)
    entries = AuditEntry.objects.count()
    for page in (en("members:home"), en("members:contact")):
        response = client.get(page)
        assert response.status_code == 409, page
        assert NOT_LINKED in response.content.decode()
    assert not Person.objects.filter(user=user).exists()
    assert AuditEntry.objects.count() == entries


def test_a_service_refuses_an_account_without_a_person_with_the_same_message(db, trainer):
    group = make_group(trainer)
    user = t.UserFactory()
    with translation.override("en"):
        with pytest.raises(Refused, match=NOT_LINKED):
            intervision.group_offer(by=user, name="X", mode="online", capacity=4)
        with pytest.raises(Refused, match=NOT_LINKED):
            intervision.join_request_create(group, by=user, message="Hi")
    assert Group.objects.count() == 1 and not JoinRequest.objects.exists()
