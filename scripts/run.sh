#!/usr/bin/env bash
# Start Kring for development: migrate, seed demo data on an empty database, then the task worker
# (restarted when it dies) and the web server together. Ctrl-C stops both.
set -euo pipefail
export DEBUG="${DEBUG:-1}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# Absolute links (QR codes, PDFs, e-mails, calendar feeds, open data) follow the address served here,
# unless SITE_URL says otherwise (behind a proxy or a tunnel); the host must be allowed too.
export SITE_URL="${SITE_URL:-http://${HOST}:${PORT}}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost,${HOST}}"
PY="${PY:-.venv/bin/python}"  # another interpreter only for the test of this script
mkdir -p var
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_demo --if-empty
# Background jobs of a script ignore Ctrl-C (SIGINT), so the script stops both with SIGTERM itself:
# on Ctrl-C, on SIGTERM, and when either of them ends on its own (a port in use, a crash).
pids=()
stop() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; }
trap stop EXIT
trap 'exit 0' INT TERM
# The worker restarts when it dies (a crash, kill -9); a stop it was asked for (exit 0) ends it.
supervise() {
  local child status
  trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' INT TERM
  while true; do
    "$@" &
    child=$!
    status=0
    wait "$child" || status=$?
    if [ "$status" -eq 0 ]; then return 0; fi
    echo "The task worker stopped (exit $status); starting it again in 2 s." >&2
    sleep 2
  done
}
supervise $PY manage.py kring_worker --interval 1 --no-reload &
pids+=($!)
echo "Kring runs at http://${HOST}:${PORT}/ (links say ${SITE_URL}/)  (Ctrl-C stops it)"
$PY manage.py runserver "${HOST}:${PORT}" --noreload &
pids+=($!)
wait -n
