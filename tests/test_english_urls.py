"""English pages have English paths (/en/my-details/), Dutch pages keep the Dutch paths they always had
(/mijn-gegevens/), and old English links (/en/ and a Dutch path) redirect to the English page."""

import html
import re
from types import ModuleType

import pytest
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from kring.core.old_links import english_address
from kring.events.tests.helpers import make_event

# The main pages, written out: a missing or changed translation fails here, not only in a walk.
MAIN_PAGES = [
    ("home", {}, "/", "/en/"),
    ("about", {}, "/over-ons/", "/en/about-us/"),
    ("contact", {}, "/contact/", "/en/contact/"),
    ("privacy", {}, "/privacy/", "/en/privacy/"),
    ("accessibility", {}, "/toegankelijkheid/", "/en/accessibility/"),
    ("finance:join", {}, "/lid-worden/", "/en/become-a-member/"),
    ("members:home", {}, "/mijn-gegevens/", "/en/my-details/"),
    ("members:erasure", {}, "/mijn-gegevens/privacy/wissen/", "/en/my-details/privacy/erase/"),
    ("finance:my_invoices", {}, "/mijn-gegevens/facturen/", "/en/my-details/invoices/"),
    ("register:search", {}, "/register/", "/en/register/"),
    ("register:detail", {"number": "000042"}, "/register/000042/", "/en/register/000042/"),
    ("events:list", {}, "/evenementen/", "/en/events/"),
    ("events:detail", {"pk": 7}, "/evenementen/7/", "/en/events/7/"),
    ("events:register", {"pk": 7}, "/evenementen/7/aanmelden/", "/en/events/7/sign-up/"),
    ("intervision:home", {}, "/intervisie/", "/en/intervision/"),
    ("intervision:group_list", {}, "/intervisie/groepen/", "/en/intervision/groups/"),
    ("intervision:seeker", {}, "/intervisie/ik-zoek-een-groep/", "/en/intervision/looking-for-a-group/"),
    ("recertification:dashboard", {}, "/herregistratie/", "/en/recertification/"),
    ("recertification:dossier", {}, "/herregistratie/dossier/", "/en/recertification/dossier/"),
    ("accreditation:public_list", {}, "/opleidingen/", "/en/programmes/"),
    ("accreditation:institute_home", {}, "/opleidingen/instituut/", "/en/programmes/institute/"),
    ("complaints:ethics", {}, "/erecode/", "/en/code-of-ethics/"),
    ("complaints:file", {}, "/klachten/indienen/", "/en/complaints/file/"),
    ("complaints:rulings", {}, "/klachten/uitspraken/", "/en/complaints/rulings/"),
    ("find:home", {}, "/vinden/", "/en/find/"),
    ("find:courses", {}, "/vinden/cursussen/", "/en/find/courses/"),
    ("find:retreats", {}, "/vinden/retraites/", "/en/find/retreats/"),
    ("find:supervisors", {}, "/vinden/supervisoren/", "/en/find/supervisors/"),
    ("accounts:two_factor_required", {}, "/account/twee-staps/", "/en/account/two-step/"),
    ("account_login", {}, "/accounts/login/", "/en/accounts/login/"),  # allauth's own
    ("admin:index", {}, "/bureau/", "/en/office/"),
]


@pytest.mark.parametrize(("name", "kwargs", "dutch", "english"), MAIN_PAGES, ids=[p[0] for p in MAIN_PAGES])
def test_the_main_pages_have_a_dutch_and_an_english_path(name, kwargs, dutch, english):
    with translation.override("nl"):
        assert reverse(name, kwargs=kwargs) == dutch
    with translation.override("en"):
        assert reverse(name, kwargs=kwargs) == english
        assert resolve(english).view_name == name


# Path segments that are the same word in Dutch and English (or were English from the start).
SAME_IN_BOTH = {
    "",
    "account",
    "accounts",
    "bank",
    "conflict",
    "contact",
    "document",
    "dossier",
    "dossiers",
    "download",
    "export.csv",
    "export.xlsx",
    "office",
    "open-data",
    "pain008.xml",
    "pdf",
    "privacy",
    "proof.pdf",
    "recognitions.csv",
    "register",
    "register.csv",
    "register.json",
    "status",
}
CONVERTER = re.compile(r"<[^>]+>")
PLAIN = re.compile(r"^[a-z0-9]+([.-][a-z0-9]+)*$")


def _page_patterns():
    """(Dutch route, English route, view name, own) for every pattern under i18n_patterns; the
    admin and allauth (``own`` False) are listed by their prefix only, their own paths are theirs."""
    (pages,) = [p for p in get_resolver().url_patterns if isinstance(getattr(p, "pattern", None), LocalePrefixPattern)]

    def walk(patterns, dutch, english, namespace):
        for pattern in patterns:
            with translation.override("nl"):
                nl = dutch + str(pattern.pattern)
            with translation.override("en"):
                en = english + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                module = pattern.urlconf_module
                if isinstance(module, ModuleType) and module.__name__.startswith("kring."):
                    inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                    yield from walk(pattern.url_patterns, nl, en, inner)
                else:
                    yield nl, en, None, False
            else:
                yield nl, en, f"{namespace}{pattern.name}" if pattern.name else None, True

    return list(walk(pages.url_patterns, "", "", ""))


