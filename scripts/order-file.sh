#!/usr/bin/env bash
# Writes contrib/showrunner.order: the functions the daemon and `validate` run, one mangled name per line, for
# scripts/package.sh to place side by side in the binary (lld --symbol-ordering-file). The kernel maps a
# binary's code 64 KB around each page touched; with the few MB of code a daemon runs spread over 35 MB, most of
# the text ends up resident. Grouped, it is a few MB (bench/daemon/README.md, "Code layout").
#
#   scripts/order-file.sh [BIN]     BIN: a release build (default: .build-package's, from scripts/package.sh)
#
# Needs valgrind (Debian: valgrind) and curl. The names are taken from callgrind while the daemon starts with
# 1,000 generated accounts, answers every GET of the API, reloads a changed file and runs one triggered
# pipeline, and while `validate --next 1` checks the same folder. A stale list costs nothing but the grouping:
# names no longer in the binary are ignored, new functions land after the listed ones.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=${1:-$(swift build -c release --scratch-path .build-package --show-bin-path)/showrunner}
out=$root/contrib/showrunner.order
port=18990
command -v valgrind > /dev/null || { echo "order-file: needs valgrind (apt-get install valgrind)" >&2; exit 1; }

work=$(mktemp -d)
daemon=
trap '[ -n "$daemon" ] && kill -KILL "$daemon" 2> /dev/null; rm -rf "$work"' EXIT
strip --strip-debug -o "$work/showrunner" "$bin"  # valgrind cannot read the toolchain's DWARF 5
python3 bench/daemon/gen_config.py "$work/config" daily 1000 --listen "127.0.0.1:$port" > /dev/null 2>&1
grind=(valgrind --tool=callgrind --demangle=no --dump-instr=no)

echo "order-file: starting the daemon under callgrind (a minute or two)" >&2
"${grind[@]}" --callgrind-out-file="$work/daemon.out" "$work/showrunner" run --config "$work/config" \
    > "$work/daemon.log" 2>&1 &
daemon=$!
api=http://127.0.0.1:$port
for _ in $(seq 600); do curl -sf -m 5 "$api/healthz" > /dev/null && break; sleep 1; done
account=$(ls "$work/config/accounts.d" | head -1)
account=${account%.yaml}
for path in /healthz /api/scheduler/jobs /api/accounts "/api/accounts/$account" /api/runs /metrics \
    /api/config/diagnostics /api/openapi.json / /dashboard; do
    curl -s -m 120 -o /dev/null "$api$path" || true
done
touch "$work/config/accounts.d/$account.yaml"
curl -s -m 120 -o /dev/null -X POST "$api/api/scheduler/reload" || true
curl -s -m 120 -o /dev/null -X POST "$api/api/scheduler/trigger/$account" || true
for _ in $(seq 300); do  # the triggered run to its end
    curl -s -m 60 "$api/api/runs?account=$account" | grep -Eq '"status" *: *"(succeeded|failed)"' && break
    sleep 1
done
callgrind_control -d "$daemon" > /dev/null 2>&1
for _ in $(seq 120); do  # written when one of its threads next runs, then complete once its size holds
    size=$(stat -c %s "$work"/daemon.out.* 2> /dev/null | head -1 || true)
    [ "${size:-0}" -gt 0 ] && sleep 2 && [ "$(stat -c %s "$work"/daemon.out.* | head -1)" = "$size" ] && break
    sleep 1
done
kill -KILL "$daemon"
wait "$daemon" 2> /dev/null || true
daemon=

echo "order-file: validate under callgrind" >&2
"${grind[@]}" --callgrind-out-file="$work/validate.out" "$work/showrunner" validate --config "$work/config" \
    --next 1 --no-preflight > /dev/null 2>&1 || true

# Every function callgrind saw run (named where it first appears, as "fn=(id) name" or a callee's "cfn=(id) name"),
# kept if the binary defines it.
[ -s "$work/daemon.out.1" ] || { echo "order-file: callgrind wrote no profile of the daemon" >&2; exit 1; }
cat "$work/daemon.out.1" "$work/validate.out" | sed -n 's/^c\{0,1\}fn=([0-9]*) //p' | sort -u > "$work/ran"
nm --defined-only "$bin" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$work/defined"
comm -12 "$work/ran" "$work/defined" > "$out"
echo "order-file: $(wc -l < "$out") functions in ${out#"$root"/}" >&2
