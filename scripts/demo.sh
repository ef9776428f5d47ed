#!/usr/bin/env bash
# Installs what Showrunner needs (idempotent), builds it, and runs it on the shipped example config.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
swift build --product showrunner
bin="$(swift build --show-bin-path)/showrunner"
"$bin" validate --config .
echo
echo "Next fires of every enabled account:"
"$bin" next --config . --count 3
