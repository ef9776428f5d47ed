#!/usr/bin/env bash
# Showrunner "foundation" benchmarks: one command, prints a summary table.
#
#   bench/run.sh                 # everything (about 2-3 minutes on 2 cores, plus the first build)
#
# Environment knobs: N (accounts, default 10000), CALLS (next-fire chain length, default 100),
# SWIFT_REPEATS (default 20), PY_REPEATS (default 3), KEEP_DATA=1 (keep the generated folder),
# ALLOW_STALE=0 (fail instead of measuring the previous release binary when `swift build` fails).
#
# A. `showrunner validate --config DIR --next 1` (release build) on N generated accounts vs. the Python
#    peer (PyYAML C loader + APScheduler 3.11) and the floor (PyYAML C loader only): best-of-3 wall time
#    and peak RSS from /usr/bin/time. Also libyaml alone: from Python (events only) and in C (floor.c).
# B. cron next-fire: ns/call of CronExpression.nextDate(after:in:) over bench/cron/expressions.tsv vs.
#    cronsim, APScheduler's CronTrigger and croniter on the same file.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
N="${N:-10000}"
CALLS="${CALLS:-100}"
SWIFT_REPEATS="${SWIFT_REPEATS:-20}"
PY_REPEATS="${PY_REPEATS:-3}"
VENV="$BENCH/.venv"
PY="$VENV/bin/python"
EXPRESSIONS="$BENCH/cron/expressions.tsv"

log() { echo "== $*" >&2; }

# --- tools -----------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    log "installing the Debian 'time' package (for /usr/bin/time)"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq time >/dev/null
fi

check_venv() {
    "$PY" - <<'PY' 2>/dev/null
import yaml, apscheduler, croniter, cronsim, tzdata
assert yaml.__with_libyaml__, "PyYAML without libyaml"
assert apscheduler.__version__.startswith("3.11."), apscheduler.__version__
PY
}
if ! check_venv; then
    log "creating $VENV (pyyaml, apscheduler 3.11, croniter, cronsim, tzdata)"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check pyyaml 'apscheduler==3.11.*' croniter cronsim tzdata
    check_venv || { echo "error: the venv in $VENV is not usable; delete it and run again." >&2; exit 1; }
fi

# --- builds ----------------------------------------------------------------------------------------
# SwiftPM takes a lock on .build; if another build holds it, `swift build` waits for it to finish.
log "swift build -c release --product showrunner (waits if another build holds the .build lock)"
mkdir -p "$BENCH/.build"
# SHOWRUNNER_BIN=path measures that binary (e.g. the release archive's) instead of building one.
BIN="${SHOWRUNNER_BIN:-$ROOT/.build/release/showrunner}"
STALE=""
if [ -z "${SHOWRUNNER_BIN:-}" ] && ! (cd "$ROOT" && swift build -c release --product showrunner) >"$BENCH/.build/release-build.log" 2>&1; then
    tail -15 "$BENCH/.build/release-build.log" >&2
    if [ -x "$BIN" ] && [ "${ALLOW_STALE:-1}" = 1 ]; then
        # Others may be editing the package while this runs; measure the last good binary, and say so.
        STALE="the release build failed (bench/.build/release-build.log); measured the previous binary, built $(date -r "$BIN" '+%Y-%m-%d %H:%M')"
        log "WARNING: $STALE"
    else
        echo "error: the release build failed (log: bench/.build/release-build.log)." >&2
        exit 1
    fi
fi

# The next-fire benchmark is compiled together with the ShowrunnerCore sources (no library product).
CRON_BENCH="$BENCH/.build/cron-bench"
mapfile -t CORE_SOURCES < <(find "$ROOT/Sources/ShowrunnerCore" -name '*.swift' | sort)
if [ ! -x "$CRON_BENCH" ] || [ -n "$(find "$ROOT/Sources/ShowrunnerCore" "$BENCH/cron/main.swift" -newer "$CRON_BENCH" -name '*.swift' | head -1)" ]; then
    log "swiftc -O -wmo: bench/cron/main.swift + Sources/ShowrunnerCore (${#CORE_SOURCES[@]} files)"
    if ! swiftc -O -wmo -parse-as-library -swift-version 6 -module-name CronBench \
        "${CORE_SOURCES[@]}" "$BENCH/cron/main.swift" -o "$CRON_BENCH.new" 2>"$BENCH/.build/cron-build.log"; then
        head -20 "$BENCH/.build/cron-build.log" >&2
        [ -x "$CRON_BENCH" ] || { echo "error: cannot compile the cron benchmark." >&2; exit 1; }
        STALE="${STALE:+$STALE; }the cron benchmark did not compile (bench/.build/cron-build.log); used the previous one"
        log "WARNING: the cron benchmark did not compile; using the previous build"
    else
        mv "$CRON_BENCH.new" "$CRON_BENCH"
    fi
