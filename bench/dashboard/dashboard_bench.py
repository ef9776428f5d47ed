#!/usr/bin/env python3
"""Dashboard benchmark (issue 15): every page and data route with 10,000 channels and 100,000 runs, then SSE
delivery lateness with 100 clients while 100 runs/s finish.

usage: dashboard_bench.py BINARY [--accounts 10000] [--runs 100000] [--requests 200] [--sse-clients 100]
                          [--sse-accounts 100] [--sse-seconds 30] [--skip-pages] [--skip-sse] [--out DIR]

Pages. `bench/daemon/gen_config.py DIR daily N` (realistic accounts, none firing within 3 h), the daemon is
started once to create its store and stopped, `fill_store.py` inserts the runs (90 days, with step attempts),
the daemon is started again. Per path: 3 warm-up requests, then REQUESTS sequential requests on one keep-alive
connection from 127.0.0.1 with the session cookie the first answer set (no token: loopback, so no sign-in);
p50/p99/max of the request as the client sees it (server time plus a fraction of a ms on loopback) and the body
size. The "first" column is the first request (caches cold).

SSE. `gen_config.py DIR cheap M "* * * * * *"`: M accounts firing every second on a cheap in-process pipeline
(M runs/s). SSE-CLIENTS connections to `/api/events` are read by one selector thread that stamps every chunk on
arrival; after SSE-SECONDS the daemon is stopped, each `run.finished` frame is matched to its run's
`finished_at` in the store and lateness = arrival − finished_at (ms; the store keeps milliseconds, the frame is
sent after the row is committed). Prints p50/p99/max over every (client, run) delivery and the runs/s reached.

Writes results.json into the output folder.
"""
import argparse
import http.client
import json
import os
import selectors
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "daemon", "gen_config.py")


def start(binary, config):
    log = open(os.path.join(config, "daemon.log"), "a")
    proc = subprocess.Popen([binary, "run", "--config", config], cwd=config, stdout=subprocess.PIPE, stderr=log,
                            text=True)
    for line in proc.stdout:
        if "dashboard on " in line:
            base = line.split("dashboard on ", 1)[1].strip().rstrip("/")
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, base
    raise SystemExit(f"the daemon did not start; see {config}/daemon.log")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=120)


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else float("nan")


def measure(port, path, requests):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    cookie, timings, size = None, [], 0
    for index in range(requests + 4):
        began = time.perf_counter()
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - began) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}: {body[:300]!r}")
        set_cookie = response.getheader("Set-Cookie")
        if set_cookie and not cookie:
            cookie = set_cookie.split(";", 1)[0]
        size = len(body)
    connection.close()
    first, rest = timings[0], timings[4:]
    return {"first_ms": round(first, 2), "p50_ms": round(percentile(rest, 0.5), 2),
            "p99_ms": round(percentile(rest, 0.99), 2), "max_ms": round(max(rest), 2), "bytes": size}


def pages(args, out):
    config = os.path.join(out, "pages")
    subprocess.run([sys.executable, GEN, config, "daily", str(args.accounts), "--listen", "127.0.0.1:0"],
                   check=True)
    proc, _ = start(args.binary, config)
    stop(proc)
    subprocess.run([sys.executable, os.path.join(HERE, "fill_store.py"), config,
                    os.path.join(config, "state", "showrunner.sqlite"), "--runs", str(args.runs)], check=True)
    db = sqlite3.connect(os.path.join(config, "state", "showrunner.sqlite"))
    account, run = db.execute("SELECT account_id, id FROM runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1"
                              ).fetchone()
    db.close()
    proc, base = start(args.binary, config)
    port = int(base.rsplit(":", 1)[1])
    paths = ["/channels", "/channels?page=100", f"/channels?q={account[-5:]}", "/runs", f"/runs?account={account}",
             "/runs?status=failed", f"/runs/{run}", "/config", "/upcoming", "/upcoming?hours=168", "/quota",
             "/stats", "/stats?days=30", "/stats?days=90", f"/stats?account={account}&days=90",
             "/api/stats?days=7", "/api/stats?days=90", f"/api/stats?account={account}&days=90",
             "/api/upcoming?hours=24", "/api/upcoming?hours=168", "/api/quota", "/api/config/status"]
    results = {}
    try:
        for path in paths:
            results[path] = figures = measure(port, path, args.requests)
            print(f"{path:44} first {figures['first_ms']:8.1f} ms  p50 {figures['p50_ms']:7.2f} ms  "
                  f"p99 {figures['p99_ms']:7.2f} ms  max {figures['max_ms']:7.1f} ms  {figures['bytes']:>9} bytes",
                  flush=True)
    finally:
        stop(proc)
    return results


