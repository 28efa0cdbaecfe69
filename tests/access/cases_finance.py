"""Finance: the office's money pages for the office only; a member sees only their own invoices and mandate."""

from tests.access.matrix import EVERYONE, LOGGED_IN, Case

OFFICE = frozenset({"office"})
MEMBER_ONLY = frozenset({"member"})


def _member_invoice(personas):
    from kring.finance import services

    invoice = services.invoice_issue(
        personas["member"], [{"description": "Contributie", "amount_cents": 8500}], by=None
    )
    return {"pk": invoice.pk}


def _member_mandate(personas):
    from tests import factories as t

    return {"pk": t.make_mandate(personas["member"]).pk}


def _collection(personas):
    from kring.finance.models import Collection

    collection, _new = Collection.objects.get_or_create(
        message_id="M1", defaults={"collection_date": "2026-03-02", "xml": "<x/>"}
    )
    return {"pk": collection.pk}


def _bank_entry(personas):
    from kring.finance.models import BankEntry, Statement

    statement, _new = Statement.objects.get_or_create(digest="d" * 64)
    entry, _new = BankEntry.objects.get_or_create(
        bank_reference="B1", defaults={"statement": statement, "amount_cents": 100, "outcome": "unmatched"}
    )
    return {"pk": entry.pk}


def _application(personas):
    from kring.finance import joining
    from kring.members.models import MembershipType

    application = joining.application_submit(
        personas["outsider"], type=MembershipType.objects.get(code="practitioner"), by=None, pays_by_mandate=False
    )
    return {"pk": application.pk}


CASES = [
    Case("finance:join", EVERYONE),
    Case("finance:join", LOGGED_IN, method="post", data={"type": ""}),
    Case("finance:applications", OFFICE),
    Case("finance:application_decide", OFFICE, kwargs=_application, method="post", data={}, ok=(302,)),
    Case("finance:my_invoices", LOGGED_IN),
    Case("finance:my_invoice_pdf", MEMBER_ONLY, kwargs=_member_invoice),
    Case("finance:my_mandate", MEMBER_ONLY, kwargs=_member_mandate),
    Case("finance:mandate_new", LOGGED_IN),
    Case("finance:mandate_new", LOGGED_IN, method="post", data={"iban": "fout"}),
    Case("finance:office", OFFICE),
    Case("finance:yearly_run", OFFICE, method="post", data={"year": ""}, ok=(302,)),
    Case("finance:collections", OFFICE),
    Case("finance:collection", OFFICE, kwargs=_collection),
    Case("finance:collection_file", OFFICE, kwargs=_collection),
    Case("finance:bank", OFFICE),
    Case("finance:bank_entry", OFFICE, kwargs=_bank_entry),
    Case("admin:finance_invoice_changelist", OFFICE),
    Case("admin:finance_mandate_changelist", OFFICE),
    Case("admin:finance_fee_changelist", OFFICE),
]
