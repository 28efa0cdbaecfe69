"""Every page of Kring as each persona that may open it: the access matrix's GET cases that answer a
page (200), plus the login pages of allauth and both languages of the home page. Shared by the checks
of every page: titles and valid HTML (``tests/access/test_every_page.py``) and no horizontal scrolling
at 360 px in Chromium (``tests/browser/test_small_screens.py``).

The office's admin (``/bureau/``) and the API's documentation have layouts of their own and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from tests.access.matrix import ROLES
from tests.access.test_matrix import CASES

# Django's admin and django-ninja's API documentation have layouts of their own.
FOREIGN = ("admin:", "api:")
# Pages outside the matrix (allauth guards them itself) that every visitor meets.
EXTRA = [
    ("anonymous", "/accounts/login/"),
    ("anonymous", "/accounts/signup/"),
    ("anonymous", "/accounts/password/reset/"),
    ("anonymous", "/en/"),
    ("anonymous", "/en/accounts/login/"),
    # The office's public pages in English (the matrix opens them in Dutch).
    ("anonymous", "/en/about-us/"),
    ("anonymous", "/en/contact/"),
    ("anonymous", "/en/become-a-member/"),
    ("anonymous", "/en/privacy/"),
    ("anonymous", "/en/accessibility/"),
]


@dataclass(frozen=True)
class Page:
    role: str
    url: str

    @property
    def label(self) -> str:
        return f"{self.url} as {self.role}"


def every_page(personas) -> list[Page]:
    """Builds the objects the URLs point at (once per case) and lists each page per allowed role."""
    pages: dict[tuple[str, str], Page] = {}
    for case in CASES:
        if case.method != "get" or 200 not in case.ok or case.url_name.startswith(FOREIGN) or not case.allowed:
            continue
        kwargs = case.kwargs(personas) if case.kwargs else {}
        url = reverse(case.url_name, kwargs=kwargs) + case.query
        for role in ROLES:
            if role in case.allowed:
                pages.setdefault((role, url), Page(role, url))
    for role, url in EXTRA:
        pages.setdefault((role, url), Page(role, url))
    return list(pages.values())
