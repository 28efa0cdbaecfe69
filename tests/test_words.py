"""The words a person reads first: informal "je", "Inloggen" for logging in, Dutch dates, Django's
plural forms, Django's own Dutch for the password rules, and one translation per word across the
catalogues. Scans Kring's catalogues and templates, and the pages and messages where the mistakes
were seen."""

import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext

KRING = Path(__file__).resolve().parent.parent / "kring"
WRONG = {
    r"\b[Uu]w\b": "formal 'Uw': Kring says 'je'",
    r"\b(U|u) (bent|kunt|hebt|heeft|wilt)\b": "formal 'u': Kring says 'je'",
    r"\bzijn of haar\b": "say 'hun' or rephrase",
    r"Bevestigings e-mail": "one word: 'Bevestigingsmail'",
    r"verificatie code": "one word: 'verificatiecode'",
}
# "Aanmelden" reads as signing up; logging in is "Inloggen".
LOGIN_MSGIDS = re.compile(r"\b(log ?in|sign ?in)\b", re.I)


def _catalogues(language):
    """Every app's catalogue of ``language``, and Kring's own for third-party texts (LOCALE_PATHS)."""
    paths = sorted(KRING.glob(f"*/locale/{language}/LC_MESSAGES/django.po"))
    return paths + [path for path in [KRING / f"locale/{language}/LC_MESSAGES/django.po"] if path.exists()]


def _dutch_catalogues():
    return _catalogues("nl")


@pytest.mark.parametrize("path", _dutch_catalogues(), ids=lambda p: str(p.relative_to(KRING)))
def test_the_dutch_catalogues_use_kind_informal_words(path):
    problems = []
    for entry in polib.pofile(str(path)):
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        for text in texts:
            problems += [(entry.msgid, why) for pattern, why in WRONG.items() if re.search(pattern, text)]
            if LOGIN_MSGIDS.search(entry.msgid) and "aanmeld" in text.lower():
                problems.append((entry.msgid, "'Inloggen' for logging in"))
    assert problems == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_word_has_one_translation_across_the_catalogues(language):
    """Django merges all catalogues of a language into one: Kring's own (LOCALE_PATHS) wins, then
    the apps in the order of INSTALLED_APPS, the earlier app winning. When two catalogues translate
    the same msgid (in the same msgctxt) differently, the later app silently shows the earlier app's
    word, not its own: the register's "Apply" (Toepassen) became finance's "Aanmelden". A word that
    means something else in one app gets a context there (pgettext, {% translate ... context ... %});
    a word that means the same is worded the same everywhere. Fuzzy and obsolete entries are not
    compiled, so they cannot clash; plural forms can."""
    translations = defaultdict(dict)
    for path in _catalogues(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.fuzzy:
                continue
            text = entry.msgstr or tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if any(text):
                translations[(entry.msgctxt, entry.msgid)][str(path.relative_to(KRING))] = text
    clashes = [
        f"{msgid!r}" + (f" (context {context!r})" if context else "") + f": {by_catalogue}"
        for (context, msgid), by_catalogue in translations.items()
        if len(set(by_catalogue.values())) > 1
    ]
    assert clashes == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_app_gets_its_own_words_from_the_merged_catalogue(language):
    """The merged catalogue also holds the words of Django's apps and allauth, which come before
    Kring's apps in INSTALLED_APPS and so win: the admin's "Afmelden" for "Log out" showed in Kring's
    top bar instead of core's "Uitloggen". Every translation in Kring's catalogues is the one a page
    gets; where Kring's word for a third-party msgid differs, Kring's own catalogue (LOCALE_PATHS)
    gives it, or the app's meaning gets a context. Plural forms: Dutch and English use form 0 for
    one and form 1 for the rest."""
    wrong = []
    with translation.override(language):
        for path in _catalogues(language):
            for entry in polib.pofile(str(path)):
                if entry.obsolete or entry.fuzzy:
                    continue
                context, msgid = entry.msgctxt, entry.msgid
                if entry.msgid_plural:
                    expected = {1 if n == 0 else 2: text for n, text in entry.msgstr_plural.items() if text}
                    shown = {
                        count: npgettext(context, msgid, entry.msgid_plural, count)
                        if context
                        else ngettext(msgid, entry.msgid_plural, count)
                        for count in expected
                    }
                elif entry.msgstr:
                    expected, shown = entry.msgstr, pgettext(context, msgid) if context else gettext(msgid)
                else:
                    continue
                if shown != expected:
                    wrong.append(f"{path.relative_to(KRING)}: {msgid!r} is {expected!r} but shows {shown!r}")
    assert wrong == []


def test_templates_show_dates_with_the_full_month_name():
    """'j M Y' gave '10 Okt 2026'; Dutch writes '10 oktober 2026'."""
    short = [
        str(path.relative_to(KRING))
        for path in KRING.glob("*/templates/**/*")
        if path.is_file() and re.search(r'date:"[^"]*\b[MbN]\b', path.read_text())
    ]
    assert short == []


def test_third_party_dutch_is_overridden_where_people_read_it(client, db):
    login = client.get("/accounts/login/").content.decode()
    assert "Inloggen" in login and ">Aanmelden<" not in login
    signup = client.get("/accounts/signup/").content.decode()
    assert "Je wachtwoord moet minstens 8 tekens lang zijn." in signup
    assert "Uw wachtwoord" not in signup


def test_djangos_password_rules_are_dutch_on_the_dutch_sign_up(client, db):
    """Django 5.2's too-short message is missing from Django's own Dutch catalogue, so it showed in
    English; Kring's catalogue (LOCALE_PATHS) gives it."""
    response = client.post(
        "/accounts/signup/", {"email": "a@example.org", "password1": "k0rt", "password2": "k0rt"}
    ).content.decode()
    assert "Dit wachtwoord is te kort. Gebruik minstens 8 tekens." in response
    assert "This password is too short" not in response


@pytest.mark.parametrize(
    ("singular", "plural", "one", "many"),
    [
        ("%(count)d registration changed.", "%(count)d registrations changed.", "1 registratie gewijzigd.", None),
        ("%(count)s new group proposed", "%(count)s new groups proposed", "1 nieuwe groep voorgesteld", None),
        (
            "%(count)s place suggested in an existing group",
            "%(count)s places suggested in existing groups",
            "1 plaats voorgesteld in een bestaande groep",
            None,
        ),
    ],
)
def test_counts_use_plural_forms(singular, plural, one, many):
    with translation.override("nl"):
        assert ngettext(singular, plural, 1) % {"count": 1} == one
        assert ngettext(singular, plural, 6) % {"count": 6} != one.replace("1", "6")


def test_people_looking_for_a_group_reads_well_with_a_number(db):
    from kring.intervision.models import Seeker

    with translation.override("nl"):
        assert str(Seeker._meta.verbose_name_plural) == "mensen die een groep zoeken"
