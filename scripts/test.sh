#!/usr/bin/env bash
# Installs what the tests need (idempotent) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
export SHOWRUNNER_REQUIRE_REFERENCE=1   # the cron differential test must run, not skip
swift build --build-tests
swift test --skip-build
# The chaos suite attacks the real binary from outside (docs/chaos.md).
SHOWRUNNER_BIN="$(swift build --show-bin-path)/showrunner" .venv/bin/python -m pytest -q --tb=short -p no:cacheprovider Tests/chaos
