#!/usr/bin/env bash
# Showrunner daemon benchmarks (issue 6, "Measure"): one command, prints a summary. See README.md.
#
#   bench/daemon/run.sh          # ~15 min on 2 cores, plus the first builds
#
# 1. Fire lateness of the real daemon (`showrunner run`, release): (a) A_ACCOUNTS accounts on "* * * * *" over
#    A_SPAN seconds of instants (default 1,000 accounts, 3 whole minutes), (b) B_ACCOUNTS accounts on "* * * * * *"
#    over B_SPAN seconds (default 10 accounts, 66 instants); a cheap in-process pipeline (topic.list items →
#    script.template), max_concurrent_runs 1000, jitter 0, overlap allow. From the store: dispatch
#    (created_at − scheduled_at) and start (started_at − scheduled_at); and the scheduler's lateness metric.
# 2. Reload latency with N (10,000) accounts: EDITS rename()s of a changed account file, until GET
#    /api/scheduler/jobs shows the new schedule; the part after the debounce in-process (ReloadBench:
#    ConfigRegistry + Scheduler); GET /api/scheduler/jobs latency alone.
# 3. Start-up time, RSS and idle CPU (IDLE seconds) with N accounts scheduled daily.
# 4. The same workloads on APScheduler 3.11 (BackgroundScheduler + CronTrigger), venv in bench/daemon/.venv.
# PROFILE=1 (default): perf profiles of the fire burst, the reloads and GET /api/scheduler/jobs (profile.sh).
#
# Knobs: A_ACCOUNTS=1000 A_SPAN=120 B_ACCOUNTS=10 B_SPAN=65 N=10000 IDLE=60 EDITS=100 CALLS=30 PROFILE=1
#        ACCOUNTS_PROBE=1 (time one GET /api/accounts/{id} with N accounts) PEER=1
#        KEEP_DATA=1 BENCH_DATA=DIR (parent of the temp folder; default /tmp) ALLOW_STALE=0 (fail instead of
#        measuring the previous binary when the release build fails)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
A_ACCOUNTS="${A_ACCOUNTS:-1000}"
A_SPAN="${A_SPAN:-120}"
B_ACCOUNTS="${B_ACCOUNTS:-10}"
B_SPAN="${B_SPAN:-65}"
N="${N:-10000}"
IDLE="${IDLE:-60}"
EDITS="${EDITS:-100}"
CALLS="${CALLS:-30}"
PROFILE="${PROFILE:-1}"
PEER="${PEER:-1}"
ACCOUNTS_PROBE="${ACCOUNTS_PROBE:-1}"
VENV="$BENCH/.venv"
PY="$VENV/bin/python"
LOGS="$BENCH/.build/logs"

log() { echo "== $*" >&2; }

# --- tools -----------------------------------------------------------------------------------------------------
for tool in python3 curl; do
    command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done
if [ "$PROFILE" = 1 ] && ! command -v perf >/dev/null; then
    log "perf is not installed: no profiles (PROFILE=0)"
    PROFILE=0
fi
check_venv() {
    "$PY" - <<'PY' 2>/dev/null
import yaml, apscheduler, tzdata
assert yaml.__with_libyaml__, "PyYAML without libyaml"
assert apscheduler.__version__.startswith("3.11."), apscheduler.__version__
PY
}
if ! check_venv; then
    log "creating $VENV (apscheduler 3.11, pyyaml, tzdata)"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check 'apscheduler==3.11.*' pyyaml tzdata
    check_venv || { echo "error: the venv in $VENV is not usable; delete it and run again." >&2; exit 1; }
fi

