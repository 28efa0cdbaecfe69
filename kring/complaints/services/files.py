"""Reading and writing the sealed parts of a case file, and the private link of the complainant."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core import signing

from kring.complaints import crypto
from kring.complaints.models import Case, CaseDocument, CaseEntry
from kring.core import links

LINK_SALT = "kring.complaints.link"
MAX_DOCUMENTS = 20


def texts(case: Case) -> dict:
    """The complaint and the complainant's details, decrypted (empty once the file is destroyed)."""
    return crypto.unseal(case.sealed)


def entry_text(entry: CaseEntry) -> str:
    return crypto.unseal(entry.sealed).get("text", "")


def document_content(document: CaseDocument) -> bytes:
    return crypto.open_bytes(document.sealed)


def add_entry(case: Case, *, kind: str, party: str, text: str, by) -> CaseEntry:
    from kring.core.access import acting_account

    return CaseEntry.objects.create(
        case=case, kind=kind, party=party, sealed=crypto.seal({"text": text}), by=acting_account(by)
    )


def add_documents(case: Case, documents, *, party: str) -> int:
    """Store cleaned uploads (``(ContentFile, content_type)`` pairs) encrypted; returns how many."""
    rows = []
    for content, content_type in documents:
        data = content.read()
        rows.append(
            CaseDocument(
                case=case, party=party, content_type=content_type, size=len(data), sealed=crypto.seal_bytes(data)
            )
        )
    CaseDocument.objects.bulk_create(rows)
    return len(rows)


def new_link_secret() -> tuple[str, str]:
    """A fresh secret for a private link and the hash Kring stores (never the secret itself)."""
    secret = secrets.token_urlsafe(24)
    return secret, hashlib.sha256(secret.encode()).hexdigest()


def link_token(case: Case, secret: str) -> str:
    """Signed with SECRET_KEY and dated: it cannot be guessed, and it expires (``case_by_token``)."""
    return signing.dumps({"c": case.pk, "s": secret}, salt=LINK_SALT, compress=True)


def link_url(token: str) -> str:
    return links.absolute_reverse("complaints:follow", kwargs={"token": token})


def case_by_token(token: str) -> Case | None:
    """The case of a private link, or None when the link is guessed, altered, expired or its file destroyed."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=settings.KRING_COMPLAINTS_LINK_DAYS * 86400)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), str):
        return None
    case = Case.objects.select_related("registration__person").filter(pk=data.get("c")).first()
    if case is None or case.destroyed_at is not None:
        return None
    if not secrets.compare_digest(case.link_secret_hash, hashlib.sha256(data["s"].encode()).hexdigest()):
        return None
    return case
