#!/usr/bin/env bash
# Sets up and runs every test: the Swift tests, then the browser tests on the
# built sample site (headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
swift build --build-tests
status=0
swift test --skip-build || status=1
python3 Tests/browser/run.py || status=1
python3 Tests/browser/site_test.py --praktika .build/debug/praktika || status=1
python3 Tests/browser/tables_test.py --praktika .build/debug/praktika || status=1
python3 Tests/browser/search_test.py --praktika .build/debug/praktika || status=1
exit $status
