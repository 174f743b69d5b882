#!/usr/bin/env bash
# The cold-open benchmark (issue 16): how fast the release build opens on a phone with nothing
# cached. Serves a built dist/ as a static host would (scripts/static-server.mjs), once
# with brotli and once with gzip only, and times the open in Chromium on Lighthouse's mobile
# profile (tests/e2e/bench/cold.mjs), beside a reference page with no app
# (tests/e2e/bench/reference). Prints a table and writes tests/e2e/bench/cold-results.json.
# Figures only: nothing here fails on time. It builds nothing: scripts/bench.sh builds and calls it.
#
#   scripts/bench-cold.sh [dist-dir]    # default dist/; BENCH_RUNS=5 for more runs than three
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
if [ ! -f "$dist/index.html" ]; then
  echo "bench-cold: no build in $dist (trunk build --release, or scripts/bench.sh)" >&2
  exit 1
fi
dist=$(cd "$dist" && pwd)
if [ ! -d tests/e2e/node_modules/@playwright/test ]; then
  echo "bench-cold: the browser-test dependencies are missing (scripts/setup.sh --test)" >&2
  exit 1
fi
cd tests/e2e

# One server per way of compressing, and one for the reference page; all stay up so each run
# visits them in turn.
logs=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$logs"' EXIT
serve() { # label, port, encodings[, folder: the build by default]
  node ../../scripts/static-server.mjs --dir "${4:-$dist}" --port "$2" --encodings "$3" >"$logs/$1" 2>&1 &
  pids+=($!)
}
serve br 4175 br,gzip
serve gzip 4176 gzip
serve reference 4177 br,gzip bench/reference
# Each prints "listening" once it has compressed every file (brotli at its best takes seconds),
# or stops (a port in use).
labels=(br gzip reference)
for i in "${!labels[@]}"; do
  label=${labels[$i]}
  for _ in $(seq 240); do
    grep -q listening "$logs/$label" && break
    kill -0 "${pids[$i]}" 2>/dev/null || break
    sleep 0.5
  done
  grep -q listening "$logs/$label" || { cat "$logs/$label" >&2; exit 1; }
done

BENCH_COLD_SERVERS="br=http://127.0.0.1:4175,gzip=http://127.0.0.1:4176" BENCH_COLD_REFERENCE=http://127.0.0.1:4177 \
  node bench/cold.mjs
