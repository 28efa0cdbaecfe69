"""The access matrix: every URL of Kring, requested as every role, must allow or deny as declared.

Each app adds a module ``tests/access/cases_<app>.py`` with ``CASES``, a list of ``Case``. The test
in ``test_matrix.py`` fails when a named URL of Kring has no case, so no page can slip through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = (
    "anonymous",
    "outsider",
    "member",
    "trainer",
    "office",
    "board",
    "certification",
    "accreditation",
    "complaints",
    "institute",
)
STAFF = frozenset({"office", "board", "certification", "accreditation", "complaints"})
LOGGED_IN = frozenset(ROLES) - {"anonymous"}


def personas_of(request) -> dict:
    """One person per role, from the fixture of the same name (the anonymous visitor is nobody), so
    every check over the roles knows every role the matrix has."""
    return {role: None if role == "anonymous" else request.getfixturevalue(role) for role in ROLES}


EVERYONE = frozenset(ROLES)
MEMBERS = frozenset({"member", "trainer"})


@dataclass(frozen=True)
class Case:
    """``url_name`` opened as each role; ``allowed`` roles get ``ok`` (default 200), the rest are refused.

    ``kwargs`` builds the URL arguments from the personas (a dict role -> Person), for URLs that
    point at an object; ``method`` is "get" or "post" (POST with ``data``). ``refused`` lists the
    answers that count as a refusal for logged-in roles (the API answers 401 to every session).
    """

    url_name: str
    allowed: frozenset[str]
    kwargs: Callable[[dict], dict] | None = None
    method: str = "get"
    data: dict = field(default_factory=dict)
    ok: tuple[int, ...] = (200,)
    query: str = ""
    refused: tuple[int, ...] = (403, 404)
