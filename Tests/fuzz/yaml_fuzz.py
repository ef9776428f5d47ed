#!/usr/bin/env python3
"""YAML fuzz of `showrunner validate` and of the daemon's reload (issue 12, SPEC §10 guarantee 7).

Mutates the shipped example config (accounts.d/, pipelines/) with a fixed seed: byte flips, truncations,
inserted YAML specials, alias bombs, deep nesting, huge scalars, invalid UTF-8, duplicated and re-indented
lines. Then:

* validate: one `showrunner validate` process per mutated file, each bounded in time and measured for peak
  RSS (wait4); no crash, exit 0 or 1, and every diagnostic names a file and a line.
* reload: the real daemon on a config folder; rounds of mutated files are written into accounts.d/ and
  pipelines/ while it runs, followed by an edit of a good account. The edit must be applied promptly, the
  daemon must answer /healthz with 200, keep every good account scheduled, name the bad files in its
  diagnostics, stay within the memory bound and exit cleanly on SIGTERM.

Prints one summary line with the figures; exits 1 on any violation. Standard library only.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECIALS = [
    "*", "&", "!", "|", ">", "%", "@", "`", "{", "}", "[", "]", ":", ": ", "- ", "? ", "#", "'", '"', "\t",
    "\n", "---\n", "...\n", "*a", "&a ", "!!binary ", "<<: *a\n", "\\", "{{", "}}", "${env:X}", ",", "\r",
]
INVALID_UTF8 = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf5\x80\x80\x80", b"\x80", b"\xe2\x82", b"\x00",
                b"\xef\xbb\xbf", b"\xfe\xff", b"\x01"]


def alias_bomb(rng):
    levels, width = rng.randint(5, 12), rng.randint(3, 10)
    lines = ["  b0: &b0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"  b{level}: &b{level} [" + ", ".join([f"*b{level - 1}"] * width) + "]")
    if rng.random() < 0.3:
        lines.append(f"  ? *b{levels - 1}\n  : key")
    return ("vars:\n" if rng.random() < 0.5 else "  with:\n") + "\n".join(lines) + "\n"


def deep_nesting(rng):
    depth = rng.choice([50, 99, 101, 150, 999, 1001, 5000, 20000])
    if rng.random() < 0.5:
        return "  x: " + "[" * depth + "]" * depth + "\n"
    if rng.random() < 0.5:
        return "  x: " + "{a: " * depth + "1" + "}" * depth + "\n"
    return "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(min(depth, 400)))


def huge_scalar(rng):
    size = rng.choice([10_000, 200_000, 1_000_000, 1_100_000, 2_500_000])
    return "  big: " + rng.choice(["x", "ab ", "é", "{{ vars.x }}"]) * (size // 3) + "\n"


def mutate(data, rng):
    """One to three mutations of `data` (bytes)."""
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["flip", "flip", "truncate", "special", "special", "bomb", "deep", "huge", "utf8",
                           "duplicate", "indent"])
        at = rng.randint(0, len(data)) if data else 0
        if kind == "flip" and data:
            data = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            data = bytes(data)
        elif kind == "truncate":
            data = data[:at]
        elif kind == "special":
            data = data[:at] + rng.choice(SPECIALS).encode() + data[at:]
        elif kind == "utf8":
            data = data[:at] + rng.choice(INVALID_UTF8) + data[at:]
        elif kind in ("bomb", "deep", "huge"):
            block = {"bomb": alias_bomb, "deep": deep_nesting, "huge": huge_scalar}[kind](rng)
            data = data + b"\n" + block.encode() if rng.random() < 0.7 else block.encode() + data
        else:
            lines = data.split(b"\n")
            index = rng.randrange(len(lines))
            if kind == "duplicate":
                lines.insert(index, lines[index])
            else:
                lines[index] = rng.choice([b"  ", b"\t", b" ", b""]) + lines[index].lstrip()
            data = b"\n".join(lines)
    return data


def certainly_bad(data):
    """Files no decoder may accept: we check the daemon names them."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return len(data) > 1 << 20


class Failures:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, text):
        with self.lock:
            self.items.append(text)
            if len(self.items) <= 20:
                print("VIOLATION:", text, file=sys.stderr, flush=True)


def run_bounded(argv, timeout):
    """Runs argv; returns (status, stdout, seconds, peak RSS MiB); status None when killed for the timeout."""
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        status = None
        while True:
            done, raw, usage = os.wait4(child.pid, os.WNOHANG)  # wait4: this child's own peak RSS
            if done:
                status = os.waitstatus_to_exitcode(raw)
                break
            if time.monotonic() - start > timeout:
                child.kill()
                _, raw, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.002)
        child.returncode = -1 if status is None else status  # reaped here, not by Popen
        seconds = time.monotonic() - start
        out.seek(0)
        return status, out.read(), seconds, usage.ru_maxrss / 1024


