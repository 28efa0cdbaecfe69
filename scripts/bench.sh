#!/usr/bin/env bash
# Run every benchmark in benchmarks/. Each prints a table and writes var/bench/NAME.json.
set -euo pipefail
mkdir -p var/bench
for script in benchmarks/bench_*.py; do
  echo "== $script"
  .venv/bin/python "$script"
done
