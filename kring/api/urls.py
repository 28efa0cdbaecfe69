"""``/api/v1/``: the insurers' API. Every call to an operation is logged (``ApiCall``)."""

from functools import wraps

from django.urls import path
from django.views.generic import RedirectView

from kring.api.api import api
from kring.api.models import ApiCall

app_name = "api"

UNLOGGED = {"openapi-json", "openapi-view"}  # the public documentation


def printable(text: str) -> str:
    """What was asked, safe to store: PostgreSQL refuses NUL characters in text."""
    return text.replace("\x00", "\ufffd")


def logged(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        key = getattr(request, "api_key", None)
        asked = getattr(request, "api_asked", "") or request.META.get("QUERY_STRING", "")
        ApiCall.objects.create(
            key=key,
            insurer_id=key.insurer_id if key else None,
            method=request.method,
            path=printable(request.path)[:300],
            query=printable(asked)[:500],
            status_code=response.status_code,
        )
        return response

    return wrapper


def logged_urls():
    patterns, app, namespace = api.urls
    urls = [
        pattern
        if pattern.name in UNLOGGED
        else path(str(pattern.pattern), logged(pattern.callback), pattern.default_args, pattern.name)
        for pattern in patterns
        if pattern.name != "api-root"
    ]
    # ninja's own root page answers only in DEBUG; send people to the documentation instead.
    return [*urls, path("", RedirectView.as_view(pattern_name="api:v1:openapi-view"), name="api-root")], app, namespace


urlpatterns = [
    path("v1/", logged_urls()),
]
