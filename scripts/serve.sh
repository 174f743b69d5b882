#!/usr/bin/env bash
# Builds Caseboard (release) and serves it on http://127.0.0.1:8080 as a static host would
# (precompressed brotli/gzip, application/wasm, cache headers: scripts/static-server.mjs),
# installing what is missing first. PORT=… serves on another port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
trunk build --release --offline
exec node scripts/static-server.mjs --dir dist --port "${PORT:-8080}" "$@"
