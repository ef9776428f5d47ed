#!/usr/bin/env bash
# Installs what the tests need (idempotent) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
export SHOWRUNNER_REQUIRE_REFERENCE=1   # the cron differential test must run, not skip
swift build --build-tests
python3 Tests/fuzz/yaml_fuzz.py   # YAML fuzz of validate and the daemon's reload (~75 s), seeded
swift test --skip-build
