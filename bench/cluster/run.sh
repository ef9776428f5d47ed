#!/usr/bin/env bash
# bench/cluster: nodes on one PostgreSQL (1, 2, 3) and one on SQLite, trivial pipelines. From the repository root:
#   bench/cluster/run.sh          (ACCOUNTS=40 DURATION=20 SHOWRUNNER_BIN=.build/debug/showrunner by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/test-postgres.sh
start_test_postgres
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
"$PY" bench/cluster/cluster_bench.py
