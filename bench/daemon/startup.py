"""Start-up of the daemon on a config folder, as a user's client sees it: the start-up line, the first API answer,
and the first listing of every job with its next fire (read with urllib, timed when the body is in), with the
process's CPU time and RSS at that moment. Alternates binaries so a shared machine's drift hits each alike.

    python3 bench/daemon/startup.py --config COPY --starts 5 BIN [BIN ...]

COPY: a config folder (e.g. a copy of bench/.build/scale/data/daemon-10000/pristine); its state/ is removed
before each start. The page cache is warmed first (every account file read once).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(binary: str, config: str) -> dict:
    shutil.rmtree(os.path.join(config, "state"), ignore_errors=True)
    port = free_port()
    started = time.monotonic()
    process = subprocess.Popen([binary, "run", "--config", config, "--listen", f"127.0.0.1:{port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line_at: list[float] = []

    def read_lines() -> None:
        for raw in process.stdout:
            if not line_at and b"accounts scheduled" in raw:
                line_at.append(time.monotonic() - started)

    threading.Thread(target=read_lines, daemon=True).start()
    first_answer = None
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/scheduler/jobs", timeout=30) as reply:
                body = reply.read()
                received = time.monotonic() - started
            first_answer = first_answer or received
            jobs = json.loads(body)["jobs"]
            if jobs and all(job["next_run_at"] for job in jobs):
                break
        except urllib.error.HTTPError as error:  # 503 while starting
            first_answer = first_answer or time.monotonic() - started
            error.read()
        except OSError:
            pass
        time.sleep(0.01)
    stat = open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    rss = next(int(line.split()[1]) for line in open(f"/proc/{process.pid}/status") if line.startswith("VmRSS"))
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    return {"line": line_at[0] if line_at else float("nan"), "first_answer": first_answer, "listed": received,
            "jobs": len(jobs), "cpu": cpu, "rss_mb": rss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("binaries", nargs="+")
    args = parser.parse_args()
    folder = os.path.join(args.config, "accounts.d")
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as f:
            f.read()
    results: dict[str, list[dict]] = {binary: [] for binary in args.binaries}
    for _ in range(args.starts):
        for binary in args.binaries:
            results[binary].append(start(binary, args.config))
    for binary, runs in results.items():
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(f"{binary}: {median['jobs']:.0f} jobs; medians of {len(runs)}: line {median['line']:.3f} s, "
              f"first answer {median['first_answer']:.3f} s, every job listed {median['listed']:.3f} s "
              f"(min {min(run['listed'] for run in runs):.3f}, max {max(run['listed'] for run in runs):.3f}), "
              f"CPU {median['cpu']:.2f} s, RSS {median['rss_mb']:.1f} MB")


if __name__ == "__main__":
    main()
