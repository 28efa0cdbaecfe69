"""Filing a complaint (also without an account) and adding documents through the private link."""

from __future__ import annotations

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.complaints import crypto, rules
from kring.complaints.models import Case, CaseDocument, Party
from kring.complaints.services import files, mail
from kring.core import audit
from kring.core.refusals import Refused
from kring.register.models import Registration

NO_TRAINER = _("Please tell us which trainer your complaint is about.")
NO_DESCRIPTION = _("Please describe what happened.")
NO_EMAIL = _("Please give your e-mail address, so that we can send you the receipt and your private link.")
TOO_MANY = _("This complaint already has the largest number of documents we accept (%(max)s).")


def case_file(
    *,
    registration: Registration | None,
    description: str,
    when: str,
    hopes: str,
    name: str,
    email: str,
    phone: str,
    language: str,
    documents=(),
    submission_key: str = "",
    by=None,
) -> tuple[Case, str]:
    """Store a new complaint, encrypted, and send the receipt with the private link. Returns the case
    and the private link's token. ``submission_key`` (from the form) makes a double click file once."""
    if registration is None:
        raise Refused(NO_TRAINER, field="trainer")
    if not description.strip():
        raise Refused(NO_DESCRIPTION, field="description")
    if not email.strip():
        raise Refused(NO_EMAIL, field="email")
    if len(documents) > files.MAX_DOCUMENTS:
        raise Refused(TOO_MANY % {"max": files.MAX_DOCUMENTS}, field="documents")
    key_hash = hashlib.sha256(submission_key.encode()).hexdigest() if submission_key else ""
    if key_hash and (earlier := Case.objects.filter(submission_hash=key_hash).first()) is not None:
        return earlier, files.link_token(earlier, files.texts(earlier)["link_secret"])
    secret, secret_hash = files.new_link_secret()
    receipt_due, decision_due = rules.first_terms(timezone.localdate(), rules.Terms.from_settings())
    sealed = {
        "description": description.strip(),
        "when": when.strip(),
        "hopes": hopes.strip(),
        "name": name.strip(),
        "email": email.strip(),
        "phone": phone.strip(),
        "link_secret": secret,
    }
    try:
        with transaction.atomic():
            case = Case.objects.create(
                registration=registration,
                sealed=crypto.seal(sealed),
                language=language,
                link_secret_hash=secret_hash,
                submission_hash=key_hash or None,
                receipt_due=receipt_due,
                decision_due=decision_due,
            )
            # The number follows the row's own id, so two complaints at the same moment never share one.
            case.number = f"K{case.filed_at.year}-{case.pk:04d}"
            case.save(update_fields=["number"])
            files.add_documents(case, documents, party=Party.COMPLAINANT)
            audit.record(
                "kring.complaints.case.filed",
                by=by,
                process="complaint form",
                obj=case,
                number=case.number,
                documents=len(documents),
            )
            mail.to_complainant(case, "received")
            mail.to_committee(case, "new")
    except IntegrityError:  # the same form sent twice at the same moment
        earlier = Case.objects.get(submission_hash=key_hash)
        return earlier, files.link_token(earlier, files.texts(earlier)["link_secret"])
    return case, files.link_token(case, secret)


def documents_add(case: Case, documents, *, party: str, by=None) -> int:
    """Add documents to an open or decided file (from the private link, the trainer or the committee)."""
    if not documents:
        raise Refused(_("Please choose a file to add."), field="documents")
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.destroyed_at is not None or case.closed_at is not None:
            raise Refused(_("This complaint is closed; no documents can be added any more."))
        # Each party has its own room: the complainant's documents never leave the trainer without.
        if CaseDocument.objects.filter(case=case, party=party).count() + len(documents) > files.MAX_DOCUMENTS:
            raise Refused(TOO_MANY % {"max": files.MAX_DOCUMENTS}, field="documents")
        added = files.add_documents(case, documents, party=party)
        audit.record(
            "kring.complaints.document.added",
            by=by,
            process=party,
            obj=case,
            number=case.number,
            party=party,
            count=added,
        )
    return added


def link_resend(number: str, email: str) -> bool:
    """Mail a fresh private link when ``number`` is a receipt number and ``email`` the address the
    complaint was filed with; otherwise nothing. The page answers the same either way, so the form
    tells no one whether a complaint exists. True when a link was sent (for the tests and the audit)."""
    case = Case.objects.filter(number=number.strip().upper(), destroyed_at__isnull=True).first()
    if case is None:
        return False
    stored = files.texts(case).get("email", "")
    if not stored or stored.strip().lower() != email.strip().lower():
        return False
    with transaction.atomic():
        audit.record("kring.complaints.link.resent", process="complainant", obj=case)
    mail.to_complainant(case, "new-link")
    return True
