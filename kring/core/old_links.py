"""Old English links keep working: ``/en/<Dutch path>`` answers a permanent redirect to the English page.

Until English pages had English paths, the English site was the Dutch paths under ``/en/``
(``/en/mijn-gegevens/``, ``/en/evenementen/12/``). Such links live on in e-mails, bookmarks, printed
QR codes and calendar subscriptions. When a request under ``/en/`` finds no page, its path without
the prefix is resolved against the Dutch paths; when that names a page, the answer is a 301 to the
same page's English address, with the query string. Dutch links never changed and need nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

PREFIX = "/en/"


def english_address(path: str) -> str | None:
    """The English address of the page that ``path`` (``/en/`` and a Dutch path) meant, or None."""
    if not path.startswith(PREFIX):
        return None
    dutch = "/" + path.removeprefix(PREFIX)
    with translation.override(settings.LANGUAGE_CODE):
        try:
            resolve(dutch)
        except Resolver404:
            return None
        english = translate_url(dutch, "en")  # gives the Dutch path back when the page has no English
    return english if english.startswith(PREFIX) and english != path else None


class OldEnglishLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        english = english_address(request.path_info)
        if english is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(english + (f"?{query}" if query else ""))
