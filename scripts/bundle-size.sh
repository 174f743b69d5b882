#!/usr/bin/env bash
# Prints the release bundle's sizes. Fails when wasm + js exceed the ceiling; reports whether
# they meet the performance budget (250 KB gzip), which the ceiling comes down to.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_GZIP=$((250 * 1024))
# A ratchet against growth while the bundle is above budget: it comes down as cuts land, and a
# change that must grow the bundle says so here and in docs/performance.md.
CEILING_GZIP=$((516 * 1024))

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }

total=0
for kind in wasm js html; do
  raw=0 zipped=0
  for f in dist/*."$kind"; do
    [ -f "$f" ] || continue
    raw=$((raw + $(size "$f"))); zipped=$((zipped + $(gz "$f")))
  done
  printf '%-5s %9d bytes raw %9d bytes gzip\n' "$kind" "$raw" "$zipped"
  # The page, its style sheets inlined, is told apart from the app's code the ceiling holds.
  [ "$kind" = html ] || total=$((total + zipped))
done
if [ "$total" -le "$BUDGET_GZIP" ]; then
  printf 'wasm+js %d bytes gzip: within the budget of %d\n' "$total" "$BUDGET_GZIP"
else
  printf 'wasm+js %d bytes gzip: OVER the budget of %d by %d (ceiling %d)\n' \
    "$total" "$BUDGET_GZIP" $((total - BUDGET_GZIP)) "$CEILING_GZIP"
fi
if [ "$total" -gt "$CEILING_GZIP" ]; then
  echo "the release wasm + js grew past the ceiling of $CEILING_GZIP bytes gzip" >&2
  exit 1
fi
