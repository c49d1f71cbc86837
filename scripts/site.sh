#!/usr/bin/env bash
# Sets up, builds praktika and builds the sample site in content/ into public/.
# With --serve, also serves public/ on http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh build
swift build -c release --product praktika
.build/release/praktika build .

if [ "${1:-}" = "--serve" ]; then
  echo "praktika: serving public/ on http://127.0.0.1:8080/ (Ctrl-C stops)"
  exec python3 -m http.server --bind 127.0.0.1 --directory public 8080
fi
