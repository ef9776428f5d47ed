#!/usr/bin/env bash
# Profiles of the daemon for the targets bench/daemon/run.sh reports as missed (called by run.sh when PROFILE=1;
# can also be run alone). perf samples the running `showrunner run` (perf record -F 999 -g -p PID):
#
#   fires   1,000 accounts due in the same minute: the 12 s around the minute boundary
#   reload  10,000 accounts: 20 edits (rename() of a changed file), 1 s apart, no HTTP polling
#   jobs    10,000 accounts: 20 x GET /api/scheduler/jobs
#
# For each it prints the heaviest functions of the showrunner binary by inclusive time (% of the samples of
# that profile), demangled, and keeps perf.data + the full reports in OUT.
#
#   bench/daemon/profile.sh BIN FIRES_CONFIG TENK_CONFIG OUT [PORT]
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$1"
FIRES="$2"
TENK="$3"
OUT="$4"
PORT="${5:-18190}"
TOP="${TOP:-14}"
mkdir -p "$OUT"

# Our own types (from Sources/), to pick Showrunner's frames out of the binary's (GRDB, NIO, Hummingbird, ...).
ROOT="$(cd "$BENCH/../.." && pwd)"
TYPES="$(grep -rhoE '^ *(public |final |package |private |fileprivate )*(struct|class|enum|actor|extension) [A-Z][A-Za-z0-9]+' \
    "$ROOT/Sources" | awk '{ print $NF }' | sort -u | paste -sd'|')"

demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }

start_daemon() { # CONFIG LOG → sets PID
    rm -rf "$1/state"
    "$BIN" run --config "$1" --listen "127.0.0.1:$PORT" >"$2" 2>&1 &
    PID=$!
    for _ in $(seq 1 3000); do
        curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "error: the daemon did not start (log: $2)" >&2
    exit 1
}

stop_daemon() { # SIGTERM, then SIGKILL if it is still there after 20 s
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 200); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
}

report() { # NAME TITLE
    local data="$OUT/perf-$1.data"
    perf report -i "$data" --children --sort dso,symbol -g none --stdio 2>/dev/null | demangle >"$OUT/report-$1.txt"
    perf report -i "$data" --no-children --sort dso,symbol -g caller --stdio 2>/dev/null | demangle \
        >"$OUT/report-$1-callers.txt"
    local samples
    samples="$(perf report -i "$data" --stdio 2>/dev/null | sed -n 's/^# Samples: \([^ ]*\).*/\1/p' | head -1)"
    echo "-- $2 ($samples samples); inclusive % of samples, functions of the showrunner binary:"
    grep -E '^ +[0-9.]+% +[0-9.]+% +showrunner ' "$OUT/report-$1.txt" |
        grep -vE 'thunk for|partial apply|merged |outlined |\$defer|swift_job|async function pointer' |
        grep -E "(^|[ (<])($TYPES)[.(<]" |
        sed -E 's/^ +([0-9.]+%) +([0-9.]+%) +showrunner +\[\.\] +/  \1 (self \2)  /' | cut -c1-170 | head -"$TOP" || true
    echo "   top self time, any library:"
    perf report -i "$data" --no-children --sort dso,symbol -g none --stdio 2>/dev/null | demangle |
        grep -E '^ +[0-9.]+% ' | sed -E 's/^ +([0-9.]+%) +/  \1  /; s/ +\[[.k]\] +/  /' | cut -c1-150 | head -6 || true
}

# --- fires: 1,000 accounts due at the same minute ----------------------------------------------------------
start_daemon "$FIRES" "$OUT/fires.log"
now=$(date +%s)
wait=$((60 - now % 60 - 2))
[ "$wait" -ge 1 ] || wait=$((wait + 60))
sleep "$wait"
perf record -F 999 -g -p "$PID" -o "$OUT/perf-fires.data" -- sleep 12 >/dev/null 2>&1
stop_daemon
report fires "1,000 fires due in the same minute (12 s from 2 s before the minute)"

# --- reload and GET jobs: 10,000 accounts ------------------------------------------------------------------
start_daemon "$TENK" "$OUT/tenk.log"
sleep 3
perf record -F 999 -g -p "$PID" -o "$OUT/perf-reload.data" -- \
    python3 "$BENCH/edit_accounts.py" "$TENK" 20 1.0 >/dev/null 2>&1
report reload "10,000 accounts: 20 reloads (rename() of a changed file, 1 s apart)"
perf record -F 999 -g -p "$PID" -o "$OUT/perf-jobs.data" -- \
    sh -c "for i in \$(seq 1 20); do curl -s -o /dev/null http://127.0.0.1:$PORT/api/scheduler/jobs; done" \
    >/dev/null 2>&1
stop_daemon
report jobs "10,000 accounts: 20 x GET /api/scheduler/jobs"
echo "   (perf.data and full reports: $OUT)"
