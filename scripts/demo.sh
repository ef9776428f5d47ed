#!/usr/bin/env bash
# Installs what Showrunner needs (idempotent), builds it, renders one video now from the shipped example config,
# then runs the daemon on it (Ctrl-C stops it). Videos appear under out/<account>/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
swift build --product showrunner
bin="$(swift build --show-bin-path)/showrunner"
"$bin" validate --config . --next 1
echo
echo "Rendering one short now (quick-demo):"
"$bin" trigger quick-demo --config .
echo
echo "Starting the daemon: quick-demo fires every 5 minutes; the others on their own schedules."
exec "$bin" run --config .
