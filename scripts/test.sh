#!/usr/bin/env bash
# The whole test suite: lint, the security analysis, the suite on SQLite, on PostgreSQL when one
# answers, then the browser journeys in headless Chromium. Stops at the first failing step.
set -euo pipefail
PY=.venv/bin/python
PYTEST=".venv/bin/pytest -q -p no:randomly"
WORKERS="${PYTEST_WORKERS:-2}"

echo "== lint (ruff)"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== security analysis (bandit, settings in pyproject.toml)"
# Bandit warns about every other expression on a line that carries a # nosec; only findings matter.
.venv/bin/bandit -c pyproject.toml -r kring scripts manage.py -q 2>&1 | { grep -v "nosec encountered" || true; }
mkdir -p var
echo "== migrations are complete"
$PY manage.py makemigrations --check --dry-run -v 0

echo "== suite on SQLite"
$PYTEST -n "$WORKERS" -m "not browser"

if $PY -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then
  echo "== suite on PostgreSQL (127.0.0.1:5432)"
  DATABASE_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/kring}" $PYTEST -n "$WORKERS" -m "not browser"
else
  echo "== PostgreSQL: SKIPPED, no server answers at 127.0.0.1:5432"
fi

echo "== browser journeys in Chromium"
$PYTEST -m browser tests/browser
