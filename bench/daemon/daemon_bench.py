#!/usr/bin/env python3
"""Drives the real daemon (`showrunner run`) for bench/daemon/run.sh. Stdlib only.

  daemon_bench.py lateness --bin BIN --config DIR --port P --mode minute|second --span S --results FILE --label L
      [--history STORE]
      Starts the daemon on DIR (state in DIR/state, removed first; with --history, a copy of STORE as its store,
      whose runs are the history), waits for /healthz, then lets it fire every scheduled instant in [first,
      first + S] (minute mode: whole minutes; second mode: whole seconds), waits for those runs to finish,
      reads /metrics, stops it with SIGTERM and reads the store:
        dispatch lateness = runs.created_at - runs.scheduled_at  (the scheduler recorded the fire: the `queued` row)
        start lateness    = runs.started_at - runs.scheduled_at  (the executor marked the run `running`)
      (both INTEGER ms in the store) and the scheduler's own `showrunner_fire_lateness_seconds` histogram.

  daemon_bench.py tenk --bin BIN --config DIR --port P --idle S --edits N --calls C --results FILE
      10,000 accounts scheduled daily: start-up (process start → GET /api/scheduler/jobs lists every job with a
      next_run_at), RSS, CPU of the idle daemon over S seconds (/proc/PID/stat utime+stime, and the threads'
      schedstat run time in ns), GET /api/scheduler/jobs latency (C calls), then N reloads: a changed account file
      (new daily cron) is written outside the folder and rename()d into accounts.d/; timed until GET
      /api/scheduler/jobs shows the new cron and a new next_run_at for that account.

  daemon_bench.py peer-tenk --python PY --peer SCRIPT --config DIR --idle S --edits N --calls C --results FILE
      The same 10,000-job start-up / RSS / idle / reload-apply / listing workload on APScheduler 3.11
      (peer_apscheduler.py serve), driven through its stdin.

Results are appended to FILE as `key name=value ...` lines (summary.py prints them).
"""
import argparse
import atexit
import datetime as dt
import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(message: str) -> None:
    print(f"   {message}", file=sys.stderr, flush=True)


def record(path: str, key: str, **values) -> None:
    parts = []
    for name, value in values.items():
        if isinstance(value, float):
            value = f"{value:.6g}"
        parts.append(f"{name}={value}")
    line = f"{key} {' '.join(parts)}"
    with open(path, "a") as f:
        f.write(line + "\n")
    log(line)


