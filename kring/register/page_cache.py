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
from django.template.response import TemplateResponse
from django.utils import timezone, translation

CSRF_PLACEHOLDER = "kring-page-cache-csrf-token"


def for_visitors(*, seconds: int, version: Callable[[], object]):
    """Cache the page per address, language and day under ``version()``: a new version (the search
    index's generation) empties every cached page at once. Logged-in users and pages with messages
    are never cached."""

    def decorate(view):
        @wraps(view)
        def cached_view(request, *args, **kwargs):
            if request.user.is_authenticated or len(get_messages(request)):
                return view(request, *args, **kwargs)
            address = f"{version()}|{timezone.localdate()}|{translation.get_language()}|{request.get_full_path()}"
            key = "register:page:" + hashlib.sha1(address.encode(), usedforsecurity=False).hexdigest()
            page = cache.get(key)
            if page is None:
                response = view(request, *args, **kwargs)
                if not isinstance(response, TemplateResponse) or response.status_code != 200:
                    return response
                response.context_data = {**(response.context_data or {}), "csrf_token": CSRF_PLACEHOLDER}
                page = response.render().content.decode()
                cache.set(key, page, seconds)
            return HttpResponse(page.replace(CSRF_PLACEHOLDER, get_token(request)))

        return cached_view

    return decorate
