"""The association's identity: one row (``Association``) that names who runs this Kring.

Everything people read that names the association — the layout, e-mails, PDFs, invoices, mandates and
collection files — reads it through ``current()``. The office edits it through ``update`` (the admin
calls it), which validates the numbers, writes one audit entry and forgets the cached copy.

The cached copy lives in Django's cache for a minute: with a shared cache (Redis) every app server
sees a change at once; with per-process caches a change reaches the other processes within a minute.
"""

import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum import exceptions as stdnum_errors
from stdnum.be import vat as be_vat
from stdnum.eu import at_02
from stdnum.eu import vat as eu_vat

from kring.core import audit
from kring.core.models import Association

CACHE_KEY = "kring:core:association"
CACHE_SECONDS = 60
DEFAULT_EXEMPTION = "Vrijgesteld van btw (artikel 11, Wet op de omzetbelasting 1968)."
EDITABLE = [f.name for f in Association._meta.fields if f.editable and f.name not in ("id", "changed_at")]


def current() -> Association:
    """The association, as the last ``update`` left it. The row comes from the migration."""
    association = cache.get(CACHE_KEY)
    if association is None:
        # The row comes from the migration; a database emptied by hand (or a test's flush) reads the
        # same defaults, unsaved: a page that only reads must not write.
        association = Association.objects.filter(pk=1).first() or Association(
            name="Kring", short_name="Kring", vat_exemption=DEFAULT_EXEMPTION
        )
        cache.set(CACHE_KEY, association, CACHE_SECONDS)
    return association


def update(association: Association, *, by, fields: list[str] | None = None) -> Association:
    """Store the office's edits of ``association`` (an instance with new values set), checked first."""
    changed = fields if fields is not None else EDITABLE
    association.full_clean()
    check(association)
    with transaction.atomic():
        Association.objects.select_for_update().filter(pk=1).first()
        association.save()
        audit.record("kring.core.association.changed", by=by, obj=association, fields=sorted(changed))
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
    cache.delete(CACHE_KEY)
    return association


def check(association: Association) -> None:
    """Kind messages for numbers that cannot be right; blank numbers are allowed (not every
    association collects by direct debit or charges VAT)."""
    errors = {}
    if association.iban:
        try:
            iban = IBAN(association.iban)
        except SchwiftyException:
            errors["iban"] = _("This IBAN is not right. Check the letters and digits, e.g. NL91 ABNA 0417 1643 00.")
        else:
            association.iban = iban.compact
            if not association.bic and iban.bic:
                association.bic = str(iban.bic)
    if association.creditor_id and not at_02.is_valid(association.creditor_id):
        errors["creditor_id"] = _("This creditor identifier is not right. It looks like NL98ZZZ999999999999.")
    elif association.creditor_id:
        association.creditor_id = at_02.compact(association.creditor_id)
    if association.vat_number:
        try:
            association.vat_number = eu_vat.validate(association.vat_number)
        except stdnum_errors.ValidationError:
            errors["vat_number"] = _(
                "This VAT number is not right. It starts with the country code, e.g. NL001234567B01."
            )
    if association.kvk_number and not _valid_chamber_number(association.kvk_number, association.country):
        errors["kvk_number"] = _("A KvK number has 8 digits; a Belgian enterprise number has 10.")
    if association.vat_status == Association.VatStatus.EXEMPT and not association.vat_exemption.strip():
        errors["vat_exemption"] = _("Say on what ground no VAT is charged: invoices must state it.")
    if errors:
        raise ValidationError(errors)


def _valid_chamber_number(number: str, country: str) -> bool:
    """python-stdnum knows the Belgian enterprise number (its check digits); a Dutch KvK number has
    no check digit, only its length (8 digits), so that is all there is to check."""
    digits = re.sub(r"[\s.]", "", number)
    if country == "BE":
        return be_vat.is_valid(digits)
    return bool(re.fullmatch(r"\d{8}", digits))
