"""Pure rules about a person's details: no database, easy to test."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-().]")


def is_valid_phone(text: str) -> bool:
    """Whether ``text`` is a Dutch or Belgian phone number, written the way people write them.

    Accepted: "06 12345678", "030-123 45 67", "+31 6 1234 5678", "+31 (0)6 12345678",
    "0031 6 12345678", "0470 12 34 56", "+32 470 12 34 56", "02 123 45 67". A Dutch number has
    9 digits after the 0 or +31; a Belgian number 8 (landline) or 9 (mobile) after the 0 or +32.
    """
    compact = _SEPARATORS.sub("", text or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+"):
        # "+31 (0)6 ..." is common: the 0 in brackets is dropped when dialling from abroad.
        country, rest = compact[1:3], compact[3:].removeprefix("0")
        if not rest.isdigit() or rest.startswith("0"):
            return False
        return (country == "31" and len(rest) == 9) or (country == "32" and len(rest) in (8, 9))
    national = compact[1:]
    return compact.startswith("0") and national.isdigit() and not national.startswith("0") and len(national) in (8, 9)


def tidy_phone(text: str) -> str:
    """The number as typed, with runs of spaces collapsed."""
    return " ".join((text or "").split())


def changed_fields(before: dict, after: dict) -> list[str]:
    """The names of the fields whose value differs, sorted: what the audit trail records."""
    return sorted(name for name in after if before.get(name) != after[name])
