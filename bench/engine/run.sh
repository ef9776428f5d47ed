#!/usr/bin/env bash
# Showrunner engine benchmarks (issue 3, "Measure"): one command, prints a summary.
#
#   bench/engine/run.sh          # ~4-6 min on 2 cores, plus the first release builds
#
# A. executor overhead: RUNS runs of a 6-step chain of trivial in-process steps through RunLauncher.start with
#    the real SQLite store on disk: µs per step (incl. its store writes), runs/s; also CONCURRENCY runs at a time,
#    and a breakdown (in-memory store, the store writes alone, the artifact folders alone).
# B. store growth: FILL_RUNS realistic runs (8 attempts each) through the public RunStore API, WAL checkpointed,
#    bytes per run and per table (dbstat); then runs(matching:) / history(matching:) latency for the newest 50
#    (median, p99 over CALLS warm calls) and `showrunner history --state DIR --limit 50` wall time.
#
# Knobs: RUNS=1000 CONCURRENCY=4 FILL_RUNS=100000 FILL_CONCURRENCY=4 CALLS=200 CLI_REPEATS=20
#        BENCH_DATA=DIR (where the temp folders go; default bench/engine/data, see README) KEEP_DATA=1
#        ALLOW_STALE=0 (fail instead of measuring the previous binaries when a build fails)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
RUNS="${RUNS:-1000}"
CONCURRENCY="${CONCURRENCY:-4}"
FILL_RUNS="${FILL_RUNS:-100000}"
FILL_CONCURRENCY="${FILL_CONCURRENCY:-4}"
CALLS="${CALLS:-200}"
CLI_REPEATS="${CLI_REPEATS:-20}"
BENCH_DATA="${BENCH_DATA:-$BENCH/data}"

log() { echo "== $*" >&2; }

# --- tools -----------------------------------------------------------------------------------------------------
if ! command -v sqlite3 >/dev/null; then
    log "installing the Debian 'sqlite3' package (checkpoint and dbstat)"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq sqlite3 >/dev/null
fi

# --- builds ----------------------------------------------------------------------------------------------------
# SwiftPM takes a lock on each .build; if another build holds it, `swift build` waits for it to finish.
mkdir -p "$BENCH/.build"
STALE=""
# Others may be editing the main package while this runs: a build that fails because a file changed under it
# ("modified during the build") is tried again, up to 3 times.
build() { # log-file, then the command
    local log="$1"
    shift
    for attempt in 1 2 3; do
        if "$@" >"$log" 2>&1; then return 0; fi
        grep -q "modified during the build" "$log" || return 1
        log "a source file changed during the build (attempt $attempt of 3); building again in 20 s"
        sleep 20
    done
    return 1
}

SHOWRUNNER="$ROOT/.build/release/showrunner"
log "swift build -c release --product showrunner in $ROOT (waits if another build holds the lock)"
if ! build "$BENCH/.build/showrunner-build.log" swift build --package-path "$ROOT" -c release --product showrunner; then
    grep -E "error:" "$BENCH/.build/showrunner-build.log" | head -10 >&2 || tail -15 "$BENCH/.build/showrunner-build.log" >&2
    if [ -x "$SHOWRUNNER" ] && [ "${ALLOW_STALE:-1}" = 1 ]; then
        STALE="showrunner release build failed (bench/engine/.build/showrunner-build.log); measured the binary built $(date -r "$SHOWRUNNER" '+%Y-%m-%d %H:%M')"
        log "WARNING: $STALE"
    else
        echo "error: the showrunner release build failed." >&2
        exit 1
    fi
fi

# The main package is a path dependency here; SwiftPM does not notice files added to or removed from a
# dependency's folders, so the manifest's mtime is bumped to make it plan the build again.
ENGINE_BENCH="$BENCH/.build/release/EngineBench"
log "swift build -c release in bench/engine"
touch "$BENCH/Package.swift"
if ! build "$BENCH/.build/bench-build.log" swift build --package-path "$BENCH" -c release; then
    grep -E "error:" "$BENCH/.build/bench-build.log" | head -10 >&2 || tail -15 "$BENCH/.build/bench-build.log" >&2
    if [ -x "$ENGINE_BENCH" ] && [ "${ALLOW_STALE:-1}" = 1 ]; then
        STALE="${STALE:+$STALE; }bench build failed (bench/engine/.build/bench-build.log); measured the EngineBench built $(date -r "$ENGINE_BENCH" '+%Y-%m-%d %H:%M')"
        log "WARNING: the bench build failed; measuring the previous EngineBench"
    else
        echo "error: the bench build failed." >&2
        exit 1
    fi
fi

# --- data ------------------------------------------------------------------------------------------------------
mkdir -p "$BENCH_DATA"
DATA="$(mktemp -d "$BENCH_DATA/run.XXXXXX")"
if [ "${KEEP_DATA:-0}" = 1 ]; then
    log "keeping the data in $DATA"
else
    trap 'rm -rf "$DATA"' EXIT
fi
RESULTS="$DATA/results.txt"
: >"$RESULTS"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"