def seeds():
    files = []
    for folder in ("accounts.d", "pipelines"):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            files.append((folder, path.name, path.read_bytes()))
    return files


def make_config(base):
    for folder in ("accounts.d", "pipelines", "topics"):
        shutil.copytree(ROOT / folder, base / folder)


def check_diagnostics(diagnostics, allowed_files, where, failures, base=None):
    for diagnostic in diagnostics:
        file, line = diagnostic.get("file"), diagnostic.get("line")
        if file and base and file.startswith(f"{base}/"):
            file = file[len(f"{base}/"):]  # validate prints the paths it was given
        if not file or not isinstance(line, int) or line < 1:
            failures.add(f"{where}: a diagnostic without file and line: {json.dumps(diagnostic)[:300]}")
        elif file.rstrip("/") not in allowed_files:
            failures.add(f"{where}: a diagnostic names an unknown file {file!r}")


def fuzz_validate(args, rng, failures):
    corpus = seeds()
    # One seed per case, mutated when it runs: deterministic whatever the thread order, and this process stays
    # small (a child's peak RSS as wait4 reports it starts from the size of the process that forked it).
    cases = [(index, rng.getrandbits(64)) for index in range(args.validate_files)]
    figures = {"files": 0, "errors": 0, "max_rss": 0.0, "max_time": 0.0}
    lock = threading.Lock()
    local = threading.local()
    work = Path(tempfile.mkdtemp(prefix="yaml-fuzz-validate-"))

    def one(case):
        index, seed = case
        case_rng = random.Random(seed)
        folder, name, data = case_rng.choice(corpus)
        data = mutate(data, case_rng)
        if not hasattr(local, "base"):
            local.base = work / f"w{threading.get_ident()}"
            make_config(local.base)
            local.originals = {}
        target = local.base / folder / (name if folder == "pipelines" else f"fuzz-{name}")
        target.write_bytes(data)
        argv = [args.binary, "validate", "--config", str(local.base), "--format", "json", "--no-preflight",
                "--next", "0"]
        status, out, seconds, rss = run_bounded(argv, args.time_limit)
        if folder == "pipelines":
            target.write_bytes((ROOT / folder / name).read_bytes())
        else:
            target.unlink()
        where = f"validate case {index} ({folder}/{name}, {len(data)} bytes)"
        with lock:
            figures["files"] += 1
            figures["max_rss"] = max(figures["max_rss"], rss)
            figures["max_time"] = max(figures["max_time"], seconds)
        if status is None:
            failures.add(f"{where}: no answer within {args.time_limit} s")
            return
        if status not in (0, 1):
            failures.add(f"{where}: exit status {status} (crash?)")
            return
        if rss > args.rss_limit:
            failures.add(f"{where}: peak RSS {rss:.0f} MiB over {args.rss_limit} MiB")
        try:
            report = json.loads(out)
        except ValueError:
            failures.add(f"{where}: output is not JSON: {out[:200]!r}")
            return
        allowed = {f"accounts.d/{p.name}" for p in (local.base / "accounts.d").iterdir()}
        allowed |= {f"pipelines/{p.name}" for p in (local.base / "pipelines").iterdir()}
        allowed |= {str(target.relative_to(local.base)), "accounts.d", "pipelines"}
        check_diagnostics(report.get("diagnostics", []), allowed, where, failures, base=local.base)
        if status == 1:
            with lock:
                figures["errors"] += 1

    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        list(pool.map(one, cases))
    shutil.rmtree(work, ignore_errors=True)
    return figures


