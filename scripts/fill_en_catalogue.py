"""Fill an English catalogue from its source strings: Kring's source strings are English."""

import sys

import polib

for path in sys.argv[1:]:
    catalogue = polib.pofile(path)
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(path)
