#!/usr/bin/env bash
# Runs every test: the layer rules, formatting and lints, native model tests, the release build and its size
# budget, then the browser tests in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --test

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "layers (no import circles, each room its own)"
python3 scripts/check-layers.py --self-test
python3 scripts/check-layers.py

step "format and lints"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --quiet -- -D warnings

log=$(mktemp)
trap 'rm -f "$log"' EXIT

step "native tests"
cargo test --quiet 2>&1 | tee -a "$log"

step "release build"
trunk build --release --offline
scripts/bundle-size.sh

step "browser tests (headless Chromium, release build)"
(cd tests/e2e && npx playwright test) 2>&1 | grep -v '^\[WebServer\]' | tee -a "$log"

# One closing line for the whole run: native and browser tests together.
native=$(grep -oE '^test result: ok\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
browser=$(grep -oE '^ +[0-9]+ passed' "$log" | awk '{s += $1} END {print s + 0}')
echo "all tests: $((native + browser)) passed, 0 failed"
