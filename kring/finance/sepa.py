"""SEPA direct debit: mandates and collection runs that make a pain.008 file (sepaxml).

A collection is checked before anything is written (pre-flight): the association's IBAN and creditor
identifier, every debtor's IBAN (sepaxml does not check checksums, schwifty does), unique end-to-end
ids, a TARGET2 business day, and the pre-notification period. Each debtor gets an e-mail with the
amount and the date (the pre-notification) when the collection is made.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from sepaxml import SepaDD
from stdnum.eu import at_02

from kring.core import audit, emails, identity
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.finance import rules
from kring.finance.models import Collection, CollectionItem, Invoice, Mandate
from kring.members.models import Person

SCHEMA = "pain.008.001.02"


def prenotification_days() -> int:
    return int(getattr(settings, "KRING_SEPA_PRENOTIFICATION_DAYS", 14))


def clean_iban(value: str, *, field: str = "iban") -> IBAN:
    try:
        return IBAN(value)
    except (SchwiftyException, ValueError):
        raise Refused(
            _("This IBAN is not right. Check the letters and digits, e.g. NL91 ABNA 0417 1643 00."), field=field
        ) from None


def _new_reference(person: Person) -> str:
    # Unique and at most 35 characters: the person and a random part (a second mandate on the same
    # day gets its own reference too).
    return f"KRING-{person.pk}-{secrets.token_hex(4).upper()}"


MANDATE_TEXT = gettext_noop(
    "By signing this mandate you authorise %(name)s (creditor identifier %(creditor_id)s) to send "
    "instructions to your bank to debit your account, and your bank to debit your account in accordance "
    "with those instructions. You are entitled to a refund from your bank under the terms and conditions "
    "of your agreement with your bank. A refund must be claimed within 8 weeks starting from the date on "
    "which your account was debited."
)


def mandate_text() -> str:
    """The mandate text in the reader's language, naming the association (shown and stored as signed)."""
    association = identity.current()
    return _(MANDATE_TEXT) % {"name": association.name, "creditor_id": association.creditor_id or "-"}


def mandate_sign(
    person: Person,
    *,
    iban: str,
    holder_name: str,
    signed_on: datetime.date | None,
    by,
    online: bool = False,
    sequence: str = Mandate.Sequence.RCUR,
) -> Mandate:
    """Record a signed mandate. An earlier active mandate of the person ends: its IBAN stays in the history."""
    if signed_on is None:
        raise Refused(_("A mandate needs the date it was signed."), field="signed_on")
    if signed_on > timezone.localdate():
        raise Refused(_("A mandate cannot be signed in the future."), field="signed_on")
    if not holder_name.strip():
        raise Refused(_("Fill in the name of the account holder."), field="holder_name")
    account = clean_iban(iban)
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        today = timezone.localdate()
        person.mandates.filter(status=Mandate.Status.ACTIVE).update(status=Mandate.Status.ENDED, ended_on=today)
        mandate = Mandate.objects.create(
            person=person,
            reference=_new_reference(person),
            holder_name=holder_name.strip()[:70],
            iban=account.compact,
            bic=str(account.bic) if account.bic else "",
            signed_on=signed_on,
            signed_online=online,
            text=mandate_text(),
            sequence=sequence,
        )
        audit.record("kring.finance.mandate.signed", by=by, obj=mandate, person_id=person.pk, online=online)
        # Open invoices of this person are now collected rather than waiting for a transfer.
        Invoice.objects.filter(person=person, status=Invoice.Status.OPEN, kind=Invoice.Kind.INVOICE).update(
            method=Invoice.Method.DEBIT
        )
    return mandate


def mandate_end(mandate: Mandate, *, by, status: str = Mandate.Status.ENDED, reason: str = "") -> Mandate:
    with transaction.atomic():
        mandate = lock_for_decision(
            Mandate, mandate.pk, states=[Mandate.Status.ACTIVE], refused=Refused(_("This mandate has already ended."))
        )
        mandate.status, mandate.ended_on = status, timezone.localdate()
        mandate.save(update_fields=["status", "ended_on"])
        Invoice.objects.filter(person_id=mandate.person_id, status=Invoice.Status.OPEN).update(
            method=Invoice.Method.TRANSFER
        )
        audit.record(
            "kring.finance.mandate.ended", by=by, obj=mandate, person_id=mandate.person_id, status=status, reason=reason
        )
    return mandate


