#!/usr/bin/env bash
# Start Kring for development: migrate, seed demo data on an empty database, then the task worker
# and the web server together. Ctrl-C stops both.
set -euo pipefail
export DEBUG="${DEBUG:-1}"
PY=.venv/bin/python
mkdir -p var
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_demo --if-empty
$PY manage.py db_worker --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
trap 'exit 0' INT TERM
echo "Kring runs at http://${HOST}:${PORT}/  (Ctrl-C stops it)"
$PY manage.py runserver "${HOST}:${PORT}" --noreload &
wait $!
