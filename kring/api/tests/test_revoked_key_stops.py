"""A key is remembered per process for a few seconds, so a revoked key stops at once on the server that
revoked it and within ``KEY_MEMORY_SECONDS`` on every other one."""

from django.core.cache import cache
from django.utils import timezone

from kring.api import auth, services
from kring.api.models import ApiKey


def test_the_server_that_revokes_a_key_refuses_it_at_the_next_call(api, api_key, reimbursed_trainer):
    assert api.get("/api/v1/registrations/004211").status_code == 200  # now remembered
    services.api_key_revoke(api_key)
    assert api.get("/api/v1/registrations/004211").json()["error"] == "revoked_key"


def test_another_server_refuses_a_revoked_key_within_a_few_seconds(api_key):
    began = 1000.0
    assert auth.key_for_hash(api_key.hashed_secret, now=began).revoked_at is None
    # What api_key_revoke does on another server: the row, and the shared cache; not this memory.
    ApiKey.objects.filter(pk=api_key.pk).update(revoked_at=timezone.now())
    cache.delete(auth.key_cache_name(api_key.hashed_secret))

    assert auth.key_for_hash(api_key.hashed_secret, now=began + 1).revoked_at is None
    later = began + auth.KEY_MEMORY_SECONDS + 0.01
    assert auth.key_for_hash(api_key.hashed_secret, now=later).revoked_at is not None


def test_an_unknown_key_is_not_remembered(api_key):
    assert auth.key_for_hash("0" * 64) is None
    assert "0" * 64 not in auth._memory
