#!/usr/bin/env bash
# Issue 17: the validate and daemon benchmarks at several sizes, ours and the Python peer in the same run.
#
#   bench/scale.sh                       # SIZES="10000 100000", the release binary in .build/release
#   BIN=/path/to/showrunner LABEL=before bench/scale.sh
#
# Per size N: A. `validate --next 1 --no-preflight` on N accounts (bench/validate/generate.py): wall (best of
# REPEATS), user+sys CPU and peak RSS from /usr/bin/time; the Python peer (PyYAML C loader + APScheduler 3.11) and
# libyaml alone in C (floor.c). B. The daemon on N daily accounts (bench/daemon/gen_config.py, daemon_bench.py tenk):
# start-up (API answers; every job listed), RSS, EDITS reloads of one file; the APScheduler peer (peer-tenk).
# C. Once: 1,000 accounts on "* * * * *" over LATE_SPAN s (daemon_bench.py lateness) and the peer.
# Knobs: SIZES REPEATS EDITS LATE_SPAN (0: skip C) PEER PEER_MAX STARTS LABEL BIN.
# Needs bench/.venv (bench/run.sh creates it). Raw figures: $OUT/results-$LABEL.txt.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
BIN="${BIN:-$ROOT/.build/release/showrunner}"
SIZES="${SIZES-10000 100000}"
REPEATS="${REPEATS:-3}"
EDITS="${EDITS:-30}"
LATE_SPAN="${LATE_SPAN:-60}"
LABEL="${LABEL:-run}"
PEER="${PEER:-1}"
PEER_MAX="${PEER_MAX:-100000}"  # the peer only up to this size (it takes minutes at 100,000 on a busy machine)
STARTS="${STARTS:-3}"
PY="$BENCH/.venv/bin/python"
OUT="${OUT:-$BENCH/.build/scale}"
DATA="${DATA:-$OUT/data}"
RESULTS="$OUT/results-$LABEL.txt"
mkdir -p "$OUT" "$DATA"
: >"$RESULTS"
log() { echo "== $*" >&2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
echo "environment date=$(date -u '+%Y-%m-%d_%H:%M_UTC') binary=$BIN load=$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"

FLOOR_C="$OUT/floor-c"
[ -x "$FLOOR_C" ] || cc -O2 "$BENCH/validate/floor.c" -lyaml -o "$FLOOR_C"

# best wall of REPEATS; CPU (user+sys) of that run; highest peak RSS.
measure() {
    local name="$1" repeats="$2"
    shift 2
    local best="" cpu="" rss=0
    for _ in $(seq "$repeats"); do
        /usr/bin/time -f '%e %U %S %M %x' -o "$OUT/time.txt" "$@" >/dev/null
        read -r seconds user system kb code < <(tail -1 "$OUT/time.txt")
        [ "$code" = 0 ] || { echo "error: '$*' exited $code" >&2; exit 1; }
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best="$seconds"
            cpu="$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')"
        fi
        [ "$kb" -gt "$rss" ] && rss="$kb"
    done
    echo "$name wall_s=$best cpu_s=$cpu rss_mb=$((rss / 1024))" | tee -a "$RESULTS" >&2
}

for N in $SIZES; do
    config="$DATA/validate-$N"
    [ -d "$config" ] || python3 "$BENCH/validate/generate.py" "$config" "$N" >&2
    log "A. validate, $N accounts"
    measure "validate_ours_$N" "$REPEATS" "$BIN" validate --config "$config" --next 1 --no-preflight
    if [ "$PEER" = 1 ] && [ "$N" -le "$PEER_MAX" ]; then
        measure "validate_peer_$N" "$([ "$N" -gt 10000 ] && echo 1 || echo "$REPEATS")" "$PY" "$BENCH/validate/peer.py" "$config"
    fi
    measure "validate_floor_c_$N" "$REPEATS" "$FLOOR_C" "$config"

    daemon="$DATA/daemon-$N"
    [ -d "$daemon/pristine" ] || { python3 "$BENCH/daemon/gen_config.py" "$daemon/pristine" daily "$N" >/dev/null; }
    rm -rf "$daemon/work" "$daemon/peer"
    cp -r "$daemon/pristine" "$daemon/work"
    log "B. daemon, $N accounts: start-up, RSS, $EDITS reloads"
    python3 "$BENCH/daemon/daemon_bench.py" tenk --bin "$BIN" --config "$daemon/work" --port "$(free_port)" \
        --idle 5 --edits "$EDITS" --calls 3 --starts "$([ "$N" -gt 10000 ] && echo 1 || echo "$STARTS")" --accounts-timeout 0 --results "$RESULTS" \
        --log "$OUT/daemon-$LABEL-$N.log" | sed "s/^/[$N] /" >&2 || log "daemon run failed"
    sed -i -E "s/^(startup|idle|get_jobs|get_one_job|get_healthz|reload_[a-z_]*|tenk_end)( |$)/\1_$N\2/" "$RESULTS"
    if [ "$PEER" = 1 ] && [ "$N" -le "$PEER_MAX" ]; then
        cp -r "$daemon/pristine" "$daemon/peer"
        python3 "$BENCH/daemon/daemon_bench.py" peer-tenk --python "$PY" --peer "$BENCH/daemon/peer_apscheduler.py" \
            --config "$daemon/peer" --idle 5 --edits "$EDITS" --calls 3 --results "$RESULTS" >&2 || log "peer failed"
        sed -i -E "s/^(peer_[a-z]*)( |$)/\1_$N\2/" "$RESULTS"
    fi
done

if [ "$LATE_SPAN" -gt 0 ]; then
    late="$DATA/late"
    [ -d "$late" ] || python3 "$BENCH/daemon/gen_config.py" "$late" cheap 1000 "* * * * *"
    rm -rf "$late/state"
    log "C. fire lateness, 1,000 accounts on '* * * * *', $LATE_SPAN s"
    python3 "$BENCH/daemon/daemon_bench.py" lateness --bin "$BIN" --config "$late" --port "$(free_port)" --mode minute \
        --span "$LATE_SPAN" --results "$RESULTS" --label a --log "$OUT/lateness-$LABEL.log" >&2
    if [ "$PEER" = 1 ]; then
        "$PY" "$BENCH/daemon/peer_apscheduler.py" lateness --mode minute --n 1000 --span "$LATE_SPAN" \
            --results "$RESULTS" --label pa >&2
    fi
fi
cat "$RESULTS"
