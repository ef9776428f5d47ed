#!/usr/bin/env python3
"""Dashboard page timings with 10,000 channels and 100,000 runs in the store.

usage: dashboard_bench.py BINARY [--accounts 10000] [--runs 100000] [--requests 60] [--out DIR]

Writes a realistic 10,000-account folder (bench/daemon/gen_config.py daily: nothing fires during the measurement),
starts the daemon once to create its store, stops it, inserts the runs straight into SQLite (10 per account over
30 days, a mix of statuses and triggers, 7 attempts each for the newest 2,000), starts it again and times each
page over loopback (no token, so no sign-in): p50/p99 of the whole request as the client sees it (an upper bound
of server time) and the bytes of each page. Prints one line per page and writes results.json.
"""
import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = ["succeeded"] * 8 + ["failed", "skipped"]
TRIGGERS = ["schedule"] * 8 + ["manual", "catch_up"]
STEPS = ["topic", "script", "voice", "subtitles", "thumbnail", "video", "upload"]


def start(binary, config):
    proc = subprocess.Popen([binary, "run", "--config", config], cwd=config, stdout=subprocess.PIPE,
                            stderr=open(os.path.join(config, "daemon.log"), "a"), text=True)
    for line in proc.stdout:
        if "dashboard on " in line:
            return proc, line.split("dashboard on ", 1)[1].strip().rstrip("/")
    raise SystemExit("the daemon did not start; see daemon.log")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=60)


def fill(database, accounts, total, rng):
    now = int(time.time() * 1000)
    db = sqlite3.connect(database)
    runs, attempts = [], []
    per_account = max(1, total // len(accounts))
    for index in range(total):
        account = accounts[index % len(accounts)]
        created = now - (index // len(accounts)) * 3 * 86_400_000 - rng.randrange(86_400_000)
        status, trigger = rng.choice(STATUSES), rng.choice(TRIGGERS)
        scheduled = created if trigger in ("schedule", "catch_up") else None
        run_id = f"bench-{index:07d}"
        runs.append((run_id, account, "shorts", trigger, scheduled, status, None if status == "succeeded" else
                     "bench", None, created, created + 1000, created + 60_000))
        if index < 2000:
            for number, step in enumerate(STEPS):
                attempts.append((run_id, step, 1, "succeeded", created + number * 5000, created + number * 5000 + 4000))
    db.executemany(
        "INSERT INTO runs (id, account_id, pipeline, trigger, scheduled_at, status, reason, config_revision, "
        "created_at, started_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", runs)
    db.executemany(
        "INSERT INTO step_attempts (run_id, step_id, attempt, status, started_at, finished_at) VALUES (?,?,?,?,?,?)",
        attempts)
    db.commit()
    db.close()
    return per_account


def measure(base, path, requests):
    samples, size = [], 0
    for _ in range(requests):
        started = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=60) as answer:
            body = answer.read()
        samples.append((time.perf_counter() - started) * 1000)
        size = len(body)
    samples.sort()
    return {"p50_ms": round(samples[len(samples) // 2], 2),
            "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 2), "bytes": size}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    out = args.out or tempfile.mkdtemp(prefix="dashboard-bench-")
    rng = random.Random(15)
    subprocess.run([sys.executable, os.path.join(HERE, "..", "daemon", "gen_config.py"), out, "daily",
                    str(args.accounts), "--listen", "127.0.0.1:0"], check=True)
    accounts = sorted(name[:-5] for name in os.listdir(os.path.join(out, "accounts.d")) if name.endswith(".yaml"))
    proc, _ = start(args.binary, out)
    stop(proc)
    fill(os.path.join(out, "state", "showrunner.sqlite"), accounts, args.runs, rng)
    proc, base = start(args.binary, out)
    try:
        account = accounts[len(accounts) // 2]
        pages = {
            "/channels": "/channels", "/channels?page=100": "/channels?page=100",
            "/channels?q=(search)": "/channels?q=" + account[-6:], "/runs": "/runs",
            "/runs?account=": f"/runs?account={account}", "/runs?status=failed": "/runs?status=failed",
            "/runs?trigger=manual&day=": "/runs?trigger=manual&day=" + time.strftime("%Y-%m-%d", time.gmtime()),
            "/runs/{id} (7 attempts)": "/runs/bench-0000001", "/config": "/config",
        }
        results = {}
        for name, path in pages.items():
            measure(base, path, 3)  # warm
            results[name] = measure(base, path, args.requests)
            print(f"{name:32} p50 {results[name]['p50_ms']:8.2f} ms  p99 {results[name]['p99_ms']:8.2f} ms  "
                  f"{results[name]['bytes']:>8} bytes", flush=True)
    finally:
        stop(proc)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"accounts": args.accounts, "runs": args.runs, "pages": results}, f, indent=2)
    print(f"results: {os.path.join(out, 'results.json')}")


if __name__ == "__main__":
    main()