def http(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status, json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None
    except (OSError, ValueError):
        return 0, None


def proc_status(pid, key):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


MARKER = "name: Marker\nchannel: {{ type: test }}\nschedule: {{ cron: \"{minute} 4 * * *\" }}\n" \
         "pipeline:\n  steps:\n    - {{ id: a, uses: command, with: {{ run: [\"true\"] }} }}\n"


def wait_until(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    return None


def fuzz_reload(args, rng, failures):
    base = Path(tempfile.mkdtemp(prefix="yaml-fuzz-reload-"))
    make_config(base)
    (base / "showrunner.yaml").write_text("max_concurrent_runs: 1\n")
    (base / "accounts.d" / "marker.yaml").write_text(MARKER.format(minute=0))
    log = open(base / "daemon.log", "wb")
    daemon = os.fork()
    if daemon == 0:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        os.execv(args.binary, [args.binary, "run", "--config", str(base), "--listen", "127.0.0.1:0"])
    figures = {"files": 0, "rounds": 0, "max_latency": 0.0, "max_rss": 0.0, "stop": 0.0}

    def address():
        text = (base / "daemon.log").read_text(errors="replace")
        marker = "HTTP API on "
        if marker in text and "\n" in text.split(marker, 1)[1]:
            return text.split(marker, 1)[1].split("\n", 1)[0].strip()
        return None

    url = wait_until(address, 120)
    if not url:
        failures.add("reload: the daemon did not start")
        os.kill(daemon, signal.SIGKILL)
        os.waitpid(daemon, 0)
        return figures

    def scheduled():
        status, body = http(url + "/api/scheduler/jobs")
        return {job["id"]: job for job in (body or {}).get("jobs", [])} if status == 200 else None

    good = set(wait_until(lambda: (jobs := scheduled()) and "marker" in jobs and jobs, 60) or {})
    corpus = seeds()
    for round_number in range(1, args.reload_rounds + 1):
        written, bad = [], []
        for index in range(args.reload_files):
            folder, name, data = rng.choice(corpus)
            data = mutate(data, rng)
            path = base / folder / f"fuzz-{round_number}-{index}.yaml"
            path.write_bytes(data)
            written.append(path)
            if certainly_bad(data):
                bad.append(f"{folder}/{path.name}")
            if rng.random() < 0.2:
                time.sleep(rng.random() * 0.05)  # some writes pause, most come in a burst
        minute = round_number % 60
        start = time.monotonic()
        (base / "accounts.d" / "marker.yaml").write_text(MARKER.format(minute=minute))
        applied = wait_until(
            lambda: (jobs := scheduled()) and jobs.get("marker", {}).get("cron") == f"{minute} 4 * * *" and jobs, 60)
        latency = time.monotonic() - start
        figures["files"] += len(written)
        figures["rounds"] += 1
        figures["max_latency"] = max(figures["max_latency"], latency)
        where = f"reload round {round_number}"
        if not applied:
            failures.add(f"{where}: the marker edit was not applied within 60 s")
        else:
            missing = good - set(applied)
            if missing:
                failures.add(f"{where}: good accounts no longer scheduled: {sorted(missing)}")
        health, _ = http(url + "/healthz")
        if health != 200:
            failures.add(f"{where}: /healthz answered {health}")
        status, body = http(url + "/api/config/diagnostics")
        diagnostics = (body or {}).get("diagnostics", [])
        present = {f"{folder}/{p.name}" for folder in ("accounts.d", "pipelines") for p in (base / folder).iterdir()}
        check_diagnostics(diagnostics, present | {"accounts.d", "pipelines", "showrunner.yaml"}, where, failures)
        named = {d.get("file") for d in diagnostics}
        for file in bad:
            if file not in named:
                failures.add(f"{where}: no diagnostic names {file}")
        figures["max_rss"] = max(figures["max_rss"], proc_status(daemon, "VmHWM"))
        if figures["max_rss"] > args.rss_limit:
            failures.add(f"{where}: daemon peak RSS {figures['max_rss']:.0f} MiB over {args.rss_limit} MiB")
        for path in written:
            path.unlink()
    start = time.monotonic()
    os.kill(daemon, signal.SIGTERM)
    stopped = wait_until(lambda: os.waitpid(daemon, os.WNOHANG)[0] == daemon and True, 60)
    figures["stop"] = time.monotonic() - start
    if not stopped:
        failures.add("reload: the daemon did not exit within 60 s of SIGTERM")
        os.kill(daemon, signal.SIGKILL)
        os.waitpid(daemon, 0)
    log.close()
    shutil.rmtree(base, ignore_errors=True)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "showrunner"))
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--validate-files", type=int, default=2500)
    parser.add_argument("--reload-rounds", type=int, default=20)
    parser.add_argument("--reload-files", type=int, default=25, help="mutated files per reload round")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per validate run")
    parser.add_argument("--rss-limit", type=float, default=300.0, help="MiB, validate and daemon")
    args = parser.parse_args()
    failures = Failures()
    started = time.monotonic()
    rng = random.Random(args.seed)
    validate = fuzz_validate(args, rng, failures)
    reload = fuzz_reload(args, rng, failures)
    print(
        f"yaml fuzz (seed {args.seed}): validate {validate['files']} files, {validate['errors']} with errors, "
        f"max RSS {validate['max_rss']:.0f} MiB, max time {validate['max_time']:.2f} s; "
        f"reload {reload['files']} files in {reload['rounds']} rounds, max reload {reload['max_latency']:.2f} s, "
        f"daemon max RSS {reload['max_rss']:.0f} MiB, stop {reload['stop']:.2f} s; "
        f"{len(failures.items)} violations in {time.monotonic() - started:.0f} s", flush=True)
    return 1 if failures.items else 0


if __name__ == "__main__":
    sys.exit(main())
