#!/usr/bin/env bash
# Prints the release bundle's sizes and fails when wasm + js exceed the gzip budget.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_GZIP=$((250 * 1024))

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }

total=0
for kind in wasm js css; do
  raw=0 zipped=0
  for f in dist/*."$kind"; do
    [ -f "$f" ] || continue
    raw=$((raw + $(size "$f"))); zipped=$((zipped + $(gz "$f")))
  done
  printf '%-5s %9d bytes raw %9d bytes gzip\n' "$kind" "$raw" "$zipped"
  [ "$kind" = css ] || total=$((total + zipped))
done
printf 'wasm+js %d bytes gzip (budget %d)\n' "$total" "$BUDGET_GZIP"
if [ "$total" -gt "$BUDGET_GZIP" ]; then
  echo "the release wasm + js is over its gzip budget" >&2
  exit 1
fi