def test_every_page_path_has_its_english_where_the_dutch_is_a_dutch_word():
    patterns = _page_patterns()
    assert len(patterns) > 150
    missing = []
    for dutch, english, name, _own in patterns:
        assert CONVERTER.findall(dutch) == CONVERTER.findall(english), (dutch, english)
        nl_segments, en_segments = dutch.split("/"), english.split("/")
        assert len(nl_segments) == len(en_segments), (dutch, english)
        for nl, en in zip(nl_segments, en_segments, strict=True):
            if CONVERTER.search(nl):
                assert nl == en, (dutch, english)
            elif nl not in SAME_IN_BOTH and nl == en:
                missing.append(f"{dutch} ({name}): {nl!r} has no English")
            else:
                assert en == "" or PLAIN.match(en), f"{english}: lower-case words with hyphens"
    assert missing == []


def _sample(route: str) -> str:
    return CONVERTER.sub(lambda m: "7" if m.group().startswith("<int:") else "x7", route)


def test_every_english_path_opens_its_own_page_and_switches_language_both_ways():
    """No English path is taken by another pattern, and translate_url (the language switch) goes
    from each Dutch path to its English one and back."""
    from django.urls import translate_url

    for dutch, english, name, own in _page_patterns():
        if not own or name is None:
            continue
        nl_path, en_path = "/" + _sample(dutch), "/en/" + _sample(english)
        with translation.override("en"):
            assert resolve(en_path).view_name == name, en_path
            assert translate_url(en_path, "nl") == nl_path
        with translation.override("nl"):
            assert resolve(nl_path).view_name == name, nl_path
            assert translate_url(nl_path, "en") == en_path


# Old English links: /en/ and a Dutch path.


def test_an_old_english_link_redirects_permanently_to_the_english_page(client, db):
    response = client.get("/en/mijn-gegevens/privacy/wissen/")
    assert response.status_code == 301 and response["Location"] == "/en/my-details/privacy/erase/"
    response = client.get("/en/over-ons/")
    assert response.status_code == 301 and response["Location"] == "/en/about-us/"
    assert client.get("/en/bureau/").status_code == 301  # the office's admin too


def test_an_old_english_link_keeps_its_arguments_and_query(client, db):
    event = make_event()
    response = client.get(f"/en/evenementen/{event.pk}/?from=mail")
    assert response.status_code == 301 and response["Location"] == f"/en/events/{event.pk}/?from=mail"
    assert client.get(response["Location"]).status_code == 200
    response = client.get("/en/intervisie/agenda/persoonlijk/abc.ics")
    assert response["Location"] == "/en/intervision/calendar/personal/abc.ics"


def test_an_old_link_to_a_page_that_is_gone_is_not_found_after_one_step(client, db):
    response = client.get("/en/evenementen/999999/", follow=True)
    assert response.redirect_chain == [("/en/events/999999/", 301)] and response.status_code == 404


def test_what_was_never_a_page_stays_not_found(client, db):
    assert client.get("/en/bestaat-niet/").status_code == 404
    assert client.get("/en/register/999999/").status_code == 404  # the same in both: no redirect to itself
    assert client.get("/en/my-details/bestaat-niet/").status_code == 404


def test_only_reading_is_redirected(client, db):
    assert client.post("/en/klachten/indienen/").status_code == 404


def test_the_redirect_is_only_for_english_paths():
    assert english_address("/mijn-gegevens/") is None  # Dutch: never changed
    assert english_address("/en/my-details/") is None  # already English
    assert english_address("/en/healthz") is None  # no language prefix in either
    assert english_address("/en/klachten/volgen/abc/") == "/en/complaints/follow/abc/"


def test_the_dutch_paths_are_as_they_always_were(client, db):
    assert client.get("/over-ons/").status_code == 200
    assert client.get("/lid-worden/").status_code == 200
    assert client.get("/evenementen/").status_code == 200
    assert client.get("/vinden/cursussen/").status_code == 200


# The language switch in the layout: the same page in the other language, arguments and all.


def _switch(client, path: str, language: str) -> str:
    """Opens ``path``, then sends the layout's language switch as a person does; where it leads."""
    page = client.get(path)
    assert page.status_code == 200, path
    form = re.search(r'<form class="language-switch" action="([^"]+)".*?</form>', page.content.decode(), re.S)
    following = re.search(r'name="next" type="hidden" value="([^"]*)"', form.group()).group(1)
    response = client.post(form.group(1), {"language": language, "next": html.unescape(following)})
    assert response.status_code == 302
    return response["Location"]


def test_the_switch_takes_an_event_page_to_english_and_back(client, db):
    event = make_event()
    english = _switch(client, f"/evenementen/{event.pk}/", "en")
    assert english == f"/en/events/{event.pk}/"
    assert '<html lang="en">' in client.get(english).content.decode()
    assert _switch(client, english, "nl") == f"/evenementen/{event.pk}/"


def test_the_switch_takes_a_trainers_public_page_to_english_and_back(client, trainer):
    english = _switch(client, "/register/004211/", "en")
    assert english == "/en/register/004211/"
    assert _switch(client, english, "nl") == "/register/004211/"


def test_the_switch_keeps_the_search_and_the_page_of_a_member(client, member):
    client.force_login(member.user)
    assert _switch(client, "/mijn-gegevens/profiel/", "en") == "/en/my-details/profile/"
    assert _switch(client, "/en/my-details/profile/", "nl") == "/mijn-gegevens/profiel/"
    assert _switch(client, "/vinden/cursussen/?postcode=3512", "en") == "/en/find/courses/?postcode=3512"
