"""Mandates and collection runs: bad input, pre-flight checks, the pain.008 file against the XSD."""

import datetime
import os

import pytest
import sepaxml
import xmlschema
from django.core import mail
from django.utils import timezone

from kring.core.refusals import Refused
from kring.finance import rules, sepa, services
from kring.finance.models import Collection, CollectionItem, Invoice, Mandate
from tests import factories as t

pytestmark = pytest.mark.django_db

XSD = os.path.join(os.path.dirname(sepaxml.__file__), "schemas", "pain.008.001.02.xsd")


@pytest.fixture(autouse=True)
def _bank():
    t.association_with_bank()


def collection_day(days=20) -> datetime.date:
    return rules.next_target2_day(timezone.localdate() + datetime.timedelta(days=days))


@pytest.fixture
def billed(member):
    """The member with a mandate and one open invoice of € 85 to collect."""
    mandate = t.make_mandate(member)
    invoice = services.invoice_issue(member, [{"description": "Contributie", "amount_cents": 8500}], by=None)
    return member, mandate, invoice


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"iban": "NL00RABO0123456789"}, "iban"),
        ({"iban": "hallo"}, "iban"),
        ({"signed_on": None}, "signed_on"),
        ({"signed_on": datetime.date(2999, 1, 1)}, "signed_on"),
        ({"holder_name": " "}, "holder_name"),
    ],
)
def test_a_mandate_with_bad_input_is_refused_and_nothing_is_written(member, changes, field):
    values = {
        "iban": "NL44RABO0123456789",
        "holder_name": "M. Bakker",
        "signed_on": datetime.date(2026, 1, 5),
        **changes,
    }
    with pytest.raises(Refused) as refused:
        sepa.mandate_sign(member, by=None, **values)
    assert refused.value.field == field
    assert not Mandate.objects.exists()


def test_a_new_iban_is_a_new_mandate_and_the_old_one_stays_as_history(member):
    first = t.make_mandate(member)
    second = t.make_mandate(member, iban="NL20INGB0001234567")
    first.refresh_from_db()
    assert first.status == Mandate.Status.ENDED and second.status == Mandate.Status.ACTIVE
    assert first.reference != second.reference and len(second.reference) <= 35
    assert second.bic == "INGBNL2A" and "creditor identifier" in second.text.lower() or second.text


def test_an_unused_mandate_lapses_after_36_months(member):
    mandate = t.make_mandate(member, signed_on=datetime.date(2020, 1, 1))
    assert sepa.mandates_lapse(today=datetime.date(2023, 1, 1)) == 0
    assert sepa.mandates_lapse(today=datetime.date(2023, 1, 2)) == 1
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.LAPSED


def test_a_collection_makes_a_pain008_file_that_passes_the_official_xsd(billed):
    member, mandate, invoice = billed
    day = collection_day()
    collection = sepa.collection_create(day, by=None)
    xmlschema.XMLSchema(XSD).validate(collection.xml)
    item = collection.items.get()
    assert item.sequence == "RCUR" and item.amount_cents == 8500
    assert f"<EndToEndId>{item.end_to_end_id}</EndToEndId>" in collection.xml
    assert f"<MsgId>{collection.message_id}</MsgId>" in collection.xml
    assert t.CREDITOR_ID in collection.xml and mandate.reference in collection.xml
    assert f"<ReqdColltnDt>{day.isoformat()}</ReqdColltnDt>" in collection.xml
    prenotification = mail.outbox[-1]
    assert prenotification.to == [member.user.email] and "85,00" in prenotification.body
    # The same invoice is not collected twice while the first collection is pending.
    with pytest.raises(Refused, match="nothing to collect|niets te"):
        sepa.collection_create(day, by=None)


def test_frst_only_where_the_office_chose_it_and_rcur_after_the_bank_confirms(billed):
    _member, mandate, _invoice = billed
    sepa.mandate_set_sequence(mandate, Mandate.Sequence.FRST, by=None)
    collection = sepa.collection_create(collection_day(), by=None)
    assert collection.items.get().sequence == "FRST" and "<SeqTp>FRST</SeqTp>" in collection.xml
    sepa.collection_confirm(collection, by=None)
    mandate.refresh_from_db()
    assert mandate.sequence == "RCUR" and mandate.last_used_on == collection.collection_date
    with pytest.raises(Refused):
        sepa.collection_confirm(collection, by=None)


@pytest.mark.parametrize(
    "when",
    [
        lambda: datetime.date(timezone.localdate().year + 1, 12, 25),  # Christmas: TARGET2 is closed
        lambda: _next_saturday(),
        lambda: rules.next_target2_day(timezone.localdate() + datetime.timedelta(days=3)),  # too soon
    ],
    ids=["holiday", "weekend", "too-soon"],
)
def test_a_collection_date_that_cannot_be_used_is_refused(billed, when):
    with pytest.raises(Refused):
        sepa.collection_create(when(), by=None)
    assert not Collection.objects.exists() and not CollectionItem.objects.exists()


def _next_saturday():
    day = timezone.localdate() + datetime.timedelta(days=20)
    return day + datetime.timedelta(days=(5 - day.weekday()) % 7)


def test_the_prenotification_period_follows_the_settings(billed, settings):
    settings.KRING_SEPA_PRENOTIFICATION_DAYS = 2
    assert sepa.collection_create(rules.next_target2_day(timezone.localdate() + datetime.timedelta(days=3)), by=None)


@pytest.mark.parametrize(
    "changes", [{"creditor_id": "NL00ZZZ999999999999"}, {"creditor_id": ""}, {"iban": ""}, {"bic": ""}]
)
def test_a_collection_without_valid_association_bank_details_is_refused(billed, changes):
    t.association_with_bank(**changes)
    with pytest.raises(Refused):
        sepa.collection_create(collection_day(), by=None)
    assert not Collection.objects.exists()


def test_a_mandate_whose_iban_went_bad_stops_the_run(billed):
    _member, mandate, _invoice = billed
    Mandate.objects.filter(pk=mandate.pk).update(iban="NL00RABO0123456789")
    with pytest.raises(Refused, match=mandate.reference):
        sepa.collection_create(collection_day(), by=None)


def test_disputed_and_transfer_invoices_are_not_collected(billed, trainer):
    _member, _mandate, invoice = billed
    services.invoice_set_disputed(invoice, True, by=None)
    services.invoice_issue(trainer, [{"description": "x", "amount_cents": 100}], by=None)  # no mandate
    assert list(sepa.collectable()) == []
    services.invoice_set_disputed(invoice, False, by=None)
    assert list(sepa.collectable()) == [invoice]


def test_ending_a_mandate_turns_open_invoices_into_transfers(billed):
    _member, mandate, invoice = billed
    sepa.mandate_end(mandate, by=None)
    invoice.refresh_from_db()
    assert invoice.method == Invoice.Method.TRANSFER
