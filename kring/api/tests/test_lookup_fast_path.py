"""The number lookup answers from memory (``kring.register.lookup``) exactly what the history answers
from the ORM: on seeded data, byte for byte (every field, the order); also right after a change to the register."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone
from ninja.renderers import JSONRenderer

from kring.api import services as api_services
from kring.api.schemas import Standing
from kring.api.views import standing_of
from kring.members import services as members
from kring.register import search_index, services
from kring.register.history import with_history


def slow(registration, on) -> bytes:
    """The answer as the operation made it before: the ORM's registration, through the schema."""
    validated = Standing.model_validate(standing_of(registration, on)).model_dump()
    return JSONRenderer().render(None, validated, response_status=200).encode()


def fast(api, number, on) -> bytes:
    response = api.get(f"/api/v1/registrations/{number}?on={on.isoformat()}")
    assert response.status_code == 200 and response["Content-Type"] == "application/json; charset=utf-8"
    return response.content


def fields(content: bytes) -> dict:
    return json.loads(content)


@pytest.fixture
def seeded(db, api_key):
    call_command("seed_demo", trainers=120, members=0, seed=1, verbosity=0)
    api_key.rate_per_minute = 100_000  # the limit is tested elsewhere; here it would hide answers
    api_services.api_key_update(api_key, changed=["rate_per_minute"], by=None)
    search_index.rebuild()
    return list(with_history().order_by("number"))


def test_it_answers_what_the_history_answers_on_seeded_data(api, seeded):
    today = timezone.localdate()
    for on in (today, today - datetime.timedelta(days=900)):
        for registration in seeded:
            assert fast(api, registration.number, on) == slow(registration, on), (registration.number, on)
    assert sum(fields(fast(api, r.number, today))["registered"] for r in seeded) > len(seeded) / 2


def test_it_answers_the_change_of_the_register_in_the_next_call(api, seeded, office):
    today = timezone.localdate()
    registration = next(r for r in seeded if fields(fast(api, r.number, today))["registered"])
    services.registration_strike_off(registration, on=today, reason="ruling", by=office.user)
    members.person_update(registration.person, by=office.user, last_name="Jansen-de Vries")
    answer = fields(fast(api, registration.number, today))
    assert (answer["registered"], answer["status"]) == (False, "struck_off")
    assert answer["name"].endswith("Jansen-de Vries")
    assert fast(api, registration.number, today) == slow(with_history().get(pk=registration.pk), today)


def test_a_repeated_lookup_reads_no_registration(api, seeded, django_assert_max_num_queries):
    number = seeded[0].number
    api.get(f"/api/v1/registrations/{number}")
    with django_assert_max_num_queries(2):  # the index's generation with the programmes, the call log
        assert api.get(f"/api/v1/registrations/{number}").status_code == 200
