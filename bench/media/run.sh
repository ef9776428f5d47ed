#!/usr/bin/env bash
# Showrunner media benchmark (issue 4, "Measure"): one command, prints a summary.
#
#   bench/media/run.sh        # ~3-5 min on 2 cores, plus the first release build and the MoviePy venv
#
# Renders a 60-second short (espeak-ng voice, SRT subtitles, 1080x1920 H.264/AAC with the subtitles burned in)
# with our `tts` + `subtitles` + `video` steps (release build of bench/media, in-process, as the engine runs them),
# then the same composition with MoviePy 2.x (PyPI, in bench/media/.venv) from the same WAV and SRT, using the
# system ffmpeg and the same encoder settings. For each: wall time, CPU time (user+sys, the children's included)
# and peak RSS (the largest process of the tree), from /usr/bin/time, and the summed peaks of the whole tree and of
# its ffmpegs, summed RSS and summed PSS (tree_rss.py, sampled every 50 ms: several ffmpegs can run at once); then
# the ratios.
#
# Knobs: REPEATS=1 (the best wall time of N runs is reported for each side), SCRIPT=bench/media/script.txt
#        FORMAT=short|landscape|square, BACKGROUND= (a colour, an image/video path, or library:DIR for scenes —
#        e.g. library:media/example/library after scripts/make-media.sh; default the steps' colour),
#        MUSIC= (a music file or folder for the video step, e.g. media/example/music)
#        VOICE=piper (Piper's en_US-joe-medium from the project's .venv instead of espeak-ng)
#        CAPTIONS=words (word-by-word captions, `style: words`, instead of SRT lines; MoviePy still draws the lines)
#        MOVIEPY=0 (measure our side only: no MoviePy venv, no MoviePy render — a quick before/after figure)
#        ALLOW_STALE=1 (when the release build fails because the package is being edited, measure the previous
#        MediaBench binary and say so; 0 fails instead)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
REPEATS="${REPEATS:-1}"
SCRIPT="${SCRIPT:-$BENCH/script.txt}"
FORMAT="${FORMAT:-short}"
BACKGROUND="${BACKGROUND:-}"
OUT="$BENCH/out"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

log() { echo "== $*" >&2; }

# --- tools -----------------------------------------------------------------------------------------------------
missing=()
for tool in espeak-ng ffmpeg ffprobe; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -f "$FONT" ] || missing+=(fonts-dejavu-core)
[ -x /usr/bin/time ] || missing+=(time)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends espeak-ng ffmpeg fonts-dejavu-core time python3-venv >/dev/null
fi

# --- builds ----------------------------------------------------------------------------------------------------
# The main package is a path dependency; SwiftPM does not notice files added to or removed from a dependency's
# folders, so the manifest's mtime is bumped to make it plan the build again.
log "swift build -c release in bench/media"
touch "$BENCH/Package.swift"
mkdir -p "$BENCH/.build"
BIN="$BENCH/.build/release/MediaBench"
STALE=""
if ! (cd "$BENCH" && swift build -c release) >"$BENCH/.build/media-build.log" 2>&1; then
    tail -15 "$BENCH/.build/media-build.log" >&2
    if [ -x "$BIN" ] && [ "${ALLOW_STALE:-1}" = 1 ]; then
        STALE="the release build failed (bench/media/.build/media-build.log); measured the binary built $(date -r "$BIN" '+%Y-%m-%d %H:%M')"
        log "WARNING: $STALE"
    else
        echo "error: the bench/media release build failed." >&2
        exit 1
    fi
fi

MOVIEPY="${MOVIEPY:-1}"
if [ "$MOVIEPY" = 1 ] && [ ! -x "$BENCH/.venv/bin/python" ]; then
    log "creating bench/media/.venv with MoviePy 2.2.1 (PyPI)"
    python3 -m venv "$BENCH/.venv"
fi
MOVIEPY_VERSION=none
if [ "$MOVIEPY" = 1 ]; then
    "$BENCH/.venv/bin/pip" install -q "moviepy==2.2.1" >/dev/null
    MOVIEPY_VERSION="$("$BENCH/.venv/bin/pip" show moviepy | awk '/^Version/ {print $2}')"
fi

