"""Dutch is the default language and English is complete: every catalogue entry is translated."""

from pathlib import Path

import polib
import pytest

CATALOGUES = sorted(Path(__file__).resolve().parents[2].glob("*/locale/*/LC_MESSAGES/django.po"))


def test_it_has_a_dutch_and_an_english_catalogue_per_app_with_strings():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert {"nl", "en"} <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: "/".join(p.parts[-5:-2]))
def test_it_translates_every_string(path):
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy (needs review) in {path}: {fuzzy[:10]}"
