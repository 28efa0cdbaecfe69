"""The public register: find a trainer, a trainer's page, the proof of registration, open data;
and the office's exports."""

from __future__ import annotations

import hashlib
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited

from kring.core.access import PUBLIC, allow
from kring.core.downloads import name_download
from kring.register import documents, exports, page_cache, page_hook, public, search, search_index
from kring.register import search_page as search_fragment
from kring.register.forms import SearchForm
from kring.register.models import Level

SEARCH_PARAMETERS = (
    "q",
    "postcode",
    "country",
    "distance",
    "programme",
    "domain",
    "target",
    "language",
    "online",
    "sort",
    "page",
)
SEARCH_CACHE_SECONDS = 300
PROOF_RETRY_SECONDS = 3


def _page_number(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 7 else 1


_levels: dict[str, dict[str, str]] = {}  # language -> level -> its name


def _cards(results) -> list[dict]:
    """What each result card shows, prepared here so that the template stays a cheap loop."""
    if results is None:
        return []
    programme_names = search.names("programme")
    pages_at = reverse("register:search")  # a trainer's page is <search page><number>/
    away = _("%(km)s km away")
    language = translation.get_language()
    levels = _levels.get(language) or _levels.setdefault(language, {v: str(label) for v, label in Level.choices})
    return [
        {
            "result": result,
            "url": f"{pages_at}{entry.number}/",
            "name": entry.name,
            "number": entry.number,
            "place": result.place,
            "photo": entry.photo,
            "online": entry.online,
            "level": levels.get(entry.level, entry.level),
            "programmes": ", ".join(
                programme_names[code] for code in entry.programmes.split() if code in programme_names
            ),
            "distance": away % {"km": _km(result.distance_km, language)} if result.distance_km is not None else "",
        }
        for result, entry in ((result, result.entry) for result in results.results)
    ]


_TENTH = Decimal("0.1")
_km_texts: dict[tuple[str, Decimal], str] = {}  # at most some thousand tenths of a km per language


def _km(distance: float, language: str) -> str:
    """``floatformat(distance, 1)``, looked up per tenth of a km and language: the filter cost half of
    the cards. The tenth is found as the filter finds it (the decimal text of the float, rounded half up),
    so the text is the same."""
    tenth = Decimal(repr(distance)).quantize(_TENTH, ROUND_HALF_UP)
    text = _km_texts.get((language, tenth))
    if text is None:
        text = _km_texts[language, tenth] = floatformat(tenth, 1)
    return text


def _links(query, form, results) -> dict:
    """The query strings of the page's links, encoded as ``QueryDict.urlencode`` encodes them (without
    copying the query twice for every search)."""
    kept = [(name, value) for name, values in query.lists() if name != "page" for value in values]
    other = ""
    if form.other_country:  # only then does the page link to the other country
        changed = {**dict(query.lists()), "country": [form.other_country]}
        other = urlencode([(name, value) for name, values in changed.items() if name != "page" for value in values])
    return {
        "base_query": urlencode(kept) + "&" if kept else "",
        "other_country_query": other,
        "first_number": (results.page - 1) * search.PAGE_SIZE + 1 if results else 1,
    }


@require_GET
@allow(PUBLIC)
@page_cache.for_visitors(seconds=SEARCH_CACHE_SECONDS, version=search_index.generation, shell=True)  # nosec B604 # "shell" is the page cache's layout option, not a subprocess
def search_page(request):
    """Results are the same for every visitor: the form and results are cached per query, language and
    day under the index's generation, so a change of the register empties them at once. Visitors who
    are not logged in get the whole page from ``page_cache`` (so this cache is for the others)."""
    today = timezone.localdate()
    generation = getattr(request, "page_cache_version", None) or search_index.generation()
    key = _fragment_key(request, generation, today) if request.user.is_authenticated else None
    content = cache.get(key) if key else None
    if content is None:
        form = SearchForm(request.GET)
        results = None
        if form.is_valid():
            results = search.find(form.criteria(_page_number(request.GET.get("page"))), today, generation)
        context = {
            "form": form,
            "results": results,
            "searched": any(request.GET.get(n) for n in SEARCH_PARAMETERS),
            "cards": _cards(results),
            **_links(request.GET, form, results),
        }
        content = search_fragment.render(context, request)
        if key:
            cache.set(key, content, SEARCH_CACHE_SECONDS)
    return TemplateResponse(request, "register/search.html", {"content": content})


def _fragment_key(request, generation: str, today) -> str:
    prefix = f"{generation}|{today}|{translation.get_language()}|"
    params = "&".join(
        f"{name}={','.join(sorted(v.strip() for v in request.GET.getlist(name)))}" for name in SEARCH_PARAMETERS
    )
    return "register:search:" + hashlib.sha1((prefix + params).encode(), usedforsecurity=False).hexdigest()


@allow(PUBLIC)
def detail(request, number):
    found = public.registration_for_page(number)
    if found is None:
        return render(request, "register/not_found.html", {"number": number}, status=404)
    registration, standing = found
    return render(
        request,
        "register/detail.html",
        {
            "registration": registration,
            "person": registration.person,
            "standing": standing,
            "profile": public.profile(registration.person),
            "qr_svg": documents.qr_svg(documents.absolute_url(registration)) if standing.registered else "",
            "page_url": documents.absolute_url(registration),
            # Parts that apps above the register add (kring.register.page_hook), e.g. the trainer's courses.
            "extra_sections": page_hook.sections(registration, timezone.localdate()) if standing.registered else [],
        },
    )


@allow(PUBLIC)
def proof(request, number):
    """A proof served before in this generation of the register comes from ``documents`` without
    reading the registration; every client address may ask for ``KRING_PROOF_RATE`` proofs (e.g. 30
    a minute), and a process renders ``KRING_PROOF_RENDERS`` at a time, so nobody can keep the server
    rendering PDFs."""
    if is_ratelimited(request, group="register:proof", key="ip", rate=settings.KRING_PROOF_RATE, increment=True):
        response = render(request, "register/too_many_proofs.html", status=429)
        response["Retry-After"] = "60"
        return response
    generation = search_index.generation()
    pdf = documents.known_proof(number, generation)
    if pdf is None:
        found = public.registration_for_page(number)
        if found is None or not found[1].registered:
            return render(request, "register/not_found.html", {"number": number, "no_proof": True}, status=404)
        try:
            pdf = documents.proof_pdf(*found, generation)
        except documents.Busy:
            response = render(request, "register/proof_busy.html", {"seconds": PROOF_RETRY_SECONDS}, status=503)
            response["Retry-After"] = str(PROOF_RETRY_SECONDS)
            return response
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="proof-of-registration-{number}.pdf"'
    return response


@allow(PUBLIC)
def open_data_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="register.csv"'
    exports.open_data_csv(response, timezone.localdate())
    return response


@allow(PUBLIC)
def open_data_json(request):
    response = JsonResponse(exports.open_data(timezone.localdate()), json_dumps_params={"ensure_ascii": False})
    return name_download(response, "register.json", inline=True)  # read by programs; saved with a name


@allow("office")
def office_register_csv(request):
    return exports.office_download("register", by=request.user)


@allow("office")
def office_recognitions_csv(request):
    return exports.office_download("recognitions", by=request.user)
