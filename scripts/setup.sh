#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Caseboard needs; skips whatever is already there.
# Sourced by serve.sh and test.sh so both commands work on a bare machine.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen crate pinned in Cargo.toml
BINARYEN_VERSION=132
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

has_version() { # command, expected substring of its --version output
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"
}

install_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! has_version trunk "$TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 7 minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
    # Not --locked: its lock file names a crate version the registry does not serve.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if ! has_version wasm-opt "version $BINARYEN_VERSION"; then
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
}

install_test_tools() {
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Chromium (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  local e2e="$ROOT/tests/e2e" stamp="$ROOT/tests/e2e/node_modules/.installed-lock.json"
  if ! cmp -s "$e2e/package-lock.json" "$stamp" 2>/dev/null; then
    say "installing the browser-test dependencies (npm ci)"
    (cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    cp "$e2e/package-lock.json" "$stamp"
  fi
}

install_build_tools
if [ "${1:-}" = "--test" ]; then
  install_test_tools
fi
