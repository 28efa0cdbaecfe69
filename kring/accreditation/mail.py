"""E-mail to an institute, signed with the association's name (``kring.core.identity``)."""

from __future__ import annotations

from kring.core import emails, identity


def to_institute(name: str, institute, context: dict) -> None:
    """Institutes are written to in Dutch, the association's language (an institute has no language)."""
    emails.send(
        name, to=institute.email, context={"institute": institute, "association": identity.current(), **context}
    )
