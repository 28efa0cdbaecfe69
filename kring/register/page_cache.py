"""Whole public pages cached for visitors who are not logged in: ``@for_visitors(...)`` on a view.

The view returns a ``TemplateResponse``; the page is rendered once with a placeholder as the CSRF
token (a page's only per-visitor part, in the language switch) and stored; every visitor gets the
stored page with their own token in place of the placeholder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.html import escape

from kring.core import identity

CSRF_PLACEHOLDER = "kring-page-cache-csrf-token"


CONTENT_PLACEHOLDER = "kring-page-cache-content"
PATH_PLACEHOLDER = "kring-page-cache-path"
_shells: dict[tuple, str] = {}


class _ShellRequest:
    """The request as the layout sees it while the shell is rendered: its address is a placeholder."""

    def __init__(self, request):
        self._request = request

    def get_full_path(self):
        return PATH_PLACEHOLDER

    def __getattr__(self, name):
        return getattr(self._request, name)


def _page_from_shell(request, response: TemplateResponse) -> str:
    """The page as ``response.render()`` would make it, from a layout rendered once per template,
    language and edit of the association's identity (what the layout shows of a visitor who is not
    logged in): the layout cost more than a third of a search page's rendering."""
    association = identity.current()
    key = (response.template_name, translation.get_language(), association.pk, association.changed_at)
    shell = _shells.get(key)
    if shell is None:
        context = {"content": CONTENT_PLACEHOLDER, "csrf_token": CSRF_PLACEHOLDER, "request": _ShellRequest(request)}
        shell = render_to_string(response.template_name, context, request)
        if len(_shells) > 50:
            _shells.clear()
        _shells[key] = shell
    path = escape(request.get_full_path())
    return shell.replace(PATH_PLACEHOLDER, path).replace(CONTENT_PLACEHOLDER, response.context_data["content"])


def for_visitors(*, seconds: int, version: Callable[[], object], shell: bool = False):
    """Cache the page per address, language and day under ``version()``: a new version (the search
    index's generation) empties every cached page at once. Logged-in users and pages with messages
    are never cached. With ``shell=True`` the view's template is a layout around one ``content``
    value (already rendered), printed once, and the page is made by ``_page_from_shell``. The version
    the page is stored under is ``request.page_cache_version`` for the view."""

    def decorate(view):
        @wraps(view)
        def cached_view(request, *args, **kwargs):
            if request.user.is_authenticated or len(get_messages(request)):
                return view(request, *args, **kwargs)
            # The view may read the version from the request instead of asking for it again.
            request.page_cache_version = current = version()
            address = f"{current}|{timezone.localdate()}|{translation.get_language()}|{request.get_full_path()}"
            key = "register:page:" + hashlib.sha1(address.encode(), usedforsecurity=False).hexdigest()
            page = cache.get(key)
            if page is None:
                response = view(request, *args, **kwargs)
                if not isinstance(response, TemplateResponse) or response.status_code != 200:
                    return response
                if shell:
                    page = _page_from_shell(request, response)
                else:
                    response.context_data = {**(response.context_data or {}), "csrf_token": CSRF_PLACEHOLDER}
                    page = response.render().content.decode()
                cache.set(key, page, seconds)
            return HttpResponse(page.replace(CSRF_PLACEHOLDER, get_token(request)))

        return cached_view

    return decorate
