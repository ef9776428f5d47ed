"""bench/cluster: several `showrunner run` nodes on one PostgreSQL database (and one node on SQLite for
comparison) running trivial pipelines; prints runs/s, database transactions and CPU per run, record→start
(claim) and fire→start latency percentiles, and the takeover time after kill -9. See README.md."""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "chaos"))
from chaoslib import Daemon, wait_until  # noqa: E402

URL = os.environ["SHOWRUNNER_TEST_POSTGRES"]
BINARY = os.environ.get("SHOWRUNNER_BIN") or str(ROOT / ".build/debug/showrunner")
ACCOUNTS = int(os.environ.get("ACCOUNTS", "40"))
DURATION = float(os.environ.get("DURATION", "20"))
SLOTS = int(os.environ.get("SLOTS", "16"))  # max_concurrent_runs per node
WARMUP = 3.0
TICKS = os.sysconf("SC_CLK_TCK")


def psql(url: str, sql: str) -> list[list[str]]:
    out = subprocess.run(["psql", url, "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def new_database() -> str:
    name = "b_" + uuid.uuid4().hex[:12]
    psql(URL, f"CREATE DATABASE {name}")
    return URL.replace("/postgres?", f"/{name}?")


def account(name: str, cron: str, step: str) -> str:
    return (f"name: {name}\nchannel: {{ type: bench }}\nschedule:\n  cron: \"{cron}\"\n  timezone: UTC\n"
            f"  overlap: allow\n  catch_up: {{ policy: none }}\npipeline:\n  steps:\n{step}")


TRIVIAL = "    - id: s\n      uses: script.template\n      with: { title: t, text: x }\n"
LONG = "    - id: s\n      uses: command\n      with: { run: [sleep, '30'] }\n"


def config(root: Path, name: str, store: str, accounts: dict[str, str]) -> Path:
    folder = root / f"config-{name}"
    (folder / "accounts.d").mkdir(parents=True)
    store_line = f'store: "{store}"\n' if store else ""
    (folder / "showrunner.yaml").write_text(
        f"{store_line}max_concurrent_runs: {SLOTS}\nshutdown_grace: 2s\nnode: {{ name: {name} }}\n")
    for account_id, text in accounts.items():
        (folder / "accounts.d" / f"{account_id}.yaml").write_text(text)
    return folder


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def transactions(url: str) -> int:
    return int(psql(url, "SELECT xact_commit + xact_rollback FROM pg_stat_database "
                         "WHERE datname = current_database()")[0][0])


def sqlite_rows(state: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(state / "showrunner.sqlite") as db:
        return db.execute(sql).fetchall()


def phase(root: Path, nodes: int, sqlite: bool) -> dict:
    url = "" if sqlite else new_database()
    accounts = {f"b-{i:03d}": account(f"b-{i:03d}", "* * * * * *", TRIVIAL) for i in range(ACCOUNTS)}
    tag = uuid.uuid4().hex
    daemons = []
    for n in range(nodes):
        folder = config(root / f"{'sqlite' if sqlite else 'pg'}-{nodes}", f"node-{n}", url, accounts)
        state = folder.parent / f"state-{n}"
        state.mkdir()
        daemons.append(Daemon(BINARY, folder, state, folder.parent, tag, f"node-{n}").start())
    time.sleep(WARMUP)
    start_ms = int(time.time() * 1000)
    cpu0 = sum(cpu_seconds(d.pid) for d in daemons)
    xact0 = 0 if sqlite else transactions(url)
    time.sleep(DURATION)
    end_ms = int(time.time() * 1000)
    cpu1 = sum(cpu_seconds(d.pid) for d in daemons)
    time.sleep(1.0)  # statistics are flushed by the backends
    xact1 = 0 if sqlite else transactions(url)
    for d in daemons:
        d.terminate(timeout=30)
    window = (f"SELECT created_at, started_at, scheduled_at, finished_at FROM runs WHERE status = 'succeeded' "
              f"AND started_at >= {start_ms} AND started_at < {end_ms}")
    rows = sqlite_rows(daemons[0].state, window) if sqlite else psql(url, window)
    rows = [tuple(int(v) for v in row) for row in rows]
    runs = len(rows)
    return {
        "store": "sqlite" if sqlite else "postgres", "nodes": nodes, "offered/s": ACCOUNTS,
        "runs/s": runs * 1000 / (end_ms - start_ms),
        "xact/run": (xact1 - xact0) / runs if runs and not sqlite else float("nan"),
        "cpu ms/run": (cpu1 - cpu0) * 1000 / runs if runs else float("nan"),
        "claim p50": percentile([s - c for c, s, _, _ in rows], 50),
        "claim p99": percentile([s - c for c, s, _, _ in rows], 99),
        "fire→record p99": percentile([c - f for c, _, f, _ in rows], 99),
        "fire→start p50": percentile([s - f for _, s, f, _ in rows], 50),
        "fire→start p99": percentile([s - f for _, s, f, _ in rows], 99),
    }


def takeover(root: Path) -> float:
    url = new_database()
    accounts = {"long": account("long", "0 0 1 1 *", LONG)}
    tag = uuid.uuid4().hex
    daemons = []
    for n in range(2):
        folder = config(root / "takeover", f"node-{n}", url, accounts)
        state = folder.parent / f"state-{n}"
        state.mkdir()
        daemons.append(Daemon(BINARY, folder, state, folder.parent, tag, f"node-{n}").start())
    status, body = daemons[0].call("POST", "/api/scheduler/trigger/long")
    run_id = body["run_id"]
    owner = wait_until(lambda: psql(url, f"SELECT owner_pid FROM runs WHERE id = '{run_id}' AND status = 'running'"),
                       timeout=20)
    victim = next(d for d in daemons if d.pid == int(owner[0][0]))
    killed = victim.kill9()
    wait_until(lambda: psql(url, f"SELECT 1 FROM runs WHERE id = '{run_id}' AND owner_pid <> {victim.pid}"),
               timeout=60, interval=0.05)
    seconds = time.time() - killed
    for d in daemons:
        if d.alive():
            d.kill9()
    return seconds


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="cluster-bench-"))
    try:
        phases = [int(n) for n in os.environ.get("NODES", "1,2,3").split(",")]
        results = [phase(root, 1, sqlite=True)] if os.environ.get("SQLITE", "1") == "1" else []
        results += [phase(root, n, sqlite=False) for n in phases]
        took = takeover(root) if os.environ.get("TAKEOVER", "1") == "1" else float("nan")
    finally:
        if not os.environ.get("KEEP_DATA"):
            shutil.rmtree(root, ignore_errors=True)
    keys = list(results[0])
    print(f"binary {BINARY}; {ACCOUNTS} accounts firing every second, one in-process step; {DURATION:.0f} s window; "
          f"max_concurrent_runs {SLOTS} per node")
    print(" | ".join(keys))
    for r in results:
        print(" | ".join(f"{r[k]:.1f}" if isinstance(r[k], float) else str(r[k]) for k in keys))
    print(f"takeover after kill -9 (same machine, 2 nodes): {took:.1f} s")
    print("latencies in ms; xact/run = PostgreSQL transactions (each a round trip or more) per run, heartbeats "
          "included")


if __name__ == "__main__":
    main()
