#!/usr/bin/env bash
# The performance benchmark: builds the release app, serves it, and measures boards of 100, 1,000
# and 5,000 cards in headless Chromium (tests/e2e/bench/run.mjs). Prints a table and each budget
# as met or missed; writes tests/e2e/bench/results.json. Then very long lists (bench/long-lists.mjs),
# then the cold open on a phone
# (scripts/bench-cold.sh, which also runs alone on a built dist/). Figures only: nothing here
# fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --test
trunk build --release --offline
bash scripts/bundle-size.sh || true
python3 -m http.server 4174 --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
cd tests/e2e
node bench/run.mjs
# Long lists: 50,000 theories, 20,000 strings from one card, a universe of 10,000 entities.
echo
node bench/long-lists.mjs
cd ../..
kill $server
trap - EXIT
# How fast the same build opens cold on a phone, served compressed as a static host would.
echo
bash scripts/bench-cold.sh dist
# What a zoom step works out over a big board: the density rule and label placing, timed natively
# (the same code the app runs, compiled for this machine rather than for wasm).
echo
echo "Words on a zoomed-out board (native release build):"
cargo test --release --quiet --test labels -- --nocapture --test-threads 1 words_for 2>/dev/null | grep -E "decluttered|placed among"
# Loading a universe at the documented limit (10,000 entities, 20,000 strings): reading and
# validating it, its default layout and what is on the board, timed natively beside 1,000.
echo
echo "A universe of 10,000 entities, loaded (native release build):"
cargo test --release --quiet --test universe -- --nocapture --test-threads 1 ten_thousand 2>/dev/null | grep -E "universe of|times as long"
