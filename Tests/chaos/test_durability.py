"""Scenario 6: what is on the disk when it counts. A power cut keeps only what was synced to the disk. A run's row and
its attempt must be synced before the step's process starts, or a restart after the cut runs the fire again; a
published video must be synced (its bytes, then its folder's entry) before the store records the upload, or the cut
can leave the store saying "uploaded" over a missing or empty file (SPEC §10.1, §10.3, §10.8). `showrunner trigger`
runs under strace, which records in order each write and sync of the store's write-ahead log, each sync of a file or
folder, each rename and each program started. Skipped without strace."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from chaoslib import FIGURES, Violations

WAL = "showrunner.sqlite-wal>"


def account_yaml(out: Path) -> str:
    return (
        "name: synced\nchannel:\n  type: chaos\nschedule:\n  cron: \"0 9 1 1 *\"\n  timezone: UTC\npipeline:\n"
        "  steps:\n"
        "    - id: work\n      uses: command\n      with: { run: [sh, -c, 'echo done > marker.txt'] }\n"
        "    - id: upload\n      uses: upload.local\n      needs: [work]\n"
        f"      with: {{ video: clip.mp4, title: Synced, dir: \"{out}\" }}\n")


def traced_trigger(chaos, config: Path, state: Path, out: Path, trace: Path) -> list[str]:
    """Triggers the account twice, the second time under strace and into an empty `out`; the trace's lines."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (scripts/install-deps.sh --browser installs it)")
    probe = subprocess.run([strace, "-f", "--seccomp-bpf", "-e", "trace=fsync", "-o", "/dev/null", "true"],
                           capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:  # a sandbox that forbids ptrace
        pytest.skip(f"strace cannot trace here: {probe.stderr.strip()[-300:]}")
    trigger = [chaos.binary, "trigger", "synced", "--config", str(config), "--state", str(state)]
    syscalls = "trace=fdatasync,fsync,pwrite64,execve,rename,renameat,renameat2"
    # A first run creates and migrates the store, so the traced run's syncs are its own.
    for command in (trigger, [strace, "-f", "-y", "--seccomp-bpf", "-e", syscalls, "-e", "signal=none",
                              "-o", str(trace)] + trigger):
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"trigger failed: {result.stderr[-800:]}"
        shutil.rmtree(out)  # else the second run finds the same video published and publishes nothing
    return trace.read_text().splitlines()


def first(lines: list[str], after: int, test) -> int | None:
    return next((i for i in range(after + 1, len(lines)) if test(lines[i])), None)


def check_run_synced_before_step(lines: list[str], violations: Violations) -> None:
    """The last write to the log before the step's program starts (the run's row, `running`, the attempt) is
    followed by a sync of the log before the program starts."""
    step = first(lines, -1, lambda line: "execve(" in line and "echo done" in line)
    assert step is not None, "the step's program was not started:\n" + "\n".join(lines[:40])
    writes = [i for i in range(step) if "pwrite64(" in lines[i] and WAL in lines[i]]
    last_write = max(writes, default=-1)
    syncs = [i for i in range(last_write + 1, step) if "sync(" in lines[i] and WAL in lines[i]]
    FIGURES.notes.append(f"durability: {len(syncs)} WAL sync(s) between the run's last write and its step's exec")
    # With SQLite's `synchronous = NORMAL` the log is synced only at a checkpoint (when the store closes).
    if last_write < 0 or not syncs:
        violations.add("the store's last write before a step is synced before the step starts",
                       f"last WAL write at trace line {last_write}, step started at line {step}")


def check_upload_synced_before_recorded(lines: list[str], out: Path, violations: Violations) -> None:
    """After the video is renamed into the output folder, the folder is synced before the store's next write
    (the upload step's success)."""
    folder = f"{out}>"
    placed = first(lines, -1, lambda line: "rename" in line and f'"{out}/' in line and ".mp4" in line)
    if placed is None:
        violations.add("the video is renamed into the output folder", "no rename into " + str(out))
        return
    recorded = first(lines, placed, lambda line: "pwrite64(" in line and WAL in line)
    end = recorded if recorded is not None else len(lines)
    synced = [i for i in range(placed + 1, end) if "fsync(" in lines[i] and folder in lines[i]]
    FIGURES.notes.append(f"durability: output folder synced {len(synced)} time(s) before the upload was recorded")
    if not synced:
        violations.add("a published video's folder is synced before the upload is recorded",
                       f"rename at trace line {placed}, next store write at line {recorded}")


def test_runs_and_uploads_are_synced_to_disk_when_recorded(chaos):
    config, state, out = chaos.root / "config", chaos.root / "state", (chaos.root / "out").resolve()
    (config / "accounts.d").mkdir(parents=True)
    (config / "accounts.d" / "synced.yaml").write_text(account_yaml(out))
    (config / "clip.mp4").write_bytes(b"\0\0\0\x18ftypmp42" + bytes(4096))
    lines = traced_trigger(chaos, config, state, out, chaos.root / "trace.txt")
    violations = Violations()
    check_run_synced_before_step(lines, violations)
    check_upload_synced_before_recorded(lines, out, violations)
    FIGURES.violations += violations.count
    assert violations.count == 0, violations.report()
