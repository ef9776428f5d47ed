"""Shared machinery of the chaos suite: the real `showrunner run` as a child process, its HTTP API, a read-only
view of its SQLite store, the processes it left behind, and the list of invariant violations a scenario found."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

API_LINE = "HTTP API on "


class Violations:
    """Every broken invariant of one scenario, grouped by invariant, with a few examples each."""

    def __init__(self) -> None:
        self.by_invariant: dict[str, list[str]] = {}

    def add(self, invariant: str, example: str) -> None:
        self.by_invariant.setdefault(invariant, []).append(example)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.by_invariant.values())

    def report(self) -> str:
        lines = []
        for invariant, examples in self.by_invariant.items():
            lines.append(f"VIOLATED {invariant}: {len(examples)} time(s)")
            lines.extend(f"    e.g. {e}" for e in examples[:5])
        return "\n".join(lines)


class Daemon:
    """One `showrunner run` process: started, asked over HTTP, stopped with a signal."""

    def __init__(self, binary: str, config: Path, state: Path, logs: Path, tag: str, name: str) -> None:
        self.binary, self.config, self.state, self.tag = binary, config, state, tag
        self.stdout_path = logs / f"{name}.out"
        self.stderr_path = logs / f"{name}.log"
        self.proc: subprocess.Popen | None = None
        self.base = ""
        self.started_at = 0.0
        self.ended_at: float | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, timeout: float = 60) -> "Daemon":
        """Starts the daemon and waits for the line that names its API address."""
        env = dict(os.environ, CHAOS_TAG=self.tag, SHOWRUNNER_LOG_LEVEL=os.environ.get("SHOWRUNNER_LOG_LEVEL", "info"))
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "ab") as err:
            self.started_at = time.time()
            self.proc = subprocess.Popen(
                [self.binary, "run", "--config", str(self.config), "--state", str(self.state),
                 "--listen", "127.0.0.1:0"],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        deadline = time.time() + timeout
        while time.time() < deadline:
            text = self.stdout_path.read_text(errors="replace")
            if API_LINE in text and "\n" in text.split(API_LINE, 1)[1]:
                self.base = text.split(API_LINE, 1)[1].split("\n", 1)[0].strip()
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"daemon exited with {self.proc.returncode} before serving: {self.tail()}")
            time.sleep(0.02)
        raise RuntimeError(f"daemon did not print its address within {timeout}s: {self.tail()}")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill9(self) -> float:
        """SIGKILL now; returns the instant of the kill."""
        assert self.proc is not None
        instant = time.time()
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.ended_at = instant
        return instant

    def terminate(self, timeout: float) -> int | None:
        """SIGTERM and wait; None when it did not exit within `timeout` (it is then killed)."""
        assert self.proc is not None
        self.ended_at = time.time()
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def tail(self, chars: int = 1500) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def call(self, method: str, path: str, timeout: float = 5) -> tuple[int, object]:
        """One API call: (status, decoded JSON or text); status 0 when the daemon did not answer."""
        request = urllib.request.Request(self.base + path, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return reply.status, _decode(reply.read())
        except urllib.error.HTTPError as error:
            return error.code, _decode(error.read())
        except (urllib.error.URLError, OSError, TimeoutError):
            return 0, None

    def jobs(self) -> dict[str, dict] | None:
        status, body = self.call("GET", "/api/scheduler/jobs")
        if status != 200 or not isinstance(body, dict):
            return None
        return {job["id"]: job for job in body.get("jobs", [])}

    def diagnostics(self) -> list[dict] | None:
        status, body = self.call("GET", "/api/config/diagnostics")
        if status != 200 or not isinstance(body, dict):
            return None
        return list(body.get("diagnostics", []))

    def pause_all(self, account_ids: list[str]) -> list[str]:
        """Pauses every account; returns the ids the API refused."""
        return [a for a in account_ids if self.call("POST", f"/api/accounts/{a}/pause")[0] != 200]


def _decode(data: bytes) -> object:
    try:
        return json.loads(data)
    except ValueError:
        return data.decode(errors="replace")


class Store:
    """Read-only queries on STATE/showrunner.sqlite while (or after) the daemon writes it."""

    def __init__(self, state: Path) -> None:
        self.path = state / "showrunner.sqlite"

    def rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        last: Exception | None = None
        for _ in range(50):
            if not self.path.exists():
                return []
            try:
                connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5)
                try:
                    connection.row_factory = sqlite3.Row
                    return connection.execute(sql, args).fetchall()
                finally:
                    connection.close()
            except sqlite3.OperationalError as error:  # locked, or mid-creation: ask again
                last = error
                time.sleep(0.05)
        raise RuntimeError(f"store not readable: {last}")

    def active_by_account(self) -> dict[str, tuple[int, int]]:
        """account → (queued, running)."""
        result: dict[str, tuple[int, int]] = {}
        for row in self.rows(
            "SELECT account_id, SUM(status = 'queued') q, SUM(status = 'running') r FROM runs "
            "WHERE status IN ('queued', 'running') GROUP BY account_id"):
            result[row["account_id"]] = (int(row["q"]), int(row["r"]))
        return result

    def active_runs(self) -> dict[str, dict[str, list[str]]]:
        """account → {"queued": [run ids], "running": [run ids]}."""
        result: dict[str, dict[str, list[str]]] = {}
        for row in self.rows("SELECT account_id, status, id FROM runs WHERE status IN ('queued', 'running')"):
            result.setdefault(row["account_id"], {"queued": [], "running": []})[row["status"]].append(row["id"])
        return result

    def unfinished(self) -> int:
        return int(self.rows("SELECT COUNT(*) n FROM runs WHERE status IN ('queued', 'running')")[0]["n"]) \
            if self.path.exists() else 0


@dataclass
class Proc:
    pid: int
    ppid: int
    name: str
    cmdline: str
    cwd: str


def tagged_processes(tag: str, root: Path) -> list[Proc]:
    """Live processes (zombies excluded) that inherited CHAOS_TAG=`tag` or whose command line names `root`."""
    marker = f"CHAOS_TAG={tag}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        base = f"/proc/{entry}"
        try:
            with open(f"{base}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            tail = stat[stat.rindex(")") + 2:].split()
            if tail[0] in ("Z", "X"):
                continue
            with open(f"{base}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
            with open(f"{base}/environ", "rb") as f:
                tagged = marker in f.read().split(b"\0")
            if not tagged and str(root) not in cmdline:
                continue
            try:
                cwd = os.readlink(f"{base}/cwd")
            except OSError:
                cwd = ""
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            found.append(Proc(int(entry), int(tail[1]), name, cmdline, cwd))
        except (OSError, ValueError, IndexError):
            continue
    return found


def kill_tagged(tag: str, root: Path) -> int:
    """SIGKILLs, by pid, every process left by this scenario's daemons; returns how many."""
    killed = 0
    for proc in tagged_processes(tag, root):
        try:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        except OSError:
            pass
    return killed


def wait_until(condition, timeout: float, interval: float = 0.1):
    """Polls `condition` until it returns something truthy or `timeout` passes; returns its last value."""
    deadline = time.time() + timeout
    value = condition()
    while not value and time.time() < deadline:
        time.sleep(interval)
        value = condition()
    return value


def fire_instants(period: int, start_ms: int, end_ms: int) -> list[int]:
    """Instants (ms) of a `*/period * * * * *` cron (period divides 60) in [start_ms, end_ms]."""
    first = -(-start_ms // 1000)
    first += (-first) % period
    return [s * 1000 for s in range(first, end_ms // 1000 + 1, period)]


def write_atomic(path: Path, text: str) -> None:
    """An editor's save: a temporary file (a name the watcher ignores) renamed over the target."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


@dataclass
class Figures:
    """What the suite did, summed over the scenarios, for the closing summary."""

    rounds: int = 0
    fires: int = 0
    runs: int = 0
    files: int = 0
    edits: int = 0
    violations: int = 0
    notes: list[str] = field(default_factory=list)


FIGURES = Figures()