# --- runs ------------------------------------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # NAME COMMAND...: appends "wall user sys maxrss_kb" to $OUT/NAME.times, the tree's summed peak RSS to NAME.rss
    /usr/bin/time -f '%e %U %S %M' -a -o "$OUT/$1.times" "${@:2}" &
    local pid=$!
    python3 "$BENCH/tree_rss.py" "$pid" >>"$OUT/$1.rss" &
    local watcher=$!
    wait "$pid"
    wait "$watcher"
}
for ((i = 1; i <= REPEATS; i++)); do
    log "Showrunner steps: tts + subtitles + video (run $i/$REPEATS)"
    rm -rf "$OUT/swift"
    measure swift "$BIN" render "$SCRIPT" "$OUT/swift" "$FORMAT" ${BACKGROUND:+"$BACKGROUND"} >"$OUT/swift.json"
done
WAV="$OUT/swift/voice/voice.wav"
SRT="$OUT/swift/subtitles/subtitles.srt"
for ((i = 1; i <= REPEATS && MOVIEPY == 1; i++)); do
    log "MoviePy $MOVIEPY_VERSION: the same composition from the same WAV and SRT (run $i/$REPEATS)"
    if [[ "$BACKGROUND" == library:* ]]; then
        FFMPEG_BINARY="$(command -v ffmpeg)" measure moviepy \
            "$BENCH/.venv/bin/python" "$BENCH/moviepy_scenes.py" "$OUT/swift.json" "$OUT/moviepy.mp4" "$FONT"
    else
        FFMPEG_BINARY="$(command -v ffmpeg)" measure moviepy \
            "$BENCH/.venv/bin/python" "$BENCH/moviepy_render.py" "$WAV" "$SRT" "$OUT/moviepy.mp4" "$FONT"
    fi
done

# --- report ----------------------------------------------------------------------------------------------------
probe() { ffprobe -v error -show_entries stream=codec_name,width,height:format=duration -of compact "$1" | tr '\n' ' '; }
MOVIEPY_PROBE=""
[ ! -f "$OUT/moviepy.mp4" ] || MOVIEPY_PROBE="$(probe "$OUT/moviepy.mp4")"
python3 - "$OUT" "$MOVIEPY_VERSION" "$(probe "$OUT/swift/video/video.mp4")" "$MOVIEPY_PROBE" <<'PY'
import json, os, sys
out, moviepy_version, swift_probe, moviepy_probe = sys.argv[1:5]
def best(name):
    rows = [list(map(float, line.split())) for line in open(f"{out}/{name}.times") if line.strip()]
    trees = [list(map(float, line.split())) for line in open(f"{out}/{name}.rss") if line.strip()]
    return [*min(rows, key=lambda r: r[0]), *(max(t[k] if len(t) > k else 0 for t in trees) for k in range(3))]
report = json.load(open(f"{out}/swift.json"))
audio = float(report["duration_s"])
swift = best("swift")
moviepy = best("moviepy") if os.path.exists(f"{out}/moviepy.times") else None
print(f"\nA {audio:.1f}-second short, {len(report['scenes'])} scenes, {os.cpu_count()} cores; MoviePy {moviepy_version}")
print(f"{'':<22}{'wall s':>9}{'CPU s':>9}{'CPU s/min':>11}{'peak RSS MB':>13}{'tree MB':>9}{'ffmpegs MB':>12}"
      f"{'tree PSS MB':>13}{'x real time':>13}")
for name, row in (("Showrunner (Swift)", swift), ("MoviePy", moviepy)):
    if row is None:
        continue
    wall, user, system, rss, tree, ffmpegs, pss = row
    per_minute = (user + system) / audio * 60
    print(f"{name:<22}{wall:>9.1f}{user + system:>9.1f}{per_minute:>11.1f}{rss / 1024:>13.0f}{tree / 1024:>9.0f}"
          f"{ffmpegs / 1024:>12.0f}{pss / 1024:>13.0f}{audio / wall:>13.2f}")
if moviepy:
    print(f"MoviePy / Showrunner: wall {moviepy[0] / swift[0]:.1f}x, CPU {(moviepy[1] + moviepy[2]) / (swift[1] + swift[2]):.1f}x, "
          f"peak RSS {moviepy[3] / swift[3]:.1f}x")
steps = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(report["seconds"].items()))
print(f"Showrunner steps (wall): {steps}; voice {os.environ.get('VOICE') or 'espeak-ng'}, "
      f"captions {os.environ.get('CAPTIONS') or 'lines'}; the tts step's real-time factor "
      f"{report['seconds']['tts'] / audio:.3f} (seconds of synthesis per second of speech)")
print(f"outputs: swift {swift_probe}\n         moviepy {moviepy_probe}")
PY
[ -z "$STALE" ] || echo "WARNING: $STALE"
echo "load average before the runs: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
