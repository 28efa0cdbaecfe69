"""English addresses for tests: English pages have English paths (``/en/my-details/``), so a test
never glues ``/en`` to a Dutch path."""

from django.urls import get_resolver, reverse, translate_url
from django.utils import translation


def en(name: str, *args, **kwargs) -> str:
    """``reverse`` in English, whatever language the last request left active.

    Test modules call it at import, before any test: the URLconf (and with it every view and form)
    is imported here first in the active language, as a server does at its start. Imported inside
    ``override("en")``, a text that a form formats at import (complaints' help text) stayed English
    on Dutch pages."""
    get_resolver().url_patterns  # noqa: B018  (imports the URLconf)
    with translation.override("en"):
        return reverse(name, args=args or None, kwargs=kwargs or None)


def in_english(dutch_path: str) -> str:
    """The English address of the page at ``dutch_path`` (query string and all), as the language switch finds it."""
    with translation.override("nl"):
        found = translate_url(dutch_path, "en")
    assert found.startswith("/en/"), f"{dutch_path} is no page with an English address"
    return found
