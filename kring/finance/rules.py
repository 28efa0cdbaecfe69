"""Pure decisions about money: pro-rata fees, VAT parts, payment references and bank days."""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import holidays
from stdnum import iso11649
from stdnum.be import ogm_vcs
from stdnum.iso7064 import mod_97_10

MANDATE_LAPSE_MONTHS = 36


def months_payable(starts_on: datetime.date, year: int) -> int:
    """How many months of ``year`` a membership that starts on ``starts_on`` pays for.

    The month of joining counts in full (joining on 31 March pays for March); a membership that
    started before the year pays all twelve, one that starts after it none."""
    if starts_on.year < year:
        return 12
    if starts_on.year > year:
        return 0
    return 13 - starts_on.month


def fee_cents(amount_cents: int, *, months: int, percent_off: int = 0, pro_rata: bool = True) -> int:
    """The fee for ``months`` of twelve (all twelve when not pro rata), less a reduction, in whole cents
    rounded half up."""
    if months <= 0:
        return 0
    share = Decimal(months if pro_rata else 12) / 12
    value = Decimal(amount_cents) * share * (Decimal(100 - percent_off) / 100)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def vat_part(gross_cents: int, rate: Decimal) -> int:
    """The VAT inside an amount that includes it: gross × rate / (100 + rate), rounded half up."""
    if not rate:
        return 0
    value = Decimal(gross_cents) * Decimal(rate) / (Decimal(100) + Decimal(rate))
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def invoice_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:06d}"


def rf_reference(year: int, sequence: int) -> str:
    """An ISO 11649 creditor reference (RF..) for an invoice: python-stdnum checks RF references but
    has no function that makes one, so the check digits come from its own ISO 7064 mod 97-10."""
    body = f"{year}{sequence:06d}"
    check = mod_97_10.calc_check_digits(body + "RF")
    reference = f"RF{check}{body}"
    return iso11649.validate(reference)


def ogm_reference(year: int, sequence: int) -> str:
    """A Belgian structured communication (+++123/4567/89012+++) for an invoice, by python-stdnum."""
    body = f"{year % 10000:04d}{sequence:06d}"
    return "+++" + ogm_vcs.format(body + ogm_vcs.calc_check_digits(body)) + "+++"


_RF = re.compile(r"RF\s*\d\d(?:[\s.-]*\d){1,21}", re.IGNORECASE)
_OGM = re.compile(r"\d{3}\s*/?\s*\d{4}\s*/?\s*\d{5}")


def normalise_reference(text: str) -> str | None:
    """The invoice reference in a bank description, written as on invoices, or None. Kring's RF
    references are digits after RF, so only digits are read (people type spaces in between)."""
    for match in _RF.finditer(text):
        digits = "".join(ch for ch in match.group(0) if ch.isalnum()).upper()
        for end in range(len(digits), 4, -1):  # the longest valid reference: words may follow
            if iso11649.is_valid(digits[:end]):
                return digits[:end]
    for match in _OGM.finditer(text):
        if ogm_vcs.is_valid(match.group(0)):
            return "+++" + ogm_vcs.format(match.group(0)) + "+++"
    return None


@lru_cache(maxsize=16)
def _target2_closed(year: int) -> frozenset[datetime.date]:
    # The ECB's TARGET2 closing days, from the holidays package's XECB calendar.
    return frozenset(holidays.financial_holidays("XECB", years=year))


def is_target2_day(day: datetime.date) -> bool:
    """Whether TARGET2 is open: a weekday that is not one of its closing days."""
    return day.weekday() < 5 and day not in _target2_closed(day.year)


def next_target2_day(day: datetime.date) -> datetime.date:
    while not is_target2_day(day):
        day += datetime.timedelta(days=1)
    return day


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def mandate_lapsed(last_used_or_signed: datetime.date, today: datetime.date) -> bool:
    """A mandate not used for 36 months may no longer be used (SEPA core rulebook)."""
    return add_months(last_used_or_signed, MANDATE_LAPSE_MONTHS) < today


def euro(cents: int) -> str:
    """Cents as euros with a decimal comma, for pages and PDFs: 1234 -> '12,34'."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d}"