# --- builds ----------------------------------------------------------------------------------------------------
# SwiftPM takes a lock on each .build; if another build holds it, `swift build` waits for it to finish.
mkdir -p "$LOGS"
# SHOWRUNNER_BIN=path measures that binary (e.g. the release archive's) instead of building one.
BIN="${SHOWRUNNER_BIN:-$ROOT/.build/release/showrunner}"
RELOAD_BENCH="$BENCH/.build/release/ReloadBench"
STALE=""
log "swift build -c release --product showrunner (in $ROOT; waits if another build holds the lock)"
if [ -z "${SHOWRUNNER_BIN:-}" ] && ! (cd "$ROOT" && swift build -c release --product showrunner) >"$LOGS/release-build.log" 2>&1; then
    tail -15 "$LOGS/release-build.log" >&2
    if [ -x "$BIN" ] && [ "${ALLOW_STALE:-1}" = 1 ]; then
        STALE="the release build failed ($LOGS/release-build.log); measured the previous binary"
        log "WARNING: $STALE"
    else
        echo "error: the release build failed (log: $LOGS/release-build.log)." >&2
        exit 1
    fi
fi
log "swift build -c release --product ReloadBench (in bench/daemon)"
if ! (cd "$BENCH" && swift build -c release --product ReloadBench) >"$LOGS/reload-bench-build.log" 2>&1; then
    tail -15 "$LOGS/reload-bench-build.log" >&2
    if [ -x "$RELOAD_BENCH" ] && [ "${ALLOW_STALE:-1}" = 1 ]; then
        STALE="${STALE:+$STALE; }ReloadBench did not build ($LOGS/reload-bench-build.log); used the previous one"
        log "WARNING: ReloadBench did not build; using the previous one"
    else
        echo "error: ReloadBench did not build (log: $LOGS/reload-bench-build.log)." >&2
        exit 1
    fi
fi

# --- data ------------------------------------------------------------------------------------------------------
DATA="$(mktemp -d "${BENCH_DATA:-${TMPDIR:-/tmp}}/showrunner-daemon-bench.XXXXXX")"
if [ "${KEEP_DATA:-0}" = 1 ]; then
    log "keeping the generated data in $DATA"
else
    trap 'rm -rf "$DATA"' EXIT
fi
RESULTS="$DATA/results.txt"
: >"$RESULTS"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

{
    printf 'environment date=%s cpus=%s commit=%s binary=%s' "$(date -u '+%Y-%m-%d_%H:%M_UTC')" "$(nproc)" \
        "$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && [ -n "$(git status --porcelain -- Sources Package.swift 2>/dev/null)" ] && echo +dirty-sources)" \
        "$(date -u -r "$BIN" '+%Y-%m-%d_%H:%M_UTC')"
    printf ' load=%s\n' "$(cut -d' ' -f1 /proc/loadavg)"
} >>"$RESULTS"
[ -z "$STALE" ] || echo "stale_binary why=${STALE// /_}" >>"$RESULTS"

log "generating the config folders in $DATA"
python3 "$BENCH/gen_config.py" "$DATA/a" cheap "$A_ACCOUNTS" "* * * * *"
python3 "$BENCH/gen_config.py" "$DATA/b" cheap "$B_ACCOUNTS" "* * * * * *"
python3 "$BENCH/gen_config.py" "$DATA/tenk/config" daily "$N" >/dev/null
# The daemon checks files, not this machine (espeak-ng voices, ffmpeg): validate the same way when it can.
VALIDATE=(validate)
"$BIN" validate --help 2>/dev/null | grep -q -- --no-preflight && VALIDATE+=(--no-preflight)
for folder in "$DATA/a" "$DATA/b" "$DATA/tenk/config"; do
    if ! "$BIN" "${VALIDATE[@]}" --config "$folder" >"$DATA/validate.out" 2>&1; then
        tail -5 "$DATA/validate.out" >&2
        echo "error: showrunner validate fails on $folder" >&2
        exit 1
    fi
done
cp -r "$DATA/tenk/config" "$DATA/tenk/pristine"  # the reloads edit the folder; the peer and ReloadBench get copies