# --- A ---------------------------------------------------------------------------------------------------------
mkdir -p "$DATA/a"
"$ENGINE_BENCH" executor --runs "$RUNS" --concurrency "$CONCURRENCY" --dir "$DATA/a" --results "$RESULTS"
LOAD_AFTER_A="$(cut -d' ' -f1 /proc/loadavg)"
rm -rf "$DATA/a"

# --- B ---------------------------------------------------------------------------------------------------------
STATE="$DATA/state"
DB="$STATE/showrunner.sqlite"
"$ENGINE_BENCH" fill --db "$DB" --runs "$FILL_RUNS" --concurrency "$FILL_CONCURRENCY" --results "$RESULTS"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
SIZE="$(stat -c %s "$DB")"
WAL="$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)"
echo "RESULT|b.file_mb|$(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1048576 }')|MiB|store file after checkpoint (WAL $WAL bytes)" >>"$RESULTS"
echo "RESULT|b.bytes_per_run|$(awk -v s="$SIZE" -v n="$FILL_RUNS" 'BEGIN { printf "%.0f", s / n }')|bytes/run|file size / $FILL_RUNS runs" >>"$RESULTS"
echo "B. store file after PRAGMA wal_checkpoint(TRUNCATE): $SIZE bytes (WAL $WAL bytes)"
echo "   per table and index (dbstat):"
sqlite3 -separator '|' "$DB" "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC" >"$DATA/dbstat.txt"
awk -F'|' -v n="$FILL_RUNS" -v total="$SIZE" '$2 >= 8192 {
    printf "     %-34s %12d bytes  %7.1f bytes/run  %5.1f %%\n", $1, $2, $2 / n, 100 * $2 / total
}' "$DATA/dbstat.txt" | tee "$DATA/dbstat-summary.txt"
awk -F'|' -v n="$FILL_RUNS" '$2 < 8192 { small += $2; count++ } END {
    printf "     %-34s %12d bytes  (%d tables and indexes of one page)\n", "the rest", small, count }' "$DATA/dbstat.txt" |
    tee -a "$DATA/dbstat-summary.txt"
ROWS="$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM runs) || ' runs, ' || (SELECT COUNT(*) FROM step_attempts) || ' attempts, outputs ' || CAST(AVG(LENGTH(outputs)) AS INTEGER) || ' B avg' FROM step_attempts")"
echo "   rows: $ROWS"

"$ENGINE_BENCH" query --db "$DB" --calls "$CALLS" --results "$RESULTS"
# A stale showrunner may not open a store that this EngineBench (built from newer sources) migrated: then the
# CLI is not measured, and the summary says why.
CLI_ERROR=""
if ! "$ENGINE_BENCH" cli --binary "$SHOWRUNNER" --state "$STATE" --repeats "$CLI_REPEATS" --results "$RESULTS" 2>"$DATA/cli.err"; then
    CLI_ERROR="$(cat "$DATA/cli.err"; "$SHOWRUNNER" history --state "$STATE" --limit 1 2>&1 >/dev/null | tail -1)"
    log "the CLI was not measured: $CLI_ERROR"
fi
LOAD_AFTER="$(cut -d' ' -f1 /proc/loadavg)"

# --- summary ---------------------------------------------------------------------------------------------------
value() { awk -F'|' -v k="$1" '$2 == k { print $3 }' "$RESULTS"; }
verdict() { # key limit
    awk -v v="$(value "$1")" -v l="$2" 'BEGIN { if (v == "") print "not measured"; else if (v + 0 < l + 0) print "met"; else print "MISSED" }'
}
{
    echo
    echo "=================================================================================================="
    echo "Showrunner engine benchmarks — $STARTED"
    echo "$(uname -srm), $(nproc) cores, $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), SQLite $(sqlite3 --version | cut -d' ' -f1)"
    echo "main at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD -- Sources 2>/dev/null || echo ' (+ uncommitted changes in Sources/)'); data in $BENCH_DATA"
    echo "1-minute load: $LOAD_BEFORE before, $LOAD_AFTER_A after A, $LOAD_AFTER at the end"
    [ -z "$STALE" ] || echo "WARNING: $STALE"
    [ -z "$CLI_ERROR" ] || echo "WARNING: the CLI was not measured: $CLI_ERROR"
    echo "--------------------------------------------------------------------------------------------------"
    awk -F'|' '$1 == "RESULT" { printf "  %-62s %12s %s\n", $5, $3, $4 }' "$RESULTS"
    echo "  per table and index:"
    cat "$DATA/dbstat-summary.txt"
    echo "--------------------------------------------------------------------------------------------------"
    echo "Targets:"
    echo "  executor < 1 ms (1000 µs) per step incl. store writes: $(value a.seq.us_per_step) µs/step — $(verdict a.seq.us_per_step 1000)"
    echo "  history newest 50 < 50 ms, store API (median):        $(value b.history.p50_ms) ms — $(verdict b.history.p50_ms 50)"
    echo "  history newest 50 < 50 ms, showrunner CLI (median):   $(value b.cli.p50_ms) ms — $(verdict b.cli.p50_ms 50)"
    echo "=================================================================================================="
}
