import pytest
from hypothesis import given
from hypothesis import strategies as st

from kring.members import rules


@pytest.mark.parametrize(
    "number",
    [
        "06 12345678",
        "0612345678",
        "030-123 45 67",
        "+31 6 1234 5678",
        "+31 (0)6 12345678",
        "0031 6 12345678",
        "0470 12 34 56",
        "+32 470 12 34 56",
        "02 123 45 67",
        "+32 2 123 45 67",
        "0032 9 123 45 67",
    ],
)
def test_it_accepts_dutch_and_belgian_numbers(number):
    assert rules.is_valid_phone(number)


@pytest.mark.parametrize(
    "number",
    [
        "12345",
        "06 1234",
        "06 123456789012",
        "+49 30 1234567",
        "+31 06 12",
        "bel me maar",
        "",
        "+3161234567a",
        "0012345678",
    ],
)
def test_it_refuses_what_is_not_a_dutch_or_belgian_number(number):
    assert not rules.is_valid_phone(number)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9).filter(lambda s: s[0] != "0"))
def test_it_accepts_every_dutch_number_in_both_ways_of_writing(digits):
    assert rules.is_valid_phone("0" + digits)
    assert rules.is_valid_phone("+31 " + digits)


def test_it_names_only_the_fields_that_changed():
    before = {"first_name": "Anne", "phone": "06 12345678", "website": ""}
    after = {"first_name": "Anne", "phone": "06 87654321", "website": "https://example.nl"}
    assert rules.changed_fields(before, after) == ["phone", "website"]


def test_it_tidies_spaces_in_a_phone_number():
    assert rules.tidy_phone("  06   1234 5678 ") == "06 1234 5678"
