#!/usr/bin/env bash
# Showrunner YouTube upload benchmark (issue 5, "Measure"): one command, prints a summary.
#
#   bench/youtube/run.sh      # ~1 min on 2 cores, plus the first release build of bench/youtube (~5 min)
#
# Uploads a SIZE_MB file (random bytes) with the real `upload.youtube` step (release build, in-process, a SQLite
# store in a temp dir, as the engine runs it) to the fake YouTube of the test suite, which runs as a SEPARATE
# process (`YouTubeBench serve`) and keeps only a checksum of the bytes. For each chunk size: wall time of the
# step's run (after the checksum pass), MB/s, the upload process's CPU time (user+sys) and its peak RSS, and the
# checksum pass (the dry run: the file read once to key the upload). Each upload is checked: the server's video
# has the file's size and FNV-1a 64.
#
# Knobs: SIZE_MB=200 CHUNKS="8MiB 32MiB 1MiB 256KiB" REPEATS=3 (best wall time of N per chunk size)
#        ALLOW_STALE=1 (when the release build fails because the package is being edited, measure the previous
#        binary and say so; 0 fails instead)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SIZE_MB="${SIZE_MB:-200}"
CHUNKS="${CHUNKS:-8MiB 32MiB 1MiB 256KiB}"
REPEATS="${REPEATS:-3}"
log() { echo "== $*" >&2; }

[ -x /usr/bin/time ] || { log "installing Debian time"; apt-get install -y -qq --no-install-recommends time >/dev/null; }

# The main package is a path dependency; SwiftPM does not notice files added to a dependency's folders, so the
# manifest's mtime is bumped to make it plan the build again.
log "swift build -c release in bench/youtube"
touch "$BENCH/Package.swift"
mkdir -p "$BENCH/.build"
BIN="$BENCH/.build/release/YouTubeBench"
STALE=""
if ! (cd "$BENCH" && swift build -c release) >"$BENCH/.build/youtube-build.log" 2>&1; then
    tail -15 "$BENCH/.build/youtube-build.log" >&2
    if [ -x "$BIN" ] && [ "${ALLOW_STALE:-1}" = 1 ]; then
        STALE="the release build failed (bench/youtube/.build/youtube-build.log); measured the binary built $(date -r "$BIN" '+%Y-%m-%d %H:%M')"
        log "WARNING: $STALE"
    else
        echo "error: the bench/youtube release build failed." >&2
        exit 1
    fi
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

log "writing a ${SIZE_MB} MB file of random bytes"
head -c "$((SIZE_MB * 1000000))" /dev/urandom >"$WORK/video.mp4"

"$BIN" serve >"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 200); do grep -q '^base ' "$WORK/server.log" 2>/dev/null && break; sleep 0.05; done
BASE="$(awk '/^base /{print $2}' "$WORK/server.log")"
[ -n "$BASE" ] || { echo "error: the fake server did not start" >&2; exit 1; }
log "fake YouTube at $BASE (pid $SERVER_PID)"

: >"$WORK/results.txt"
for chunk in $CHUNKS; do
    log "uploading with ${chunk} chunks, ${REPEATS}×"
    /usr/bin/time -f 'process chunk='"$chunk"' wall_s=%e user_s=%U sys_s=%S peak_rss_kb=%M' \
        "$BIN" upload "$BASE" "$WORK/video.mp4" "$chunk" "$REPEATS" >>"$WORK/results.txt" 2>>"$WORK/results.txt"
done
sleep 0.2  # the server reports completed videos every 50 ms
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

python3 - "$WORK/results.txt" "$WORK/server.log" "$SIZE_MB" "$STALE" <<'PY'
import re, sys
results, server, size_mb, stale = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3], sys.argv[4]
fields = lambda line: dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
uploads = [fields(l) for l in results.splitlines() if l.startswith("upload ")]
processes = [fields(l) for l in results.splitlines() if l.startswith("process ")]
files = {l.split()[3] for l in results.splitlines() if l.startswith("file ")}
videos = [l.split() for l in server.splitlines() if l.startswith("video ")]
size = int(float(size_mb) * 1_000_000)
ok = len(videos) == len(uploads) and all(int(v[2]) == size and v[4] in files for v in videos) and len(files) == 1
print(f"\nupload.youtube → fake YouTube (separate process, 127.0.0.1), {size_mb} MB file, release build")
if stale: print(f"NOTE: {stale}")
print(f"{'chunk':>8} {'step s':>7} {'MB/s':>6} {'transfer MB/s':>13} {'CPU s':>6} {'checksum s':>10} {'peak RSS MB':>11}")
for chunk in dict.fromkeys(u["chunk"] for u in uploads):
    runs = [u for u in uploads if u["chunk"] == chunk]
    best = min(runs, key=lambda u: float(u["wall_s"]))
    rss = max(float(p["peak_rss_kb"]) for p in processes if p["chunk"] == chunk) / 1024
    print(f"{chunk:>8} {float(best['wall_s']):>7.3f} {float(best['mb_per_s']):>6.1f} "
          f"{float(best['transfer_mb_per_s']):>13.1f} {float(best['cpu_s']):>6.3f} "
          f"{float(best['checksum_wall_s']):>10.3f} {rss:>11.1f}")
print("step = the whole upload.youtube run: checksum pass (FNV-1a 64 of the file, to key the upload) + transfer;")
print("transfer MB/s excludes the checksum pass; CPU s = the upload process during the step; peak RSS = the")
print("upload process over its runs (all repeats, and one extra read of the file for the check).")
print(f"\nverified: {len(videos)} videos on the server, each {size} bytes with the file's FNV-1a 64: {'yes' if ok else 'NO'}")
sys.exit(0 if ok else 1)
PY