class Clients:
    """SSE connections read by one selector thread; every chunk is stamped with its arrival time."""

    def __init__(self, port, count):
        self.selector = selectors.DefaultSelector()
        self.chunks = {index: [] for index in range(count)}
        self.running = True
        for index in range(count):
            sock = socket.create_connection(("127.0.0.1", port))
            sock.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            sock.setblocking(False)
            self.selector.register(sock, selectors.EVENT_READ, index)
        self.thread = threading.Thread(target=self.read, daemon=True)
        self.thread.start()

    def read(self):
        while self.running:
            for key, _ in self.selector.select(timeout=0.2):
                try:
                    data = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                if data:
                    self.chunks[key.data].append((time.time() * 1000, data))
                else:
                    self.selector.unregister(key.fileobj)

    def close(self):
        self.running = False
        self.thread.join()

    def finished(self):
        """(client, run id, arrival ms, published ms or None) of every run.finished frame."""
        found = []
        for client, chunks in self.chunks.items():
            buffer = ""
            for arrived, data in chunks:
                buffer += data.decode("utf-8", "replace")
                while "\n\n" in buffer:
                    frame, buffer = buffer.split("\n\n", 1)
                    if "event: run.finished" in frame:
                        payload = json.loads(frame.split("data: ", 1)[1].split("\n", 1)[0])
                        published = float(payload["at_ms"]) if "at_ms" in payload else None
                        found.append((client, payload["run_id"], arrived, published))
        return found


def repeat_topics(config):
    """The cheap pipeline's 8 topics run out after 8 runs (`on_exhausted: stop` pauses the account): repeat them, so
    every account keeps firing every second for the whole window."""
    folder = os.path.join(config, "pipelines")
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        text = open(path).read().replace("order: sequential }", "order: sequential, on_exhausted: repeat }")
        open(path, "w").write(text)


def sse(args, out):
    config = os.path.join(out, "sse")
    subprocess.run([sys.executable, GEN, config, "cheap", str(args.sse_accounts), "* * * * * *", "--listen",
                    "127.0.0.1:0", "--max-concurrent", "1000"], check=True)
    repeat_topics(config)
    proc, base = start(args.binary, config)
    port = int(base.rsplit(":", 1)[1])
    clients = Clients(port, args.sse_clients)
    began = time.time() * 1000
    time.sleep(args.sse_seconds)
    ended = time.time() * 1000
    stop(proc)
    time.sleep(0.5)
    clients.close()
    db = sqlite3.connect(os.path.join(config, "state", "showrunner.sqlite"))
    finished_at = dict(db.execute("SELECT id, finished_at FROM runs WHERE finished_at IS NOT NULL"))
    in_window = sum(1 for at in finished_at.values() if began <= at < ended)
    db.close()
    found = clients.finished()
    lateness = [arrived - finished_at[run] for _, run, arrived, _ in found if run in finished_at]
    delivery = [arrived - published for _, _, arrived, published in found if published is not None]
    per_client = len(lateness) / max(1, args.sse_clients)
    result = {"clients": args.sse_clients, "seconds": args.sse_seconds,
              "runs_per_second": round(in_window / ((ended - began) / 1000), 1),
              "runs_finished": len(finished_at), "deliveries": len(lateness),
              "runs_seen_per_client": round(per_client, 1)}
    for name, values in (("since_finished_at", lateness), ("since_published", delivery)):
        result[name] = {"p50_ms": round(percentile(values, 0.5), 1), "p99_ms": round(percentile(values, 0.99), 1),
                        "max_ms": round(max(values), 1) if values else None}
    print(f"SSE: {args.sse_clients} clients, {result['runs_per_second']} runs/s finished in the window "
          f"({len(finished_at)} runs in all), {len(lateness)} run.finished deliveries ({per_client:.0f} per client)",
          flush=True)
    for name in ("since_finished_at", "since_published"):
        figures = result[name]
        print(f"  lateness {name:18} p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms",
              flush=True)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--sse-clients", type=int, default=100)
    parser.add_argument("--sse-accounts", type=int, default=100)
    parser.add_argument("--sse-seconds", type=int, default=30)
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument("--skip-sse", action="store_true")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    out = args.out or tempfile.mkdtemp(prefix="dashboard-bench-")
    results = {"binary": args.binary, "accounts": args.accounts, "runs": args.runs}
    if not args.skip_pages:
        results["pages"] = pages(args, out)
    if not args.skip_sse:
        results["sse"] = sse(args, out)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(f"results: {os.path.join(out, 'results.json')}")


if __name__ == "__main__":
    main()
