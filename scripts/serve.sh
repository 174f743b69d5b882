#!/usr/bin/env bash
# Builds Caseboard (release) and serves it on http://127.0.0.1:8080, installing what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec trunk serve --release --offline "$@"
