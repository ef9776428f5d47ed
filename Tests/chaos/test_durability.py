"""Scenario 6: what is on the disk before a step runs. A power cut keeps only what was synced to the disk; a run's
row and its attempt must be synced before the step's process starts, or a restart after the cut runs the fire (or
the upload) again (SPEC §10.1, §10.3). `showrunner trigger` runs under strace, which records, in order, each sync of
the store's write-ahead log and each program started. Skipped without strace."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from chaoslib import FIGURES, Violations

ACCOUNT = (
    "name: synced\nchannel:\n  type: chaos\nschedule:\n  cron: \"0 9 1 1 *\"\n  timezone: UTC\npipeline:\n  steps:\n"
    "    - id: work\n      uses: command\n      with: { run: [sh, -c, 'echo done > marker.txt'] }\n")


def test_a_run_is_synced_to_disk_before_its_step_starts(chaos):
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (scripts/install-deps.sh installs it)")
    config, state, trace = chaos.root / "config", chaos.root / "state", chaos.root / "trace.txt"
    (config / "accounts.d").mkdir(parents=True)
    (config / "accounts.d" / "synced.yaml").write_text(ACCOUNT)
    trigger = [chaos.binary, "trigger", "synced", "--config", str(config), "--state", str(state)]
    # A first run creates and migrates the store, so the traced run's syncs are its own.
    for command in (trigger, [strace, "-f", "-y", "--seccomp-bpf", "-e", "trace=fdatasync,fsync,pwrite64,execve",
                              "-e", "signal=none", "-o", str(trace)] + trigger):
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"trigger failed: {result.stderr[-800:]}"

    lines = trace.read_text().splitlines()
    wal = "showrunner.sqlite-wal>"
    wal_syncs = [i for i, line in enumerate(lines) if "sync(" in line and wal in line]
    step_start = next((i for i, line in enumerate(lines) if "execve(" in line and "echo done" in line), None)
    assert step_start is not None, "the step's program was not started:\n" + "\n".join(lines[:40])
    # The last write to the log before the step holds the run's newest state (its row, `running`, the attempt).
    wal_writes = [i for i, line in enumerate(lines[:step_start]) if "pwrite64(" in line and wal in line]
    last_write = max(wal_writes, default=-1)
    synced_after_it = [i for i in wal_syncs if last_write < i < step_start]
    FIGURES.notes.append(
        f"durability: {sum(1 for i in wal_syncs if i < step_start)} WAL syncs before the step started "
        f"({len(wal_syncs)} in all), {len(synced_after_it)} after its last write")
    violations = Violations()
    # With SQLite's `synchronous = NORMAL` the log is synced only at a checkpoint (when the store closes), so a power
    # cut while the step runs could take the run's row with it and the restart would fire it again.
    if last_write < 0 or not synced_after_it:
        violations.add("the store's last write before a step is synced before the step starts",
                       f"last WAL write at trace line {last_write}, step started at line {step_start}, "
                       f"WAL syncs at lines {wal_syncs[:10]}")
    FIGURES.violations += violations.count
    assert violations.count == 0, violations.report()
