"""The columns an import file may have, by the names the office uses in Dutch or English.

A header is matched after folding case, accents, spaces and punctuation ("E-mail adres" and
"emailadres" are the same column). Columns that hold a national identification number are refused
with the whole file: the association has no lawful ground to store a BSN or a Belgian national
number, so such a file is not read any further and nothing of it is kept.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    headers: tuple[str, ...]  # the Dutch header first, then the English one, then other names met in exports
    example: str
    required: bool = False


COLUMNS = (
    Column("first_name", _("first name"), ("voornaam", "first name", "firstname", "given name"), "Anne", True),
    Column("name_prefix", _("prefix"), ("tussenvoegsel", "prefix", "tussenvoegsels", "name prefix"), "van"),
    Column(
        "last_name", _("last name"), ("achternaam", "last name", "lastname", "surname", "family name"), "Dijk", True
    ),
    Column(
        "email",
        _("e-mail address"),
        ("e-mailadres", "e-mail address", "e-mail", "email", "mail"),
        "anne@example.org",
        True,
    ),
    Column("phone", _("phone number"), ("telefoonnummer", "phone number", "telefoon", "phone", "mobiel"), "0612345678"),
    Column("language", _("language"), ("taal", "language"), "nl"),
    Column(
        "membership_type",
        _("membership type"),
        ("lidmaatschap", "membership type", "soort lidmaatschap", "membership"),
        "practitioner",
    ),
    Column("member_since", _("member since"), ("lid sinds", "member since", "lid vanaf", "member from"), "01-01-2020"),
    Column(
        "register_number", _("register number"), ("registernummer", "register number", "registration number"), "000123"
    ),
    Column("agb_code", _("AGB code"), ("agb-code", "agb code", "agb", "agbcode"), "01234567"),
    Column("level", _("level"), ("niveau", "level", "registratieniveau"), "basis"),
    Column(
        "registered_from",
        _("registered from"),
        ("geregistreerd vanaf", "registered from", "registratie vanaf", "registered since"),
        "01-03-2021",
    ),
    Column(
        "registered_until",
        _("registered until"),
        ("geregistreerd tot", "registered until", "geldig tot", "valid until"),
        "28-02-2026",
    ),
)

# National identification numbers, by every name we expect an export to use for them.
FORBIDDEN = (
    "bsn",
    "burgerservicenummer",
    "burger service nummer",
    "sofinummer",
    "sofi-nummer",
    "rijksregisternummer",
    "rijksregister",
    "insz",
    "insz-nummer",
    "nationaal nummer",
    "nationaal registernummer",
    "national number",
    "national register number",
    "national id",
    "social security number",
    "numéro national",
)


def fold(header: str) -> str:
    """A header as we compare it: lower case, without accents, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in text if ch.isalnum())


_BY_HEADER = {fold(name): column for column in COLUMNS for name in (column.key, *column.headers)}
_FORBIDDEN = {fold(name) for name in FORBIDDEN}


def header_of(column: Column, language: str) -> str:
    """The header the example file uses for ``column`` in ``language``."""
    return column.headers[1] if language == "en" else column.headers[0]


def column_for(header: str) -> Column | None:
    return _BY_HEADER.get(fold(header))


def is_forbidden(header: str) -> bool:
    return fold(header) in _FORBIDDEN


BY_KEY = {column.key: column for column in COLUMNS}
