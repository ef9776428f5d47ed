"""Scenario 6: what is on the disk when it counts. A power cut keeps only what was synced to the disk. A run's row and
its attempt must be synced before the step's process starts, or a restart after the cut runs the fire again; a
step's file (captions written in its folder, a thumbnail rendered in a workspace, a video published by
`upload.local`) must be synced (its bytes, then its folder's entry) before the store records the step, or the cut
can leave the store saying "succeeded" or "uploaded" over a missing or empty file (SPEC §10.1, §10.3, §10.8). `showrunner trigger`
runs under strace, which records in order each write and sync of the store's write-ahead log, each sync of a file or
folder, each rename and each program started. Skipped without strace."""

from __future__ import annotations

import re
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
        "    - id: captions\n      uses: subtitles\n      needs: [work]\n"
        "      with: { text: Every word is on the disk., duration_s: 2 }\n"
        "    - id: cover\n      uses: thumbnail\n      needs: [captions]\n      with: { title: Synced }\n"
        "    - id: upload\n      uses: upload.local\n      needs: [cover]\n"
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


RENAME = re.compile(r'rename(?:at2?)?\((?:AT_FDCWD(?:<[^>]*>)?, )?"([^"]+)", (?:AT_FDCWD(?:<[^>]*>)?, )?"([^"]+)"')
FSYNC = re.compile(r'fsync\(\d+<([^>]*)>')


def check_published_synced(lines: list[str], name: str, what: str, violations: Violations) -> None:
    """The file renamed onto a path ending in `name` had its bytes synced before the rename, and its folder is
    synced after it, before the store's next write (the step's success)."""
    renames = [(i, m) for i, m in ((i, RENAME.search(line)) for i, line in enumerate(lines)) if m]
    placed = next(((i, m.group(1), m.group(2)) for i, m in renames if m.group(2).endswith(name)), None)
    if placed is None:
        violations.add(f"{what} is renamed into place", f"no rename onto a path ending in {name}")
        return
    at, source, target = placed
    synced = {(i, m.group(1)) for i, m in ((i, FSYNC.search(line)) for i, line in enumerate(lines)) if m}
    recorded = first(lines, at, lambda line: "pwrite64(" in line and WAL in line)
    end = recorded if recorded is not None else len(lines)
    folder = str(Path(target).parent)
    bytes_synced = any(i < at and path == source for i, path in synced)
    folder_synced = any(at < i < end and path == folder for i, path in synced)
    FIGURES.notes.append(f"durability: {what}: bytes synced {bytes_synced}, folder synced {folder_synced}")
    if not bytes_synced:
        violations.add(f"{what}'s bytes are synced before its rename", f"{source} (rename at line {at})")
    if not folder_synced:
        violations.add(f"{what}'s folder is synced before the store records it",
                       f"rename at trace line {at}, next store write at line {recorded}")


def test_runs_and_uploads_are_synced_to_disk_when_recorded(chaos):
    config, state, out = chaos.root / "config", chaos.root / "state", (chaos.root / "out").resolve()
    (config / "accounts.d").mkdir(parents=True)
    (config / "accounts.d" / "synced.yaml").write_text(account_yaml(out))
    (config / "clip.mp4").write_bytes(b"\0\0\0\x18ftypmp42" + bytes(4096))
    lines = traced_trigger(chaos, config, state, out, chaos.root / "trace.txt")
    violations = Violations()
    check_run_synced_before_step(lines, violations)
    check_published_synced(lines, "/subtitles.srt", "the captions (written in the step's folder)", violations)
    check_published_synced(lines, "/thumbnail.png", "the thumbnail (rendered in a workspace)", violations)
    check_published_synced(lines, "-synced.mp4", "the published video (upload.local)", violations)
    FIGURES.violations += violations.count
    assert violations.count == 0, violations.report()