def mandate_set_sequence(mandate: Mandate, sequence: str, *, by) -> Mandate:
    """The office chooses FRST for a mandate (its first collection); the bank's confirmation sets RCUR."""
    if sequence not in Mandate.Sequence.values:
        raise Refused(_("Choose first or recurring."))
    with transaction.atomic():
        Mandate.objects.filter(pk=mandate.pk).update(sequence=sequence)
        mandate.sequence = sequence
        audit.record(
            "kring.finance.mandate.sequence", by=by, obj=mandate, person_id=mandate.person_id, sequence=sequence
        )
    return mandate


def mandates_lapse(*, today: datetime.date | None = None) -> int:
    """End mandates unused for 36 months (the nightly job). Returns how many lapsed."""
    today = today or timezone.localdate()
    lapsed = 0
    for mandate in Mandate.objects.filter(status=Mandate.Status.ACTIVE):
        if rules.mandate_lapsed(mandate.last_used_on or mandate.signed_on, today):
            mandate_end(mandate, by=None, status=Mandate.Status.LAPSED, reason="36 months unused")
            lapsed += 1
    return lapsed


def collectable(today: datetime.date | None = None):
    """Open invoices to collect: by direct debit, with an active mandate, not already in a pending item."""
    return (
        Invoice.objects.filter(
            kind=Invoice.Kind.INVOICE,
            status=Invoice.Status.OPEN,
            method=Invoice.Method.DEBIT,
            disputed=False,
            total_cents__gt=0,
            person__mandates__status=Mandate.Status.ACTIVE,
        )
        .exclude(collection_items__status=CollectionItem.Status.PENDING)
        .distinct()
        .select_related("person")
    )


def preflight(collection_date: datetime.date, invoices: list[Invoice], mandates: dict) -> list[str]:
    """Every reason not to make this collection, in words for the office; empty when all is well."""
    problems = []
    association = identity.current()
    try:
        IBAN(association.iban)
    except (SchwiftyException, ValueError):
        problems.append(_("The association's IBAN is missing or not right (see the association's details)."))
    if not association.bic:
        problems.append(_("The association's BIC is missing (see the association's details)."))
    if not association.creditor_id or not at_02.is_valid(association.creditor_id):
        problems.append(_("The association's creditor identifier is missing or not right."))
    if not rules.is_target2_day(collection_date):
        problems.append(
            _("%(date)s is not a bank business day (TARGET2); the next one is %(next)s.")
            % {
                "date": collection_date.strftime("%d-%m-%Y"),
                "next": rules.next_target2_day(collection_date).strftime("%d-%m-%Y"),
            }
        )
    earliest = timezone.localdate() + datetime.timedelta(days=prenotification_days())
    if collection_date < earliest:
        problems.append(
            _("Members must be told at least %(days)s days before: the earliest collection date is %(date)s.")
            % {"days": prenotification_days(), "date": earliest.strftime("%d-%m-%Y")}
        )
    if not invoices:
        problems.append(_("There is nothing to collect."))
    for invoice in invoices:
        mandate = mandates[invoice.person_id]
        try:
            IBAN(mandate.iban)
        except (SchwiftyException, ValueError):
            problems.append(_("Mandate %(ref)s has an IBAN that is not right.") % {"ref": mandate.reference})
        if mandate.signed_on is None:
            problems.append(_("Mandate %(ref)s has no signing date.") % {"ref": mandate.reference})
    return problems


def _end_to_end_id(invoice: Invoice, message_id: str) -> str:
    return f"{invoice.number}-{message_id[-8:]}"[:35]


