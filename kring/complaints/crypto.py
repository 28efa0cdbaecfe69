"""Encryption at rest of case texts and documents: Fernet (AES-128-CBC with HMAC-SHA256) from
``cryptography``, with ``MultiFernet`` so that keys can be rotated.

``settings.KRING_COMPLAINTS_KEYS`` lists the keys, newest first. New texts are encrypted with the
first; every key in the list can decrypt. Rotating: put a new key in front, deploy, run
``manage.py complaints_rotate_keys`` (re-encrypts every case with the new key), then drop the old one.
Without keys only DEBUG uses a fixed development key; a production server refuses to start.
"""

from __future__ import annotations

import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Known to everyone who reads this file: only for DEBUG and the test suite, never for real complaints.
DEVELOPMENT_KEY = "a3JpbmctZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ="  # nosec B105 # a public development key

MISSING = (
    "KRING_COMPLAINTS_KEYS is not set. Complaints are encrypted at rest; generate a key with "
    "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'` "
    "and set it in the environment (see docs/operations.md)."
)


def _keys() -> list[str]:
    keys = list(settings.KRING_COMPLAINTS_KEYS)
    if keys:
        return keys
    if settings.DEBUG:
        return [DEVELOPMENT_KEY]
    raise ImproperlyConfigured(MISSING)


def require_keys() -> None:
    """Refuse to start (raise) when no key is configured outside DEBUG, or a key is malformed."""
    _fernet()


def _fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in _keys()])
    except ValueError as error:
        raise ImproperlyConfigured("KRING_COMPLAINTS_KEYS holds a key that is not a Fernet key.") from error


def seal_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def open_bytes(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(bytes(token))
    except InvalidToken as error:
        raise ImproperlyConfigured("A complaint cannot be decrypted with the configured keys.") from error


def seal(texts: dict) -> str:
    """A dict of texts as one encrypted token (text, for a TextField)."""
    return seal_bytes(json.dumps(texts, ensure_ascii=False).encode()).decode()


def unseal(token: str) -> dict:
    return json.loads(open_bytes(token.encode())) if token else {}


def rotate(token: bytes) -> bytes:
    """The same plaintext, encrypted again with the newest key."""
    return _fernet().rotate(bytes(token))
