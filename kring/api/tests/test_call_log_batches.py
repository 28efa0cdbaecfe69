"""The call log is written in batches outside the request, and no call goes missing: every call, in
order, with its own time and what was asked."""

import pytest
from django.test import Client

from kring.api import calls, services
from kring.api.models import ApiCall, Insurer


@pytest.fixture
def _vocabulary(transactional_db):
    """What the data migrations gave, again: an earlier transactional test may have flushed it."""
    from kring.members import vocabulary

    vocabulary.load()


@pytest.mark.django_db(transaction=True)
def test_every_call_is_in_the_log_once_its_batch_is_written(settings, _vocabulary, trainer):
    settings.KRING_API_LOG_SECONDS = 0.2
    key, secret = services.api_key_create(Insurer.objects.create(name="Polis Zuid"), name="claims")
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    asked = ["004211?on=2025-01-31", "004211", "999999", "004211?on=2999-01-01"]
    statuses = [api.get(f"/api/v1/registrations/{path}").status_code for path in asked]
    assert statuses == [200, 200, 404, 400]

    calls.flush()  # what the writer thread does every 0.2 s, and at the process's exit
    logged = list(ApiCall.objects.order_by("at", "pk"))
    assert [(c.key_id, c.insurer_id, c.status_code) for c in logged] == [(key.pk, key.insurer_id, s) for s in statuses]
    assert [c.query for c in logged] == ["on=2025-01-31", "", "", "on=2999-01-01"]
    assert [c.path for c in logged] == ["/api/v1/registrations/004211"] * 2 + [
        "/api/v1/registrations/999999",
        "/api/v1/registrations/004211",
    ]
    assert logged[0].at < logged[-1].at  # the time of each call, not of its batch
    assert calls.flush() == 0  # written once


def test_without_a_batch_time_each_call_is_written_in_its_request(api, api_key, reimbursed_trainer):
    api.get("/api/v1/registrations/004211")
    assert ApiCall.objects.get().status_code == 200
