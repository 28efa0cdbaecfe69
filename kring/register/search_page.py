"""The fragment of "find a trainer" (form and results) rendered with Jinja2, Django's other template engine.

Why: the search page is the busiest page of Kring and the one a cache cannot help with (every visitor
searches somewhere else). Rendering its fragment with Django templates cost more than finding the
results (about 4 ms of a 15 ms request: includes, loops, filters and ``{% translate %}`` per card).
Jinja2 compiles the template to Python, which renders the same markup several times faster.

The words are translated here in Python, not in the Jinja2 template, so that ``makemessages`` finds
them and the catalogues stay complete; ``register/_search.html`` (Django templates) renders the same
page and the tests compare the two, so they cannot drift apart.
"""

from __future__ import annotations

import html

import jinja2
from django.template import engines
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

_words: dict[str, dict[str, str]] = {}


class _Environment(jinja2.Environment):
    """Jinja2 reads ``card.name`` as an attribute first and as a key only after an AttributeError; the
    fragment's values are dicts, and that exception per value cost a tenth of the rendering. A key of a
    dict is therefore read first (the fragment's keys name no method of a dict)."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def _escape(value) -> str:
    """``conditional_escape``, the same result without its check for lazy arguments on every call (a
    third of the rendering): lazy text becomes text first, safe text stays as it is, the rest is escaped
    as ``django.utils.html.escape`` escapes (``html.escape``, so ``'`` becomes ``&#x27;``)."""
    kind = type(value)
    if kind is SafeString:  # most printed values: the page's words and the prepared options
        return value
    if kind is str:
        return html.escape(value)
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def environment(**options) -> jinja2.Environment:
    """Escaping exactly as Django templates escape (``'`` as ``&#x27;``), so both render the same markup."""
    options.update(autoescape=False, finalize=_escape)
    return _Environment(**options)  # nosec B701 # every printed value goes through _escape


def words() -> dict[str, str]:
    """The page's fixed words in the active language, translated once per language and process."""
    language = translation.get_language()
    found = _words.get(language)
    if found is None:
        found = {
            "title": _("Find a trainer"),
            "intro": _(
                "Every trainer here is registered with the association today. Search by name or place, "
                "or by postcode to find trainers near you."
            ),
            "attention": _("Something needs your attention. Please look at the fields marked below."),
            "optional": _("optional"),
            "belgium": _("Did you mean Belgium?"),
            "netherlands": _("Did you mean the Netherlands?"),
            "there": _("Search with this postcode there"),
            "more": _("More filters: name or place, country, programme, language and more"),
            "search": _("Search"),
            "clear_all": _("Clear all filters"),
            "none": _("No registered trainer matches all your choices. Try a larger distance or fewer filters."),
            "level": _("Level"),
            "place": _("Place"),
            "programmes": _("Programmes"),
            "online": _("Online"),
            "online_text": _("Also teaches online"),
            "number": _("Register number"),
            "pages": _("Pages"),
            "previous": _("Previous page"),
            "next": _("Next page"),
            "open_data": _("The register is also available as open data:"),
            "search_url": reverse("register:search"),
            "csv_url": reverse("register:open_data_csv"),
            "json_url": reverse("register:open_data_json"),
        }
        # Our own translations, printed unescaped as {% translate %} prints them.
        found = _words[language] = {key: mark_safe(text) for key, text in found.items()}  # nosec B308 B703
    return found


def found_heading(count: int) -> str:
    return mark_safe(  # nosec B308 B703 # our translation around a number
        ngettext("%(counter)s trainer found", "%(counter)s trainers found", count) % {"counter": count}
    )


def page_of(page: int, pages: int) -> str:
    return mark_safe(_("Page %(page)s of %(pages)s") % {"page": page, "pages": pages})  # nosec B308 B703 # numbers


def guessed(origin) -> str:
    # As {% blocktranslate %}: the words as they are, the values escaped.
    return format_html(
        _("%(postcode)s is not a Dutch postcode, so we searched in Belgium: %(postcode)s %(place)s.")
        .replace("%(postcode)s", "{postcode}")
        .replace("%(place)s", "{place}"),
        postcode=origin.postcode,
        place=origin.name,
    )


def render(context: dict, request) -> str:
    form, results = context["form"], context["results"]
    extra = {
        "w": words(),
        "first_fields": form.first_fields(),
        "more_fields": form.more_fields(),
        "more_open": form.more_in_use(),
        "online_checked": bool(form["online"].value()),
        "guessed": guessed(form.cleaned_data["origin"]) if form.guessed_country else "",
        "heading": found_heading(results.count) if results else "",
        "page_of": page_of(results.page, results.pages) if results and results.pages > 1 else "",
    }
    template = engines["jinja2"].get_template("register/search_fragment.html")
    if template_rendered.has_listeners():  # the test client's record of contexts, as for Django templates
        template_rendered.send(sender=template, template=template, context={**context, **extra})
    return mark_safe(template.render({**context, **extra}, request))  # nosec B308 B703 # escaped as it rendered
