import re

import pytest
from django.test import Client
from django.urls import reverse

from kring.api import services
from kring.api.models import ApiCall, ApiKey, Insurer, hash_secret
from kring.core.models import AuditEntry


def test_it_refuses_a_call_without_a_key(client, reimbursed_trainer):
    response = client.get("/api/v1/registrations/004211")
    assert response.status_code == 401
    assert response.json()["error"] == "missing_key"
    assert not ApiCall.objects.exists()  # no key, no insurer: not a call of the insurers' log


def test_it_refuses_a_logged_in_session_without_a_key(login, office, reimbursed_trainer):
    response = login(office).get("/api/v1/registrations/004211")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("Bearer kring-wrong", "unknown_key"),
        ("Basic abc", "malformed_authorization"),
        ("Bearer", "malformed_authorization"),
    ],
)
def test_it_refuses_a_wrong_key(db, header, code):
    response = Client(headers={"Authorization": header}).get("/api/v1/registrations/004211")
    assert response.status_code == 401
    assert response.json()["error"] == code


def test_it_refuses_a_revoked_key(api, api_key, reimbursed_trainer):
    assert api.get("/api/v1/registrations/004211").status_code == 200
    services.api_key_revoke(api_key)
    response = api.get("/api/v1/registrations/004211")
    assert response.status_code == 401
    assert response.json()["error"] == "revoked_key"
    assert ApiCall.objects.filter(key=api_key, status_code=401).exists()


def test_it_stores_only_a_hash_and_a_prefix(api_key):
    stored = ApiKey.objects.values().get(pk=api_key.pk)
    assert api_key.secret not in str(stored)
    assert stored["hashed_secret"] == hash_secret(api_key.secret)
    assert api_key.secret.startswith(stored["prefix"])


def test_it_answers_429_with_retry_after_when_a_key_asks_too_much(api, api_key, reimbursed_trainer):
    api_key.rate_per_minute = 3
    api_key.save()
    statuses = [api.get("/api/v1/registrations/004211").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/registrations/004211")
    assert response.status_code == 429
    assert response.json()["error"] == "too_many_requests"
    assert 1 <= int(response["Retry-After"]) <= 60
    other, secret = services.api_key_create(api_key.insurer, name="other")
    assert Client(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/registrations/004211").status_code == 200


def test_the_office_creates_a_key_and_sees_it_once(login, office):
    insurer = Insurer.objects.create(name="Polis Noord")
    client = login(office)
    response = client.post(
        reverse("admin:api_apikey_add"),
        {"insurer": insurer.pk, "name": "declaraties", "rate_per_minute": 60},
        follow=True,
    )
    assert response.status_code == 200
    secret = re.search(r"kring-[A-Za-z0-9_\-]{20,}", response.content.decode()).group(0)
    key = ApiKey.objects.get(insurer=insurer)
    assert key.hashed_secret == hash_secret(secret) and key.rate_per_minute == 60
    assert secret not in client.get(reverse("admin:api_apikey_change", args=[key.pk])).content.decode()
    assert secret not in client.get(reverse("admin:api_apikey_changelist")).content.decode()
    assert AuditEntry.objects.filter(action="kring.api.key.created").exists()


def test_the_office_revokes_a_key(login, office, api_key):
    response = login(office).post(
        reverse("admin:api_apikey_changelist"), {"action": "revoke", "_selected_action": [api_key.pk]}, follow=True
    )
    assert response.status_code == 200
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None
    assert AuditEntry.objects.filter(action="kring.api.key.revoked").exists()


def test_others_cannot_manage_keys(login, board):
    assert login(board).get(reverse("admin:api_apikey_changelist")).status_code in (302, 403)


def test_the_office_changes_a_keys_limit_and_it_counts_at_once(login, office, api, api_key, reimbursed_trainer):
    assert api.get("/api/v1/registrations/004211").status_code == 200
    response = login(office).post(
        reverse("admin:api_apikey_change", args=[api_key.pk]), {"name": "claims", "rate_per_minute": 1}
    )
    assert response.status_code == 302
    assert api.get("/api/v1/registrations/004211").status_code == 429
