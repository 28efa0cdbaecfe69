from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import translation
from django.views import i18n

from kring.core import health, public_pages
from kring.core.access import PUBLIC, allow
from kring.core.home import home_entries


@allow(PUBLIC)
def home(request):
    return render(request, "core/home.html", {"entries": home_entries()})


@allow(PUBLIC)
def public_page(request, key):
    """One of the pages the office writes: about us, contact, privacy, accessibility. (Becoming a member
    is finance's join page, which shows the office's text above the application.)"""
    return render(request, "core/public_page.html", {"page": public_pages.page(key)})


@allow(PUBLIC)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; it is a static file like the SVG icon."""
    response = redirect(static("core/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@allow(PUBLIC)
def healthz(request):
    """200 when the database answers with Kring's data, 503 when not. For load balancers and monitoring."""
    problem = health.database_problem()
    if problem:
        return HttpResponse(f"{problem}\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@allow(PUBLIC)
def set_language(request):
    """Django's language switch, reading the page to return to in that page's own language.

    ``/i18n/setlang/`` has no language prefix, so Django runs it in Dutch and cannot resolve an English
    address such as ``/en/accounts/login/``: switching back to Dutch would stay on the English page.
    """
    page_language = translation.get_language_from_path(urlsplit(request.POST.get("next", "")).path)
    with translation.override(page_language or settings.LANGUAGE_CODE):
        return i18n.set_language(request)
