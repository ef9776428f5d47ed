"""Fixtures of the browser suite: the real `showrunner run` on a copy of the shipped example config (with a test
state folder and an api_token), and a headless Debian chromium driven through /usr/bin/chromedriver."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = Path(__file__).resolve().parent / "output"
TOKEN = "browser-test-token-5f1c"
XSS_NAME = "<script>alert(1)</script>"


@dataclass
class Daemon:
    base: str
    config: Path
    proc: subprocess.Popen

    def request(self, method: str, path: str, token: str | None = TOKEN) -> tuple[int, str]:
        req = urllib.request.Request(self.base + path, method=method, data=b"" if method == "POST" else None)
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=10) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def _config(folder: Path) -> Path:
    config = folder / "config"
    for name in ("accounts.d", "pipelines", "topics"):
        shutil.copytree(ROOT / name, config / name)
    # The demo fires every 5 minutes; here only the test starts runs, so a fire cannot collide with them.
    demo = config / "accounts.d" / "quick-demo.yaml"
    demo.write_text(demo.read_text().replace('"*/5 * * * *"', '"0 0 1 1 *"'))
    xss = demo.read_text().replace("name: Quick Demo", f'name: "{XSS_NAME}"')
    (config / "accounts.d" / "xss.yaml").write_text(xss)
    # The example's voice is Piper from the project's venv (scripts/install-deps.sh), looked for in the config folder.
    venv = Path(os.environ.get("SHOWRUNNER_VENV", ROOT / ".venv"))
    if venv.exists():
        (config / ".venv").symlink_to(venv.resolve(), target_is_directory=True)
    # The example's scenes and music (scripts/make-media.sh, run by install-deps.sh).
    (config / "media").symlink_to((ROOT / "media").resolve(), target_is_directory=True)
    (config / "showrunner.yaml").write_text(
        "api_token: ${env:SHOWRUNNER_BROWSER_TOKEN}\nlisten: 127.0.0.1:0\nstate_dir: " + str(folder / "state") + "\n"
    )
    return config


@pytest.fixture(scope="session")
def daemon(tmp_path_factory):
    binary = os.environ.get("SHOWRUNNER_BIN") or str(ROOT / ".build" / "debug" / "showrunner")
    folder = tmp_path_factory.mktemp("browser")
    config = _config(folder)
    log = open(folder / "daemon.log", "w")
    env = dict(os.environ, SHOWRUNNER_BROWSER_TOKEN=TOKEN)
    proc = subprocess.Popen(
        [binary, "run", "--config", str(config)], cwd=config, env=env, stdout=subprocess.PIPE, stderr=log, text=True
    )
    base = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not base:
        line = proc.stdout.readline()
        if not line:
            break
        if "dashboard on " in line:
            base = line.split("dashboard on ", 1)[1].strip().rstrip("/")
    if not base:
        proc.kill()
        pytest.fail("the daemon did not print its dashboard address; see " + str(folder / "daemon.log"))
    yield Daemon(base=base, config=config, proc=proc)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("the daemon did not stop within 30 s of SIGTERM with a browser connected")


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                     "--autoplay-policy=no-user-gesture-required"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    OUTPUT.mkdir(exist_ok=True)
    yield driver
    driver.quit()
