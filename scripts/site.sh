#!/usr/bin/env bash
# Sets up, builds praktika and builds the sample site in content/ into public/.
# With --serve, then serves it with live reload on http://127.0.0.1:1313/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh build
swift build -c release --product praktika
.build/release/praktika build .

if [ "${1:-}" = "--serve" ]; then
  exec .build/release/praktika serve . --port 1313
fi
