"""Scenario 2: an edit storm. While the daemon runs, a thread rewrites, breaks, fixes, disables, renames, creates
and deletes account files hundreds of times (some edits < 50 ms apart) while the main thread probes: a valid edit
is applied, a broken file keeps its last good version scheduled and is named (with a line) by the diagnostics, and
/healthz stays 200. After the storm: the scheduled set equals the valid enabled files on disk, and no deleted
account fired more than a second after its file went (SPEC §4, §10.4)."""

from __future__ import annotations

import os
import random
import threading
import time
from pathlib import Path

from chaoslib import FIGURES, Store, Violations, wait_until, write_atomic

STORM_SECONDS = float(os.environ.get("CHAOS_EDIT_SECONDS", "15"))
APPLY_TIMEOUT = 3.0  # a probe's edit must be visible in the API within this (debounce is 50 ms)
DELETE_GRACE = 1.0  # SPEC §4: a deleted account is unscheduled within a second
NOISE_CRONS = ["* * * * * *", "*/2 * * * * *", "*/3 * * * * *", "1-59/2 * * * * *"]


def account_text(name: str, cron: str, enabled: bool = True) -> str:
    return (
        f"name: {name}\n"
        f"enabled: {'true' if enabled else 'false'}\n"
        "channel:\n"
        "  type: chaos\n"
        "schedule:\n"
        f'  cron: "{cron}"\n'
        "  timezone: UTC\n"
        "  overlap: skip\n"
        "pipeline: fast\n")


BROKEN = {
    # What each broken variant looks like; every one of them has a line the diagnostic must name.
    "yaml": lambda name: f"name: {name}\nchannel:\n  type: [chaos\nschedule:\n  cron: \"* * * * * *\"\n",
    "cron": lambda name: account_text(name, "61 * * * * *"),
    "key": lambda name: account_text(name, "* * * * * *").replace("  overlap: skip", "  overlap: skip\n  timzone: UTC"),
}


class Disk:
    """The account files as the storm left them: what is on disk, valid or not, and when each id was deleted."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, tuple[str, bool, bool]] = {}  # id → (cron or "", valid, enabled)
        self.deleted: dict[str, float] = {}
        self.next_id = 0
        self.edits = 0
        self.lock = threading.Lock()

    def fresh_id(self) -> str:
        self.next_id += 1
        return f"noise-{self.next_id:04d}"

    def write(self, account_id: str, text: str, cron: str, valid: bool, enabled: bool, atomic: bool) -> None:
        path = self.folder / f"{account_id}.yaml"
        if atomic:
            write_atomic(path, text)
        else:
            path.write_text(text)  # truncate + write in place
        with self.lock:
            self.files[account_id] = (cron, valid, enabled)
            self.edits += 1

    def delete(self, account_id: str) -> None:
        (self.folder / f"{account_id}.yaml").unlink()
        with self.lock:
            self.files.pop(account_id)
            self.deleted[account_id] = time.time()
            self.edits += 1

    def rename(self, account_id: str) -> str:
        new_id = self.fresh_id()
        os.replace(self.folder / f"{account_id}.yaml", self.folder / f"{new_id}.yaml")
        with self.lock:
            self.files[new_id] = self.files.pop(account_id)
            self.deleted[account_id] = time.time()
            self.edits += 1
        return new_id


def noise(disk: Disk, rng, stop: threading.Event) -> None:
    """Random edits of the noise files until `stop`."""
    while not stop.is_set():
        with disk.lock:
            ids = sorted(disk.files)
        op = rng.choice(["rewrite", "rewrite", "break", "fix", "fix", "disable", "rename", "delete", "create"])
        if len(ids) < 4:
            op = "create"
        elif len(ids) > 12 and op == "create":
            op = "delete"
        target = rng.choice(ids)
        atomic = rng.random() < 0.6
        if op in ("rewrite", "fix"):
            cron = rng.choice(NOISE_CRONS)
            disk.write(target, account_text(target, cron), cron, True, True, atomic)
        elif op == "break":
            kind = rng.choice(sorted(BROKEN))
            disk.write(target, BROKEN[kind](target), "", False, True, atomic)
        elif op == "disable":
            cron = rng.choice(NOISE_CRONS)
            disk.write(target, account_text(target, cron, enabled=False), cron, True, False, atomic)
        elif op == "rename":
            disk.rename(target)
        elif op == "delete":
            disk.delete(target)
        else:
            new_id = disk.fresh_id()
            cron = rng.choice(NOISE_CRONS)
            disk.write(new_id, account_text(new_id, cron), cron, True, True, atomic)
        pause = rng.uniform(0.002, 0.05) if rng.random() < 0.6 else rng.uniform(0.05, 0.2)
        stop.wait(pause)


def probe_cron(rng, previous: str) -> str:
    while True:
        cron = f"{rng.randrange(60)} {rng.randrange(60)} * * * *"
        if cron != previous:
            return cron


def probe_break_keeps_last_good(daemon, folder: Path, rng, kind: str, previous: str, violations: Violations,
                                phase: str) -> str:
    """Writes a valid probe file, waits until it is scheduled, breaks it, and checks the last good version stays
    scheduled while the diagnostics name the file and a line. Returns the probe's cron."""
    cron = probe_cron(rng, previous)
    path = folder / "probe.yaml"
    write_atomic(path, account_text("probe", cron))
    applied = wait_until(lambda: (daemon.jobs() or {}).get("probe", {}).get("cron") == cron, APPLY_TIMEOUT, 0.05)
    if not applied:
        job = (daemon.jobs() or {}).get("probe")
        violations.add(f"a valid edit is applied within {APPLY_TIMEOUT}s ({phase})",
                       f"probe cron {cron!r}; the job shows {job and job.get('cron')!r}")
        return cron
    write_atomic(path, BROKEN[kind]("probe"))

    def named():
        return [d for d in (daemon.diagnostics() or [])
                if d.get("file", "").endswith("accounts.d/probe.yaml") and d.get("severity") == "error"]

    found = wait_until(named, APPLY_TIMEOUT, 0.05)
    if not found:
        violations.add(f"diagnostics name a broken file within {APPLY_TIMEOUT}s ({phase})", f"{kind} break")
    elif not any(isinstance(d.get("line"), int) and d["line"] >= 1 for d in found):
        violations.add("a broken file's diagnostic names a line", f"{kind}: {found[0].get('rendered')}")
    job = (daemon.jobs() or {}).get("probe")
    if job is None or job.get("cron") != cron or not job.get("enabled", True):
        violations.add(f"a broken file keeps its last good version scheduled ({phase})",
                       f"{kind} break: expected cron {cron!r}, job is {job!r}")
    return cron


