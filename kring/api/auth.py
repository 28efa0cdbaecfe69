"""Who is calling: an insurer's key in ``Authorization: Bearer <key>``, checked and rate-limited.

A browser session does not count: the API answers only to keys, so an office account that is logged
in still gets 401 here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache
from ninja.security import HttpBearer

from kring.api.models import ApiKey, hash_secret


@dataclass
class ApiError(Exception):
    """An answer other than success, with a machine-readable code and a message for people."""

    status: int
    code: str
    message: str
    retry_after: int | None = None


class InsurerKey(HttpBearer):
    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if not header.strip():
            raise ApiError(401, "missing_key", "Send your API key in the header 'Authorization: Bearer <key>'.")
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "malformed_authorization", "The Authorization header must read 'Bearer <key>'.")
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token: str) -> ApiKey:
        key = key_for_hash(hash_secret(token))
        if key is None:
            raise ApiError(401, "unknown_key", "This API key is not known. Check it, or ask the office for one.")
        request.api_key = key
        if key.revoked_at is not None:
            raise ApiError(
                401,
                "revoked_key",
                f"This API key was revoked on {key.revoked_at:%Y-%m-%d}. Ask the office for a new one.",
            )
        check_rate(key)
        return key


KEY_CACHE_SECONDS = 30


def key_cache_name(hashed_secret: str) -> str:
    return f"kring:api:key:{hashed_secret}"


def key_for_hash(hashed_secret: str) -> ApiKey | None:
    """The key with this hash, kept in the cache for a short while: insurers call in bursts.

    ``api_key_revoke`` clears the entry; with per-process caches (no ``REDIS_URL``) another process
    may accept a revoked key for at most ``KEY_CACHE_SECONDS``.
    """
    name = key_cache_name(hashed_secret)
    key = cache.get(name)
    if key is None:
        key = ApiKey.objects.select_related("insurer").filter(hashed_secret=hashed_secret).first()
        if key is not None:
            cache.set(name, key, KEY_CACHE_SECONDS)
    return key


def forget_key(key: ApiKey) -> None:
    cache.delete(key_cache_name(key.hashed_secret))


def check_rate(key: ApiKey) -> None:
    """Count the call in the key's current minute; refuse it above the key's limit."""
    now = time.time()
    counter = f"kring:api:rate:{key.pk}:{int(now // 60)}"
    cache.add(counter, 0, timeout=120)
    try:
        count = cache.incr(counter)
    except ValueError:  # the counter expired between add and incr
        cache.set(counter, 1, timeout=120)
        count = 1
    if count > key.rate_per_minute:
        retry_after = max(1, 60 - int(now % 60))
        raise ApiError(
            429,
            "too_many_requests",
            f"This key may make {key.rate_per_minute} requests per minute. Try again in {retry_after} seconds.",
            retry_after=retry_after,
        )
