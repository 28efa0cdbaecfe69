"""Fill a catalogue from its source strings: Kring's source strings are English, except the paths of
its pages (context "url"), which are Dutch.

- English catalogue: every string gets its source string, but a path keeps the English written by
  hand (``pgettext_lazy("url", "mijn-gegevens/")`` is ``my-details/``); a new path stays empty, so
  the tests name it until someone writes its English.
- Dutch catalogue (``--urls``): only the paths, which are their own Dutch; the rest is written by hand.
"""

import sys

import polib

URL = "url"

paths_only = "--urls" in sys.argv[1:]
for path in [arg for arg in sys.argv[1:] if arg != "--urls"]:
    catalogue = polib.pofile(path, wrapwidth=0 if paths_only else 78)  # the Dutch stays unwrapped
    for entry in catalogue:
        guessed = "fuzzy" in entry.flags  # msgmerge's guess from a similar string: never right for a path
        if entry.msgctxt == URL:
            if paths_only and (guessed or not entry.msgstr):
                entry.msgstr = entry.msgid
            elif not paths_only and guessed:
                entry.msgstr = ""
        elif paths_only:
            continue
        elif entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if guessed:
            entry.flags.remove("fuzzy")
            if entry.msgctxt == URL:
                entry.previous_msgid = entry.previous_msgctxt = None
    catalogue.save(path)
