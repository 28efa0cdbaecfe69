# Kring's workflow. `make help` lists the targets.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
RUN_PACKAGES := gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_PACKAGES := $(RUN_PACKAGES) chromium

.PHONY: help run test bench lint setup messages worker clean

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: setup ## Start Kring with demo data on SQLite at http://$(HOST):$(PORT) (Ctrl-C stops it)
	@scripts/ensure-system-packages $(RUN_PACKAGES)
	@HOST=$(HOST) PORT=$(PORT) scripts/run.sh

test: setup ## Lint, security analysis, then the whole suite on SQLite, PostgreSQL (when reachable) and in Chromium
	@scripts/ensure-system-packages $(TEST_PACKAGES)
	@command -v java >/dev/null || scripts/ensure-system-packages default-jre-headless  # the HTML validator (vnu.jar)
	@scripts/test.sh

bench: setup ## Run the benchmarks in benchmarks/ (figures in var/bench/)
	@scripts/ensure-system-packages $(RUN_PACKAGES)
	@scripts/bench.sh

lint: setup ## Check code style with ruff
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check . || { echo "ruff format would change the files listed above: run .venv/bin/ruff format ."; exit 1; }

setup: .venv/.synced messages ## Install uv and the Python packages, compile the translations

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet
	@touch $@

messages: .venv/.synced
	@scripts/ensure-system-packages gettext
	@if find kring -name django.po | grep -q .; then $(PY) manage.py compilemessages --ignore=.venv --ignore=.tools -v 0; fi

clean: ## Remove the virtual environment and local data (var/)
	rm -rf .venv .tools var
