#!/usr/bin/env bash
# Dashboard API benchmark (issue 15): 10,000 channels, 100,000 finished runs over 90 days, then the server time of
# /api/stats (overall and one account, 7/30/90 days), /api/upcoming, /api/quota and /api/config/status.
#
#   bench/dashboard/run.sh            # from the repository root; BIN=... to use another binary, N=... requests
#
# Uses bench/daemon/gen_config.py (realistic accounts that do not fire for 3 h) and fill_store.py, then starts
# `showrunner run` on the filled store and times sequential keep-alive requests with load.py.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${BIN:-$ROOT/.build/release/showrunner}"
N="${N:-300}"
ACCOUNTS="${ACCOUNTS:-10000}"
RUNS="${RUNS:-100000}"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/showrunner-dashboard-bench.XXXXXX")"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"' EXIT

python3 "$ROOT/bench/daemon/gen_config.py" "$DATA/config" daily "$ACCOUNTS" --listen "127.0.0.1:$PORT" >/dev/null

start() {
    "$BIN" run --config "$DATA/config" --listen "127.0.0.1:$PORT" >"$DATA/daemon.log" 2>&1 &
    PID=$!
    for _ in $(seq 600); do
        curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "the daemon did not answer /healthz" >&2; tail -20 "$DATA/daemon.log" >&2; exit 1
}
stop() { kill -TERM "$PID"; wait "$PID" || true; PID=; }

start   # creates and migrates the store
stop
python3 "$ROOT/bench/dashboard/fill_store.py" "$DATA/config" "$DATA/config/state/showrunner.sqlite" --runs "$RUNS"
start
A="$(ls "$DATA/config/accounts.d" | sed -n "1s/\.ya\?ml$//p")"
A_ID="$(sed -n "s/^id: *//p" "$DATA/config/accounts.d/$A.yaml")"
python3 "$ROOT/bench/dashboard/load.py" "$PORT" "$N" \
    "/api/stats?days=90" "/api/stats?days=30" "/api/stats?days=7" "/api/stats?account=${A_ID:-$A}&days=90" \
    "/api/upcoming?hours=24" "/api/upcoming?hours=168" "/api/quota" "/api/config/status"
stop
