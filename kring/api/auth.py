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
import time
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
KEY_MEMORY_SECONDS = 5
_memory: dict[str, tuple[ApiKey | None, float]] = {}  # hash -> (key, until when), this process only


def key_cache_name(hashed_secret: str) -> str:
    return f"kring:api:key:{hashed_secret}"


def key_for_hash(hashed_secret: str, *, now: float | None = None) -> ApiKey | None:
    """The key with this hash, kept for a short while: insurers call in bursts.

    Kept twice: in this process's memory for ``KEY_MEMORY_SECONDS`` (reading it from the cache cost
    a tenth of every lookup), and in the cache for ``KEY_CACHE_SECONDS``. ``api_key_revoke`` and
    ``api_key_update`` forget both in their own process and the shared cache (``REDIS_URL``), so
    another app server refuses a revoked key within ``KEY_MEMORY_SECONDS``; with per-process caches
    (no ``REDIS_URL``) within ``KEY_CACHE_SECONDS + KEY_MEMORY_SECONDS``.
    """
    now = time.monotonic() if now is None else now
    kept = _memory.get(hashed_secret)
    if kept is not None and kept[1] > now:
        return kept[0]
    name = key_cache_name(hashed_secret)
    key = cache.get(name)
    if key is None:
        key = ApiKey.objects.select_related("insurer").filter(hashed_secret=hashed_secret).first()
        if key is not None:
            cache.set(name, key, KEY_CACHE_SECONDS)
    if key is not None:  # unknown keys are not kept: a guesser must not fill the memory
        if len(_memory) > 1000:
            _memory.clear()
        _memory[hashed_secret] = (key, now + KEY_MEMORY_SECONDS)
    return key


def forget_key(key: ApiKey) -> None:
    _memory.pop(key.hashed_secret, None)
    cache.delete(key_cache_name(key.hashed_secret))


def forget_all_keys() -> None:
    """Empty this process's memory of keys (the tests do, as they empty the cache)."""
    _memory.clear()


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