def test_edit_storm(chaos):
    rng = chaos.rng
    config, state = chaos.root / "config", chaos.root / "state"
    accounts = config / "accounts.d"
    accounts.mkdir(parents=True)
    (config / "pipelines").mkdir()
    state.mkdir()
    (config / "pipelines" / "fast.yaml").write_text(
        "name: fast\nsteps:\n  - id: noop\n    uses: command\n    with: { run: [\"true\"] }\n")
    (config / "showrunner.yaml").write_text("max_concurrent_runs: 4\nshutdown_grace: 5s\n")
    disk = Disk(accounts)
    for _ in range(8):
        account_id = disk.fresh_id()
        disk.write(account_id, account_text(account_id, "* * * * * *"), "* * * * * *", True, True, False)
    write_atomic(accounts / "probe.yaml", account_text("probe", "0 0 * * * *"))
    violations = Violations()
    daemon = chaos.daemon(config, state).start()
    store = Store(state)

    stop = threading.Event()
    worker = threading.Thread(target=noise, args=(disk, random.Random(rng.random()), stop), daemon=True)
    worker.start()
    started, probes, health_failures, cron = time.time(), 0, 0, ""
    while time.time() - started < STORM_SECONDS:
        status, _ = daemon.call("GET", "/healthz")
        if status != 200:
            health_failures += 1
            violations.add("/healthz answers 200 during the edit storm", f"status {status}")
        if not daemon.alive():
            violations.add("the daemon stays alive under an edit storm", daemon.tail(300))
            break
        cron = probe_break_keeps_last_good(
            daemon, accounts, rng, ["yaml", "cron", "key"][probes % 3], cron, violations, "during the storm")
        probes += 1
    stop.set()
    worker.join()

    if daemon.alive():
        cron = steady_writes(daemon, disk, accounts, rng, cron, violations)
        settle(daemon, disk, store, accounts, rng, violations)
        cron = probe_break_keeps_last_good(daemon, accounts, rng, "yaml", cron, violations, "quiet")
        quiet_delete(daemon, disk, store, violations)
        status = daemon.terminate(timeout=30)
        if status != 0:
            violations.add("SIGTERM: clean exit 0", f"exit {status}")
    else:
        violations.add("the daemon stays alive under an edit storm", f"exit {daemon.proc.returncode}")

    runs = int(store.rows("SELECT COUNT(*) n FROM runs")[0]["n"])
    FIGURES.edits += disk.edits + 2 * probes
    FIGURES.files += disk.next_id
    FIGURES.runs += runs
    FIGURES.violations += violations.count
    FIGURES.notes.append(
        f"edit storm: {disk.edits} noise edits + {probes} break probes in {STORM_SECONDS:.0f}s, {disk.next_id} "
        f"account files, {len(disk.deleted)} deleted/renamed away, {runs} runs, {health_failures} /healthz failures, "
        f"{violations.count} violations")
    print(violations.report())
    assert violations.count == 0, violations.report()