def collection_create(collection_date: datetime.date, *, by) -> Collection:
    """Make the pain.008 file for every collectable invoice, after the pre-flight checks, and send
    each debtor the pre-notification."""
    with transaction.atomic():
        # PostgreSQL locks no rows of a DISTINCT query: lock the invoices the query finds, by key.
        invoices = list(
            Invoice.objects.filter(pk__in=collectable().values("pk"))
            .select_related("person")
            .select_for_update(of=("self",))
            .order_by("number")
        )
        mandates = {
            m.person_id: m
            for m in Mandate.objects.filter(status=Mandate.Status.ACTIVE, person_id__in=[i.person_id for i in invoices])
        }
        problems = preflight(collection_date, invoices, mandates)
        message_id = f"KRING{timezone.now():%Y%m%d%H%M%S}{secrets.token_hex(3).upper()}"
        ids = [_end_to_end_id(invoice, message_id) for invoice in invoices]
        if len(set(ids)) != len(ids) or CollectionItem.objects.filter(end_to_end_id__in=ids).exists():
            problems.append(_("Two payments would get the same end-to-end id."))
        if problems:
            raise Refused(" ".join(problems))
        collection = Collection.objects.create(
            collection_date=collection_date,
            message_id=message_id,
            xml="",
            created_by=by if getattr(by, "pk", None) else None,
        )
        items = [
            CollectionItem(
                collection=collection,
                invoice=invoice,
                mandate=mandates[invoice.person_id],
                amount_cents=invoice.outstanding_cents,
                sequence=mandates[invoice.person_id].sequence,
                end_to_end_id=end_to_end,
            )
            for invoice, end_to_end in zip(invoices, ids, strict=True)
        ]
        CollectionItem.objects.bulk_create(items)
        collection.xml, collection.message_id = pain008(collection, items)
        collection.total_cents = sum(item.amount_cents for item in items)
        collection.save(update_fields=["xml", "message_id", "total_cents"])
        audit.record("kring.finance.collection.made", by=by, obj=collection, items=len(items))
        for item in items:
            _prenotify(item, collection_date)
    return collection


def pain008(collection: Collection, items: list[CollectionItem]) -> tuple[str, str]:
    """The collection as pain.008.001.02, validated by sepaxml against its bundled XSD, and the
    message id sepaxml gave it (stored, so the bank's answer can be traced)."""
    association = identity.current()
    config = {
        "name": association.name[:70],
        "IBAN": association.iban,
        "batch": True,
        "creditor_id": association.creditor_id,
        "currency": "EUR",
        "instrument": "CORE",
    }
    if association.bic:
        config["BIC"] = association.bic
    sepa = SepaDD(config, schema=SCHEMA, clean=True)
    for item in items:
        payment = {
            "name": item.mandate.holder_name,
            "IBAN": item.mandate.iban,
            "amount": item.amount_cents,
            "type": item.sequence,
            "collection_date": collection.collection_date,
            "mandate_id": item.mandate.reference,
            "mandate_date": item.mandate.signed_on,
            "description": f"{association.short_name} {item.invoice.number}",
            "endtoend_id": item.end_to_end_id,
        }
        if item.mandate.bic:
            payment["BIC"] = item.mandate.bic
        sepa.add_payment(payment)
    return sepa.export(validate=True).decode("utf-8"), sepa.msg_id


def _prenotify(item: CollectionItem, collection_date: datetime.date) -> None:
    person = item.invoice.person
    address = person.user.email if person.user_id else person.email
    if not address:
        return
    emails.send(
        "finance-prenotification",
        to=address,
        language=person.language,
        context={
            "first_name": person.first_name,
            "amount": rules.euro(item.amount_cents),
            "date": collection_date,
            "invoice": item.invoice,
            "mandate": item.mandate,
            "iban_end": item.mandate.iban[-4:],
            "association": identity.current(),
        },
    )


def collection_confirm(collection: Collection, *, by) -> Collection:
    """The bank accepted the file: mandates used with FRST go on as RCUR, and count as used."""
    with transaction.atomic():
        collection = lock_for_decision(
            Collection,
            collection.pk,
            states=[Collection.Status.MADE],
            refused=Refused(_("This collection has already been confirmed.")),
        )
        collection.status = Collection.Status.CONFIRMED
        collection.save(update_fields=["status"])
        mandate_ids = list(collection.items.values_list("mandate_id", flat=True))
        Mandate.objects.filter(pk__in=mandate_ids).update(
            sequence=Mandate.Sequence.RCUR, last_used_on=collection.collection_date
        )
        audit.record("kring.finance.collection.confirmed", by=by, obj=collection)
    return collection
