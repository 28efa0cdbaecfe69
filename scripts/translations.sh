#!/usr/bin/env bash
# Update the translation catalogues of one app (or all): scan for strings, then fill the English
# catalogue from the English source strings. Dutch translations are written by hand in
# kring/<app>/locale/nl/LC_MESSAGES/django.po. The paths of pages (pgettext_lazy("url", ...) in
# urls.py) are the other way round: Dutch source, the Dutch catalogue filled with it, the English
# written by hand (the prefixes in kring/urls.py in kring/locale/en/LC_MESSAGES/django.po).
# Usage: scripts/translations.sh [app ...]     e.g. scripts/translations.sh members
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
apps=("$@")
[ ${#apps[@]} -eq 0 ] && apps=($(cd "$root/kring" && ls -d */ | tr -d / | grep -v __pycache__))
for app in "${apps[@]}"; do
  dir="$root/kring/$app"
  [ -f "$dir/apps.py" ] || continue
  mkdir -p "$dir/locale"
  (cd "$dir" && "$root/.venv/bin/python" "$root/manage.py" makemessages -l nl -l en --no-obsolete --no-location --no-wrap -v 0)
  catalogue="$dir/locale/en/LC_MESSAGES/django.po"
  # An app without words of its own (demo) gets no catalogue: leave no empty folder behind.
  if [ ! -s "$catalogue" ]; then rm -rf "$dir/locale"; continue; fi
  "$root/.venv/bin/python" "$root/scripts/fill_en_catalogue.py" "$catalogue"
  "$root/.venv/bin/python" "$root/scripts/fill_en_catalogue.py" --urls "$dir/locale/nl/LC_MESSAGES/django.po"
done
