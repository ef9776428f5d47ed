#!/usr/bin/env bash
# Installs what the tests need (idempotent) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --browser
export SHOWRUNNER_REQUIRE_REFERENCE=1   # the cron differential test must run, not skip
export SHOWRUNNER_REQUIRE_PIPER=1       # the Piper voice tests must run, not skip
swift build --build-tests
# A real PostgreSQL server for the store conformance suite and the cluster tests (stopped on exit).
source scripts/test-postgres.sh
start_test_postgres
binary="$(swift build --show-bin-path)/showrunner"
# Attacks on the real binary from outside: YAML fuzz of validate and the daemon's reload (~75 s, seeded),
# then the chaos suite (kill -9 storm, edit storm, full disk, crash mid-render, syncs before a step; docs/chaos.md).
python3 Tests/fuzz/yaml_fuzz.py --binary "$binary"
SHOWRUNNER_BIN="$binary" .venv/bin/python -m pytest -q --tb=short -p no:cacheprovider Tests/chaos Tests/schema
# Daemons on one PostgreSQL database: one run per fire, kill -9 takeover, claiming and runs_on, a database
# restart, a stale config revision (~2 min; docs/cluster.md).
SHOWRUNNER_BIN="$binary" .venv/bin/python -m pytest -q --tb=short -p no:cacheprovider Tests/cluster
# The dashboard in a real browser (headless Debian chromium; screenshots in Tests/browser/output/).
SHOWRUNNER_BIN="$binary" .venv/bin/python -m pytest -q --tb=short -p no:cacheprovider Tests/browser
# Two processes: the CLI tests wait on real daemons and commands with blocking calls, which hold threads of the
# 2-core cooperative pool; run beside the rest they starved its servers and timers under CI's load.
swift test --skip-build --skip ShowrunnerCLITests
swift test --skip-build --filter ShowrunnerCLITests
