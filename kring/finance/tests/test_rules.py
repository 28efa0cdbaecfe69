"""Pro-rata fees at their boundaries, VAT parts, payment references and the TARGET2 calendar."""

import datetime
from decimal import Decimal

import pytest
from stdnum import iso11649
from stdnum.be import ogm_vcs

from kring.finance import rules

D = datetime.date


@pytest.mark.parametrize(
    ("starts_on", "months"),
    [
        (D(2025, 12, 31), 12),  # joined the year before: the whole year
        (D(2026, 1, 1), 12),  # the first day of the year
        (D(2026, 1, 31), 12),  # the month of joining counts in full
        (D(2026, 2, 1), 11),
        (D(2026, 6, 30), 7),
        (D(2026, 7, 1), 6),
        (D(2026, 12, 1), 1),
        (D(2026, 12, 31), 1),  # the last day still pays December
        (D(2027, 1, 1), 0),  # starts after the year: nothing
    ],
)
def test_months_payable_at_the_boundaries(starts_on, months):
    assert rules.months_payable(starts_on, 2026) == months


def test_fee_rounds_half_up_to_whole_cents_and_applies_the_reduction():
    assert rules.fee_cents(8500, months=12) == 8500
    assert rules.fee_cents(8500, months=7) == 4958  # 4958.33
    assert rules.fee_cents(10000, months=1) == 833  # 833.33
    assert rules.fee_cents(1, months=6) == 1  # 0.5 rounds up
    assert rules.fee_cents(8500, months=12, percent_off=50) == 4250
    assert rules.fee_cents(8500, months=12, percent_off=100) == 0
    assert rules.fee_cents(8500, months=3, pro_rata=False) == 8500
    assert rules.fee_cents(8500, months=0) == 0


def test_vat_part_of_an_amount_that_includes_it():
    assert rules.vat_part(12100, Decimal(21)) == 2100
    assert rules.vat_part(10900, Decimal(9)) == 900
    assert rules.vat_part(8500, Decimal(0)) == 0


def test_references_are_valid_and_found_back_in_a_bank_description():
    rf = rules.rf_reference(2026, 12)
    assert iso11649.is_valid(rf) and len(rf) <= 25
    assert rules.normalise_reference(f"Contributie {rf[:6]} {rf[6:]} dank je") == rf
    assert rules.normalise_reference(rf.lower()) == rf
    ogm = rules.ogm_reference(2026, 12)
    assert ogm.startswith("+++") and ogm_vcs.is_valid(ogm.strip("+"))
    assert rules.normalise_reference(f"mededeling {ogm}") == ogm
    assert rules.normalise_reference(ogm.strip("+").replace("/", "")) == ogm
    assert rules.normalise_reference("Factuur 2026-000012") is None
    assert rules.normalise_reference("RF00 1234") is None


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (D(2026, 1, 1), False),  # New Year's Day
        (D(2026, 4, 3), False),  # Good Friday
        (D(2026, 4, 6), False),  # Easter Monday
        (D(2026, 5, 1), False),  # Labour Day
        (D(2026, 12, 25), False),
        (D(2026, 12, 26), False),  # a Saturday as well
        (D(2026, 3, 7), False),  # Saturday
        (D(2026, 3, 8), False),  # Sunday
        (D(2026, 3, 9), True),  # an ordinary Monday
        (D(2026, 4, 27), True),  # King's Day: Dutch banks close, TARGET2 is open
        (D(2026, 5, 14), True),  # Ascension Day: open for TARGET2
        (D(2026, 12, 24), True),
        (D(2026, 12, 31), True),
    ],
)
def test_target2_calendar(day, open_):
    assert rules.is_target2_day(day) is open_


def test_next_target2_day_skips_the_easter_weekend():
    assert rules.next_target2_day(D(2026, 4, 3)) == D(2026, 4, 7)


def test_a_mandate_lapses_after_36_months_unused():
    assert not rules.mandate_lapsed(D(2023, 3, 31), D(2026, 3, 31))
    assert rules.mandate_lapsed(D(2023, 3, 31), D(2026, 4, 1))
    assert rules.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)


def test_euro_formats_with_a_decimal_comma():
    assert rules.euro(123456) == "1.234,56"
    assert rules.euro(-5) == "-0,05"