def percentile(samples, p):
    """Nearest rank."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(1, int(-(-p * len(ordered) // 100)))
    return ordered[min(rank, len(ordered)) - 1]


def stats(samples):
    return dict(
        p50=percentile(samples, 50), p99=percentile(samples, 99), max=max(samples) if samples else float("nan"),
        n=len(samples))


# --- process helpers -----------------------------------------------------------------------------------------


RUNNING = []  # daemons started by this script, killed at exit if still running (e.g. after an error)


@atexit.register
def _kill_leftovers():
    for process in RUNNING:
        if process.poll() is None:
            process.kill()
            process.wait()


class Daemon:
    """`showrunner run` with its stderr read line by line (each line stamped on arrival)."""

    def __init__(self, binary: str, config: str, port: int, log_path: str):
        self.port = port
        self.lines = []  # (monotonic, text)
        self.lock = threading.Lock()
        self.log_file = open(log_path, "w")
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [binary, "run", "--config", config, "--listen", f"127.0.0.1:{port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        RUNNING.append(self.process)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            now = time.monotonic()
            self.log_file.write(line)
            with self.lock:
                self.lines.append((now, line))

    def lines_since(self, t0: float, needle: str):
        with self.lock:
            return [t for t, text in self.lines if t >= t0 and needle in text]

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM; SIGKILL after `timeout` (its runs are finished by then: a clean stop takes well under 1 s)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            log(f"the daemon did not stop within {timeout:.0f} s of SIGTERM; killing it")
            self.process.kill()
            code = f"killed_after_SIGTERM_{timeout:.0f}s"
            self.process.wait()
        self.reader.join(5)
        self.log_file.close()
        return code


def cpu_ticks(pid: int):
    """(utime + stime in seconds from /proc/PID/stat, sum of the threads' schedstat run time in seconds)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    stat_seconds = (int(fields[11]) + int(fields[12])) / CLK_TCK
    run_ns = 0
    switches = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                run_ns += int(f.read().split()[0])
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread ended meanwhile
    return stat_seconds, run_ns / 1e9, switches


def memory_kb(pid: int):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM", "RssAnon", "RssFile", "Threads")):
                name, value = line.split(":", 1)
                values[name] = int(value.split()[0])
    return values


def load_average() -> str:
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


class Client:
    """One keep-alive HTTP connection."""

    def __init__(self, port: int, timeout: float = 600):
        self.port = port
        self.timeout = timeout
        self.connection = None

    def get(self, path: str):
        """(status, body, monotonic sent, monotonic received)."""
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            sent = time.monotonic()
            try:
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                body = response.read()
                return response.status, body, sent, time.monotonic()
            except (ConnectionError, http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 1:
                    raise
        raise AssertionError


def wait_healthy(daemon: Daemon, timeout: float = 300) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if daemon.process.poll() is not None:
            sys.exit(f"error: the daemon exited with {daemon.process.returncode} (log: {daemon.log_file.name})")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", daemon.port, timeout=5)
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status in (200, 503):
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.005)
    sys.exit("error: the daemon's API did not answer within the time limit")


# --- fire lateness -------------------------------------------------------------------------------------------


def parse_lateness_metric(text: str):
    buckets, total, count = [], None, None
    for line in text.splitlines():
        if line.startswith("showrunner_fire_lateness_seconds_bucket"):
            bound = re.search(r'le="([^"]+)"', line).group(1)
            buckets.append((bound, float(line.rsplit(" ", 1)[1])))
        elif line.startswith("showrunner_fire_lateness_seconds_sum"):
            total = float(line.rsplit(" ", 1)[1])
        elif line.startswith("showrunner_fire_lateness_seconds_count"):
            count = float(line.rsplit(" ", 1)[1])
    return buckets, total, count


def lateness(args) -> None:
    state = os.path.join(args.config, "state")
    shutil.rmtree(state, ignore_errors=True)
    if args.history:
        os.makedirs(state)
        shutil.copy(args.history, os.path.join(state, "showrunner.sqlite"))
    accounts = len([n for n in os.listdir(os.path.join(args.config, "accounts.d")) if n.endswith(".yaml")])
    load_before = load_average()
    daemon = Daemon(args.bin, args.config, args.port, args.log)
    ready = wait_healthy(daemon)
    log(f"daemon up after {ready - daemon.started:.2f} s ({accounts} accounts)")
    now = time.time()
    if args.mode == "minute":
        first = (int(now) // 60 + 1) * 60
        if first - now < 2:
            first += 60
        instants = list(range(first, first + args.span + 1, 60))
    else:
        first = int(now) + 2
        instants = list(range(first, first + args.span + 1))
    last = instants[-1]
    expected = accounts * len(instants)
    log(f"measuring the fires from {dt.datetime.fromtimestamp(first, dt.timezone.utc):%H:%M:%S} to "
        f"{dt.datetime.fromtimestamp(last, dt.timezone.utc):%H:%M:%S} UTC: {len(instants)} instants x {accounts} "
        f"accounts = {expected} runs")
    time.sleep(max(0, first - time.time() - 0.5))
    cpu_before = cpu_ticks(daemon.pid)
    time.sleep(max(0, last - time.time()))
    # Wait until every run of the window finished (or 120 s).
    database = os.path.join(state, "showrunner.sqlite")
    deadline = time.monotonic() + 120
    while True:
        time.sleep(0.5)
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as db:
            done, unfinished = db.execute(
                "SELECT COUNT(*), SUM(status IN ('queued', 'running')) FROM runs "
                "WHERE trigger = 'schedule' AND scheduled_at BETWEEN ? AND ?", (first * 1000, last * 1000)).fetchone()
        if (done >= expected and not unfinished) or time.monotonic() > deadline:
            break
    cpu_after = cpu_ticks(daemon.pid)
    _, body, _, _ = Client(args.port).get("/metrics")
    metrics = body.decode()
    with open(args.log + ".metrics", "w") as f:
        f.write(metrics)
    code = daemon.stop()
    load_after = load_average()

    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT scheduled_at, created_at, started_at, finished_at, status FROM runs "
            "WHERE trigger = 'schedule' AND scheduled_at BETWEEN ? AND ?", (first * 1000, last * 1000)).fetchall()
        others = db.execute(
            "SELECT trigger, status, COUNT(*) FROM runs WHERE NOT (trigger = 'schedule' AND scheduled_at BETWEEN ? AND ?) "
            "GROUP BY 1, 2", (first * 1000, last * 1000)).fetchall()
    statuses = {}
    for row in rows:
        statuses[row[4]] = statuses.get(row[4], 0) + 1
    dispatch = [row[1] - row[0] for row in rows]
    start = [row[2] - row[0] for row in rows if row[2] is not None]
    finish = [row[3] - row[0] for row in rows if row[3] is not None]
    label = args.label
    record(args.results, f"{label}_setup", accounts=accounts, instants=len(instants), expected=expected,
           runs=len(rows), statuses=",".join(f"{k}:{v}" for k, v in sorted(statuses.items())) or "none",
           other_runs=",".join(f"{t}/{s}:{n}" for t, s, n in others) or "none", exit=code,
           load_before=load_before, load_after=load_after)
    record(args.results, f"{label}_dispatch", unit="ms", **stats(dispatch))
    record(args.results, f"{label}_start", unit="ms", **stats(start))
    record(args.results, f"{label}_finish", unit="ms", **stats(finish))
    # Per instant: the earliest and latest dispatch (the earliest is what the timer itself achieved).
    by_instant = {}
    for row in rows:
        by_instant.setdefault(row[0], []).append(row[1] - row[0])
    firsts = [min(v) for v in by_instant.values()]
    spans = [max(v) - min(v) for v in by_instant.values()]
    record(args.results, f"{label}_first_of_instant", unit="ms", **stats(firsts))
    record(args.results, f"{label}_batch_spread", unit="ms", **stats(spans))
    buckets, total, count = parse_lateness_metric(metrics)
    if count:
        nonzero = [f"le{b}:{int(c)}" for b, c in buckets]
        record(args.results, f"{label}_metric", unit="ms", count=int(count), mean=total / count * 1000,
               buckets="|".join(nonzero))
    seconds = cpu_after[0] - cpu_before[0]
    record(args.results, f"{label}_cpu", seconds=seconds, per_run_ms=seconds / max(1, len(rows)) * 1000,
           run_seconds=cpu_after[1] - cpu_before[1])


# --- 10,000 accounts: start-up, idle, reload -----------------------------------------------------------------

CRON_LINE = re.compile(r'(?m)^  cron: "(.*)"$')


def job_of(body: bytes, account_id: str):
    """(cron, next_run_at) of one job in a GET /api/scheduler/jobs answer, without parsing all of it."""
    marker = f'"id":"{account_id}"'.encode()
    index = body.find(marker)
    if index < 0:
        return None
    start = body.rfind(b"{", 0, index)
    end = body.find(b"}", index)
    # last_run may be an object; with no runs it is null, so the job is one flat object.
    item = json.loads(body[start:end + 1])
    return item.get("cron"), item.get("next_run_at")


def tenk(args) -> None:
    state = os.path.join(args.config, "state")
    shutil.rmtree(state, ignore_errors=True)
    folder = os.path.join(args.config, "accounts.d")
    files = sorted(n for n in os.listdir(folder) if n.endswith(".yaml"))
    accounts = len(files)
    load_before = load_average()

    # Start-up: process start → /healthz → every job listed with a next fire. `starts` times (fresh state each
    # time); the last daemon stays up for the rest.
    # Warm the page cache first: a cold start reads 10,000 small files from disk and measures the disk (seen once
    # here at 28 s, with the files evicted by the kernel's proactive reclaim a few minutes after they were written).
    for name in files:
        with open(os.path.join(folder, name), "rb") as f:
            f.read()
    ready_times, healthz_times = [], []
    for attempt in range(args.starts):
        shutil.rmtree(state, ignore_errors=True)
        daemon = Daemon(args.bin, args.config, args.port, args.log)
        healthy = wait_healthy(daemon)
        client = Client(args.port)
        while True:
            status, body, _, received = client.get("/api/scheduler/jobs")
            jobs = json.loads(body)["jobs"] if status == 200 else []
            if len(jobs) == accounts and all(job["next_run_at"] for job in jobs):
                break
            time.sleep(0.01)
        ready_times.append(received - daemon.started)
        healthz_times.append(healthy - daemon.started)
        if attempt < args.starts - 1:
            daemon.process.kill()
            daemon.process.wait()
            daemon.reader.join(5)
            daemon.log_file.close()
    memory = memory_kb(daemon.pid)
    # The "HTTP API on ..." line goes to stdout, a pipe here: is it there once the API answers?
    announced = daemon.lines_since(0, "accounts scheduled; HTTP API on")
    record(args.results, "startup", accounts=accounts, ready_s=sorted(ready_times)[len(ready_times) // 2],
           ready_min_s=min(ready_times), ready_max_s=max(ready_times), starts=len(ready_times),
           healthz_s=sorted(healthz_times)[len(healthz_times) // 2],
           announce_line="seen" if announced else "not_yet_flushed",
           rss_mb=memory["VmRSS"] / 1024, anon_mb=memory["RssAnon"] / 1024, file_mb=memory["RssFile"] / 1024,
           hwm_mb=memory["VmHWM"] / 1024, threads=memory["Threads"])

    # Idle: nothing is due for hours; no requests.
    time.sleep(5)
    before = cpu_ticks(daemon.pid)
    time.sleep(args.idle)
    after = cpu_ticks(daemon.pid)
    record(args.results, "idle", seconds=args.idle, cpu_s=after[0] - before[0], run_s=after[1] - before[1],
           per_minute_s=(after[1] - before[1]) * 60 / args.idle, context_switches=after[2] - before[2],
           rss_mb=memory_kb(daemon.pid)["VmRSS"] / 1024)

    # GET /api/scheduler/jobs latency (every job + its newest run), and /healthz for scale.
    samples, size = [], 0
    for _ in range(args.calls):
        status, body, sent, received = client.get("/api/scheduler/jobs")
        samples.append((received - sent) * 1000)
        size = len(body)
    record(args.results, "get_jobs", unit="ms", bytes=size, **stats(samples))
    samples = []
    for _ in range(args.calls):
        status, body, sent, received = client.get(f"/api/scheduler/jobs?account={files[0].rsplit('.', 1)[0]}")
        samples.append((received - sent) * 1000)
    record(args.results, "get_one_job", unit="ms", bytes=len(body), **stats(samples))
    health = []
    for _ in range(50):
        _, _, sent, received = client.get("/healthz")
        health.append((received - sent) * 1000)
    record(args.results, "get_healthz", unit="ms", **stats(health))

    # Reloads: rename() a changed file into accounts.d/, poll GET /api/scheduler/jobs?account=ID until it shows it
    # (the whole listing takes ~100 ms to encode, longer than the reload; its latency is `get_jobs` above).
    scratch = os.path.join(os.path.dirname(os.path.abspath(args.config)), "reload-tmp")
    os.makedirs(scratch, exist_ok=True)
    hour = (dt.datetime.now(dt.timezone.utc).hour + 12) % 24
    stride = max(1, accounts // args.edits)
    applied, visible, not_visible, observed, polls = [], [], [], [], []
    current = {job["id"]: job for job in jobs}
    cpu_reload_before = cpu_ticks(daemon.pid)
    for edit in range(args.edits):
        name = files[edit * stride]
        account_id = name.rsplit(".", 1)[0]
        path = os.path.join(folder, name)
        with open(path) as f:
            text = f.read()
        old_cron = CRON_LINE.search(text).group(1)
        cron = f"{edit % 60} {hour} * * *"
        if cron == old_cron:
            cron = f"{(edit + 1) % 60} {hour} * * *"
        old_next = current[account_id]["next_run_at"]
        temporary = os.path.join(scratch, name)
        with open(temporary, "w") as f:
            f.write(CRON_LINE.sub(f'  cron: "{cron}"', text, count=1))
        t0 = time.monotonic()
        os.rename(temporary, path)
        count = 0
        last_miss = t0
        while True:
            status, body, sent, received = client.get(f"/api/scheduler/jobs?account={account_id}")
            count += 1
            job = job_of(body, account_id)
            if job and job[0] == cron and job[1] and job[1] != old_next:
                break
            last_miss = sent
            if received - t0 > 30:
                sys.exit(f"error: edit {edit} ({account_id} → '{cron}') not visible after 30 s")
        current[account_id] = {"next_run_at": job[1]}
        visible.append((sent - t0) * 1000)
        not_visible.append((last_miss - t0) * 1000)
        observed.append((received - t0) * 1000)
        polls.append(count)
        lines = daemon.lines_since(t0, "config applied")
        if lines:
            applied.append((lines[0] - t0) * 1000)
        time.sleep(0.3)  # let the daemon settle before the next edit
    cpu_reload_after = cpu_ticks(daemon.pid)
    record(args.results, "reload_applied_log", unit="ms", **stats(applied))
    record(args.results, "reload_visible_by", unit="ms", **stats(visible))
    record(args.results, "reload_not_visible_at", unit="ms", **stats(not_visible))
    record(args.results, "reload_observed", unit="ms", polls_p50=percentile(polls, 50), **stats(observed))
    record(args.results, "reload_cpu", per_edit_ms=(cpu_reload_after[1] - cpu_reload_before[1]) * 1000 / args.edits)
    memory = memory_kb(daemon.pid)

    # GET /api/accounts/{id} once: one account, but the handler builds the status of every account.
    if args.accounts_timeout > 0:
        path = f"/api/accounts/{files[0].rsplit('.', 1)[0]}"
        try:
            status, body, sent, received = Client(args.port, timeout=args.accounts_timeout).get(path)
            record(args.results, "get_accounts", unit="ms", route=path, status=status, bytes=len(body),
                   time=(received - sent) * 1000)
        except OSError as error:
            record(args.results, "get_accounts", unit="ms", route=path, status=f"timeout({error.__class__.__name__})",
                   time=args.accounts_timeout * 1000)
    code = daemon.stop()
    record(args.results, "tenk_end", rss_mb=memory["VmRSS"] / 1024, hwm_mb=memory["VmHWM"] / 1024, exit=code,
           load_before=load_before, load_after=load_average())


# --- APScheduler peer: 10,000 jobs ---------------------------------------------------------------------------


def peer_tenk(args) -> None:
    folder = os.path.join(args.config, "accounts.d")
    files = sorted(n for n in os.listdir(folder) if n.endswith(".yaml"))
    started = time.monotonic()
    process = subprocess.Popen([args.python, args.peer, "serve", "--config", args.config],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    RUNNING.append(process)

    def ask(command: str) -> str:
        process.stdin.write(command + "\n")
        process.stdin.flush()
        return process.stdout.readline().strip()

    ready = process.stdout.readline().strip()
    ready_at = time.monotonic()
    if not ready.startswith("READY"):
        sys.exit(f"error: the APScheduler peer did not start: {ready}")
    memory = memory_kb(process.pid)
    record(args.results, "peer_startup", jobs=ready.split()[1], ready_s=ready_at - started,
           rss_mb=memory["VmRSS"] / 1024, anon_mb=memory["RssAnon"] / 1024, file_mb=memory["RssFile"] / 1024,
           hwm_mb=memory["VmHWM"] / 1024, threads=memory["Threads"])
    time.sleep(5)
    before = cpu_ticks(process.pid)
    time.sleep(args.idle)
    after = cpu_ticks(process.pid)
    record(args.results, "peer_idle", seconds=args.idle, cpu_s=after[0] - before[0], run_s=after[1] - before[1],
           per_minute_s=(after[1] - before[1]) * 60 / args.idle, context_switches=after[2] - before[2])
    samples = [float(ask("LIST").split()[1]) for _ in range(args.calls)]
    record(args.results, "peer_list", unit="ms", **stats(samples))
    scratch = os.path.join(os.path.dirname(os.path.abspath(args.config)), "reload-tmp")
    os.makedirs(scratch, exist_ok=True)
    hour = (dt.datetime.now(dt.timezone.utc).hour + 12) % 24
    stride = max(1, len(files) // args.edits)
    apply_ms = []
    for edit in range(args.edits):
        name = files[edit * stride]
        path = os.path.join(folder, name)
        with open(path) as f:
            text = f.read()
        cron = f"{(edit + 7) % 60} {hour} * * *"
        temporary = os.path.join(scratch, name)
        with open(temporary, "w") as f:
            f.write(CRON_LINE.sub(f'  cron: "{cron}"', text, count=1))
        os.rename(temporary, path)
        answer = ask(f"APPLY {name.rsplit('.', 1)[0]} {path} {cron.replace(' ', '_')}")
        if not answer.startswith("APPLIED"):
            sys.exit(f"error: the APScheduler peer did not apply edit {edit}: {answer}")
        apply_ms.append(float(answer.split()[1]))
        time.sleep(0.05)
    record(args.results, "peer_apply", unit="ms", **stats(apply_ms))
    process.stdin.close()
    process.wait(60)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    late = sub.add_parser("lateness")
    late.add_argument("--bin", required=True)
    late.add_argument("--config", required=True)
    late.add_argument("--history", help="a store to start from, whose runs are the history (default: none)")
    late.add_argument("--port", type=int, required=True)
    late.add_argument("--mode", choices=["minute", "second"], required=True)
    late.add_argument("--span", type=int, required=True, help="seconds from the first to the last measured instant")
    late.add_argument("--results", required=True)
    late.add_argument("--label", required=True)
    late.add_argument("--log", required=True)
    ten = sub.add_parser("tenk")
    ten.add_argument("--bin", required=True)
    ten.add_argument("--config", required=True)
    ten.add_argument("--port", type=int, required=True)
    ten.add_argument("--idle", type=int, default=60)
    ten.add_argument("--starts", type=int, default=3, help="start-ups measured (median reported)")
    ten.add_argument("--edits", type=int, default=100)
    ten.add_argument("--calls", type=int, default=30)
    ten.add_argument("--accounts-timeout", type=float, default=600)
    ten.add_argument("--results", required=True)
    ten.add_argument("--log", required=True)
    peer = sub.add_parser("peer-tenk")
    peer.add_argument("--python", required=True)
    peer.add_argument("--peer", required=True)
    peer.add_argument("--config", required=True)
    peer.add_argument("--idle", type=int, default=60)
    peer.add_argument("--edits", type=int, default=100)
    peer.add_argument("--calls", type=int, default=30)
    peer.add_argument("--results", required=True)
    args = parser.parse_args()
    {"lateness": lateness, "tenk": tenk, "peer-tenk": peer_tenk}[args.command](args)


if __name__ == "__main__":
    main()
