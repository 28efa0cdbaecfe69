"""Who is calling: an insurer's key in ``Authorization: Bearer <key>``, checked and rate-limited.

A browser session does not count: the API answers only to keys, so an office account that is logged
in still gets 401 here.

Calls without a valid key are limited per client address (``FAILED_PER_MINUTE``), before the key is
looked up, so guessing keys costs a guesser time and the database nothing. They are not written to
the call log: it is the log of what insurers asked, and a row per wrong key would let anyone fill it.
An address that goes over the limit is logged once as a warning instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.cache import cache
from ninja.security import HttpBearer

from kring.api.limits import SlidingWindow, client_address
from kring.api.models import ApiKey, hash_secret

logger = logging.getLogger(__name__)

FAILED_PER_MINUTE = 20
FAILURES = SlidingWindow("kring:api:failed")
CALLS = SlidingWindow("kring:api:rate")


@dataclass
class ApiError(Exception):
    """An answer other than success, with a machine-readable code and a message for people."""

    status: int
    code: str
    message: str
    retry_after: int | None = None


class InsurerKey(HttpBearer):
    """The key of the call. ``request.api_key`` is the key that was sent, also when it is revoked, for
    the call log; ``request.auth`` (set by django-ninja) only when the key may be used."""

    def __call__(self, request):
        address = client_address(request)
        wait = FAILURES.full(address, FAILED_PER_MINUTE)
        if wait is not None:
            raise ApiError(
                429,
                "too_many_requests",
                f"Too many calls without a valid key came from your address. Try again in {wait} seconds.",
                retry_after=wait,
            )
        try:
            return self.check(request)
        except ApiError as error:
            if error.status == 401:
                FAILURES.add(address)
                if FAILURES.full(address, FAILED_PER_MINUTE) is not None:
                    logger.warning("API calls without a valid key from %s: refused for a while", address)
            raise

    def check(self, request) -> ApiKey:
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


def check_rate(key: ApiKey, *, now: float | None = None) -> None:
    """Count the call for the key; refuse it when the key made its limit in the last 60 seconds."""
    wait = CALLS.take(str(key.pk), key.rate_per_minute, now=now)
    if wait is not None:
        raise ApiError(
            429,
            "too_many_requests",
            f"This key may make {key.rate_per_minute} requests per minute. Try again in {wait} seconds.",
            retry_after=wait,
        )
