"""Scenario 3: a full disk. The state folder lives on a small tmpfs; while the daemon fires every second it is
filled to the last byte, left full for a while, then freed. /healthz must report the store's failure while full
and recover after; no run may stay stuck `running` or `queued`; every fire of the full period is run or recorded
once space returns (SPEC §10.2, §10.5; issue 12 item 6). Needs root to mount the tmpfs; skipped otherwise."""

from __future__ import annotations

import errno
import os
import subprocess
import time
from pathlib import Path

import pytest

from chaoslib import FIGURES, Store, Violations, fire_instants, wait_until

FULL_SECONDS = float(os.environ.get("CHAOS_FULL_SECONDS", "8"))
ACCOUNTS = [("disk-a", 1, "latest"), ("disk-b", 2, "all"), ("disk-c", 1, "none")]


def account_yaml(account_id: str, period: int, policy: str) -> str:
    cron = "* * * * * *" if period == 1 else f"*/{period} * * * * *"
    return (
        f"name: {account_id}\nchannel:\n  type: chaos\nschedule:\n  cron: \"{cron}\"\n  timezone: UTC\n"
        f"  overlap: skip\n  catch_up: {{ policy: {policy} }}\npipeline:\n  defaults:\n"
        "    retry: { attempts: 3, backoff: fixed, delay: 200ms, jitter: false }\n  steps:\n"
        "    - id: work\n      uses: command\n"
        "      with: { run: [sh, -c, 'sleep 1.2; echo artifact > out.txt'] }\n")


def mount_tmpfs(chaos, folder: Path, size: str) -> None:
    folder.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs for the state folder (needs root): {result.stderr.strip()}")
    chaos.mounts.append(folder)


def fill(folder: Path) -> Path:
    """Writes a file until the file system refuses another byte."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:
        for chunk in (1 << 20, 1 << 12, 1):
            block = b"\0" * chunk
            while True:
                try:
                    f.write(block)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    return filler


def test_full_disk(chaos):
    config, state = chaos.root / "config", chaos.root / "state"
    (config / "accounts.d").mkdir(parents=True)
    mount_tmpfs(chaos, state, "16m")
    (config / "showrunner.yaml").write_text("max_concurrent_runs: 4\nshutdown_grace: 5s\n")
    for account in ACCOUNTS:
        (config / "accounts.d" / f"{account[0]}.yaml").write_text(account_yaml(*account))
    violations = Violations()
    store = Store(state)
    daemon = chaos.daemon(config, state).start()
    wait_until(lambda: store.rows("SELECT COUNT(*) n FROM runs WHERE status = 'succeeded'")[0]["n"] >= 3, 20, 0.2)
    # Fill while runs are in flight: their steps end while nothing can be written.
    wait_until(lambda: store.rows("SELECT COUNT(*) n FROM runs WHERE status = 'running'")[0]["n"] >= 2, 10, 0.05)

    filler = fill(state)
    full_at = time.time()
    statuses: list[int] = []
    while time.time() - full_at < FULL_SECONDS:
        statuses.append(daemon.call("GET", "/healthz")[0])
        if not daemon.alive():
            break
        time.sleep(0.25)
    if not daemon.alive():
        violations.add("the daemon survives a full disk", f"exit {daemon.proc.returncode}: {daemon.tail(300)}")
        daemon = chaos.daemon(config, state)
    if 503 not in statuses:
        violations.add("/healthz reports the store's failure (503) while the disk is full",
                       f"{len(statuses)} polls: {sorted(set(statuses))}")
    filler.unlink()
    freed_at = time.time()
    if not daemon.alive():
        daemon.start()
    healthy = wait_until(lambda: daemon.call("GET", "/healthz")[0] == 200, 10, 0.2)
    if not healthy:
        violations.add("/healthz answers 200 again once space returns (10 s)", str(daemon.call("GET", "/healthz")))
    time.sleep(4)
    refused = daemon.pause_all([a[0] for a in ACCOUNTS])
    paused_at = time.time()
    if refused:
        violations.add("pause through the API", f"refused for {refused}")
    wait_until(lambda: store.unfinished() == 0, 20, 0.2)
    stuck = store.rows("SELECT id, account_id, status, created_at FROM runs WHERE status IN ('queued', 'running')")
    for row in stuck:
        violations.add("no run stuck queued or running after space returns (20 s)",
                       f"{row['id']} ({row['account_id']}) {row['status']}, created "
                       f"{row['created_at'] / 1000 - full_at:+.1f}s from the moment the disk filled")
    fires = 0
    for account_id, period, policy in ACCOUNTS:
        recorded = {r["scheduled_at"] for r in store.rows(
            "SELECT scheduled_at FROM runs WHERE account_id = ? AND \"trigger\" IN ('schedule', 'catch_up')",
            (account_id,))}
        if not recorded:
            violations.add("every fire is run or recorded", f"{account_id}: none recorded")
            continue
        expected = fire_instants(period, min(recorded), int((paused_at - 1.0) * 1000))
        fires += len(expected)
        missing = sorted(set(expected) - recorded)
        in_full = [m for m in missing if full_at * 1000 <= m <= freed_at * 1000]
        if missing:
            violations.add("every fire is run or recorded, also while the disk was full",
                           f"{account_id}: {len(missing)} of {len(expected)} fires have no row "
                           f"({len(in_full)} of them while full)")
    status = daemon.terminate(timeout=30)
    if status != 0:
        violations.add("SIGTERM: clean exit 0", f"exit {status}")

    runs = int(store.rows("SELECT COUNT(*) n FROM runs")[0]["n"])
    FIGURES.fires += fires
    FIGURES.runs += runs
    FIGURES.violations += violations.count
    FIGURES.notes.append(
        f"full disk: full for {freed_at - full_at:.1f}s, /healthz during it {sorted(set(statuses))}, "
        f"{fires} fires checked, {runs} runs, {violations.count} violations")
    print(violations.report())
    assert violations.count == 0, violations.report()