fi

# The C floor (libyaml events only) needs a C compiler and libyaml's header; it is skipped without them.
FLOOR_C="$BENCH/.build/floor-c"
if [ ! -x "$FLOOR_C" ] || [ "$BENCH/validate/floor.c" -nt "$FLOOR_C" ]; then
    cc -O2 "$BENCH/validate/floor.c" -lyaml -o "$FLOOR_C" 2>/dev/null ||
        log "no C floor (install libyaml-dev and a C compiler to get it)"
fi

# --- data ------------------------------------------------------------------------------------------
DATA="$(mktemp -d "${TMPDIR:-/tmp}/showrunner-bench.XXXXXX")"
if [ "${KEEP_DATA:-0}" = 1 ]; then
    log "keeping the generated data in $DATA"
else
    trap 'rm -rf "$DATA"' EXIT
fi
CONFIG="$DATA/config"
RESULTS="$DATA/results.txt"
: >"$RESULTS"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"

log "generating $N accounts in $CONFIG"
python3 "$BENCH/validate/generate.py" "$CONFIG" "$N" >&2
set +e
"$BIN" validate --config "$CONFIG" --no-preflight >"$DATA/validate.out" 2>"$DATA/validate.err"
status=$?
set -e
if [ "$status" != 0 ]; then
    head -20 "$DATA/validate.err" >&2
    tail -1 "$DATA/validate.out" >&2
    echo "error: showrunner validate exits $status on the generated folder (expected 0)." >&2
    exit 1
fi
log "validate exits 0: $(tail -1 "$DATA/validate.out")"

# --- A: validate vs. the Python peer ---------------------------------------------------------------
# best of 3: the lowest wall time; peak RSS: the highest of the 3 runs.
measure() {
    local name="$1"
    shift
    local best="" rss=0 out="$DATA/time.txt"
    for _ in 1 2 3; do
        /usr/bin/time -f '%e %M %x' -o "$out" "$@" >/dev/null
        read -r seconds kb code < <(tail -1 "$out")
        if [ "$code" != 0 ]; then
            echo "error: '$*' exited $code" >&2
            exit 1
        fi
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$seconds"; fi
        [ "$kb" -gt "$rss" ] && rss="$kb"
    done
    echo "$name time_s=$best rss_kb=$rss" | tee -a "$RESULTS" >&2
}
log "A. validate --next 1 on $N accounts (3 runs each)"
measure validate_ours "$BIN" validate --config "$CONFIG" --next 1 --no-preflight
measure validate_peer "$PY" "$BENCH/validate/peer.py" "$CONFIG"
measure validate_floor "$PY" "$BENCH/validate/floor.py" "$CONFIG"
measure validate_floor_events "$PY" "$BENCH/validate/floor.py" "$CONFIG" --events
if [ -x "$FLOOR_C" ]; then measure validate_floor_c "$FLOOR_C" "$CONFIG"; fi

# --- B: next fire ----------------------------------------------------------------------------------
log "B. next fire over $(wc -l <"$EXPRESSIONS") expressions, chains of $CALLS calls"
"$CRON_BENCH" "$EXPRESSIONS" "$CALLS" "$SWIFT_REPEATS" "$DATA/fires.txt" | tee -a "$RESULTS" >&2
"$PY" "$BENCH/cron/peers.py" "$EXPRESSIONS" "$CALLS" "$PY_REPEATS" "$DATA/fires.txt" | tee -a "$RESULTS" >&2

echo "load_average before=$LOAD_BEFORE after=$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
echo "accounts n=$N" >>"$RESULTS"
[ -z "$STALE" ] || echo "stale_binary $STALE" >>"$RESULTS"
"$PY" "$BENCH/summary.py" "$RESULTS"