# --- 1. fire lateness ------------------------------------------------------------------------------------------
log "1a. showrunner: $A_ACCOUNTS accounts on '* * * * *' ($A_SPAN s of instants)"
python3 "$BENCH/daemon_bench.py" lateness --bin "$BIN" --config "$DATA/a" --port "$(free_port)" --mode minute \
    --span "$A_SPAN" --results "$RESULTS" --label a --log "$LOGS/lateness-a.log"
if [ "$PEER" = 1 ]; then
    log "1a. APScheduler: $A_ACCOUNTS jobs on '* * * * *'"
    "$PY" "$BENCH/peer_apscheduler.py" lateness --mode minute --n "$A_ACCOUNTS" --span "$A_SPAN" \
        --results "$RESULTS" --label pa
fi
log "1b. showrunner: $B_ACCOUNTS accounts on '* * * * * *' ($B_SPAN s)"
python3 "$BENCH/daemon_bench.py" lateness --bin "$BIN" --config "$DATA/b" --port "$(free_port)" --mode second \
    --span "$B_SPAN" --results "$RESULTS" --label b --log "$LOGS/lateness-b.log"
if [ "$PEER" = 1 ]; then
    log "1b. APScheduler: $B_ACCOUNTS jobs on second='*'"
    "$PY" "$BENCH/peer_apscheduler.py" lateness --mode second --n "$B_ACCOUNTS" --span "$B_SPAN" \
        --results "$RESULTS" --label pb
fi

# --- 2 + 3. 10,000 accounts: start-up, idle, GET jobs, reloads --------------------------------------------------
PROBE_TIMEOUT=0
[ "$ACCOUNTS_PROBE" = 1 ] && PROBE_TIMEOUT=900
log "2/3. showrunner with $N accounts: start-up, ${IDLE} s idle, GET /api/scheduler/jobs x $CALLS, $EDITS reloads"
python3 "$BENCH/daemon_bench.py" tenk --bin "$BIN" --config "$DATA/tenk/config" --port "$(free_port)" \
    --idle "$IDLE" --edits "$EDITS" --calls "$CALLS" --accounts-timeout "$PROBE_TIMEOUT" --results "$RESULTS" \
    --log "$LOGS/tenk.log"
log "2. in-process reload after the debounce (ReloadBench: ConfigRegistry + Scheduler), $EDITS edits"
cp -r "$DATA/tenk/pristine" "$DATA/inproc"
"$RELOAD_BENCH" --config "$DATA/inproc" --state "$DATA/inproc-state" --edits "$EDITS" --results "$RESULTS" >&2
if [ "$PEER" = 1 ]; then
    log "2/3. APScheduler with $N jobs: start-up, ${IDLE} s idle, get_jobs x $CALLS, $EDITS reschedules"
    cp -r "$DATA/tenk/pristine" "$DATA/peer"
    python3 "$BENCH/daemon_bench.py" peer-tenk --python "$PY" --peer "$BENCH/peer_apscheduler.py" \
        --config "$DATA/peer" --idle "$IDLE" --edits "$EDITS" --calls "$CALLS" --results "$RESULTS"
fi

# --- profiles --------------------------------------------------------------------------------------------------
if [ "$PROFILE" = 1 ]; then
    log "profiles (perf record -g) of the fire burst, the reloads and GET /api/scheduler/jobs"
    cp -r "$DATA/tenk/pristine" "$DATA/profile-tenk"
    PROFILES="$BENCH/.build/profiles"
    rm -rf "$PROFILES"
    "$BENCH/profile.sh" "$BIN" "$DATA/a" "$DATA/profile-tenk" "$PROFILES" "$(free_port)" | tee "$DATA/profile.txt" >&2
    echo "profile dir=$PROFILES" >>"$RESULTS"
fi

echo "load_end load=$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
cp "$RESULTS" "$LOGS/results.txt"
python3 "$BENCH/summary.py" "$RESULTS"
[ "$PROFILE" = 1 ] && cat "$DATA/profile.txt"
exit 0
