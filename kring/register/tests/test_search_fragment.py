"""The search fragment rendered by Jinja2 (``search_page``) is the same markup (up to white space) as ``_search.html``
which Django templates render, for results, errors, guesses, paging, both languages."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from kring.register import search, search_index, search_page, views
from kring.register.forms import SearchForm

from .conftest import public_trainer

QUERIES = [
    "",
    "postcode=3512&distance=25",
    "postcode=3512&distance=100&sort=name&page=2",
    "postcode=9000",
    "postcode=1012&country=BE",
    "postcode=abcd&distance=2",
    "programme=mbsr&programme=mbct&online=1",
    "programme=yoga",
    "q=O%27Brien+%3Cb%3E&postcode=3512",
    "q=utrecht",
]


@pytest.fixture
def trainers(db, reindex):
    for n in range(23):
        public_trainer(f"T{n:02d}", "Utrecht", "3512", programmes=("mbsr", "mbct")[: n % 3], online=n % 2 == 0)
    public_trainer("Seán", "O'Brien <b>", "3811")
    public_trainer("Dirk", "Gent", "9000", "BE")
    reindex()


def both(query):
    request = RequestFactory().get(f"/register/?{query}")
    form = SearchForm(request.GET)
    results = None
    if form.is_valid():
        results = search.find(form.criteria(views._page_number(request.GET.get("page"))), timezone.localdate())
    context = {
        "form": form,
        "results": results,
        "searched": any(request.GET.get(n) for n in views.SEARCH_PARAMETERS),
        "cards": views._cards(results),
        **views._links(request.GET, form, results),
    }
    return render_to_string("register/_search.html", context), search_page.render(context, request)


def squeeze(html):
    return " ".join(html.split()).replace("> <", "><")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("query", QUERIES)
def test_jinja2_renders_what_django_templates_render(trainers, query, language):
    with translation.override(language):
        django_page, jinja_page = both(query)
    assert squeeze(jinja_page) == squeeze(django_page)


def test_the_page_escapes_what_people_typed(trainers):
    _, page = both("q=%3Cscript%3E&postcode=3512")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert search_index.generation()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_cards_distance_reads_as_floatformat_writes_it(language):
    """The cards look distances up per tenth of a km; the text must be floatformat's, also for values
    halfway between two tenths and for ones whose binary value lies just below or above the half."""
    from django.template.defaultfilters import floatformat

    distances = [0.0, 0.05, 0.15, 2.25, 2.35, 9.95, 99.95, 100.0, 1e-9, 12.349999999, 12.35000001]
    distances += [n / 100 for n in range(0, 15000, 7)]
    with translation.override(language):
        assert [views._km(d, language) for d in distances] == [floatformat(d, 1) for d in distances]