def steady_writes(daemon, disk: Disk, folder: Path, rng, cron: str, violations: Violations) -> str:
    """One file rewritten every 20 ms (a log-like writer, a sync tool) must not hold back the probe's edit."""
    target = sorted(i for i, (_, valid, enabled) in disk.files.items() if valid and enabled)[0]
    stop = threading.Event()

    def writer():
        n = 0
        while not stop.is_set():
            n += 1
            c = NOISE_CRONS[n % 2]
            disk.write(target, account_text(target, c), c, True, True, False)
            stop.wait(0.02)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        time.sleep(0.3)
        return probe_break_keeps_last_good(daemon, folder, rng, "cron", cron, violations, "steady writes 20 ms apart")
    finally:
        stop.set()
        thread.join()


def settle(daemon, disk: Disk, store: Store, folder: Path, rng, violations: Violations) -> None:
    """Fixes every broken noise file, waits for the daemon to agree with the disk, and checks that it does."""
    for account_id, (cron, valid, enabled) in sorted(disk.files.items()):
        if not valid:
            cron = rng.choice(NOISE_CRONS)
            disk.write(account_id, account_text(account_id, cron), cron, True, True, True)
    wanted = {i: c for i, (c, valid, enabled) in disk.files.items() if valid and enabled}
    wanted["probe"] = None

    def scheduled():
        jobs = daemon.jobs() or {}
        return {i: j for i, j in jobs.items() if j.get("enabled") and not j.get("removed")}

    wait_until(lambda: set(scheduled()) == set(wanted), 5.0, 0.1)
    time.sleep(0.5)
    jobs = scheduled()
    extra, absent = sorted(set(jobs) - set(wanted)), sorted(set(wanted) - set(jobs))
    if extra:
        gone = [i for i in extra if i in disk.deleted]
        violations.add("after the storm, the scheduled set equals the valid enabled files",
                       f"{len(extra)} scheduled without an enabled file ({len(gone)} deleted): {extra[:6]}")
    if absent:
        violations.add("after the storm, the scheduled set equals the valid enabled files",
                       f"{len(absent)} valid enabled files not scheduled: {absent[:6]}")
    wrong = [i for i, c in wanted.items() if c is not None and i in jobs and jobs[i].get("cron") != c]
    if wrong:
        violations.add("after the storm, each job has its file's cron", f"{len(wrong)}: {wrong[:6]}")
    stale = [d.get("rendered") for d in daemon.diagnostics() or []
             if d.get("severity") == "error" and "noise-" in d.get("file", "")]
    if stale:
        violations.add("after the storm, no diagnostic for a fixed or deleted file", f"{len(stale)}: {stale[:3]}")
    check_deleted_stop(disk, store, violations, "during the storm")


def check_deleted_stop(disk: Disk, store: Store, violations: Violations, phase: str) -> None:
    for account_id, deleted_at in sorted(disk.deleted.items()):
        rows = store.rows("SELECT MAX(created_at) last, COUNT(*) n FROM runs WHERE account_id = ? AND created_at > ?",
                          (account_id, int((deleted_at + DELETE_GRACE) * 1000)))
        if rows and rows[0]["n"]:
            violations.add(f"a deleted account stops firing within {DELETE_GRACE}s ({phase})",
                           f"{account_id}: {rows[0]['n']} runs created after, the last "
                           f"{rows[0]['last'] / 1000 - deleted_at:.1f}s after the delete")


def quiet_delete(daemon, disk: Disk, store: Store, violations: Violations) -> None:
    """With no other edit going on: a deleted file's account leaves /api/scheduler/jobs and stops firing."""
    victims = [i for i, (_, valid, enabled) in sorted(disk.files.items()) if valid and enabled][:2]
    before = dict(disk.deleted)
    for victim in victims:
        disk.delete(victim)
    gone = wait_until(lambda: not (set(victims) & set(daemon.jobs() or {})), DELETE_GRACE, 0.05)
    if not gone:
        violations.add(f"a deleted account leaves /api/scheduler/jobs within {DELETE_GRACE}s (quiet)",
                       f"{victims} still listed")
    time.sleep(DELETE_GRACE + 1.5)
    quiet = Disk(disk.folder)
    quiet.deleted = {i: t for i, t in disk.deleted.items() if i not in before}
    check_deleted_stop(quiet, store, violations, "quiet")
