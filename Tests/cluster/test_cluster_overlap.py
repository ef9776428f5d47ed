"""Overlap, cancel and stop across the nodes of a cluster (docs/cluster.md): an account's `overlap` is decided in
the database, so two nodes never run the same account at once; a cancel through one node's API stops a run
another node executes; a node that stops gives back the runs it claimed but had not started."""

from __future__ import annotations

import os
import time
from pathlib import Path

from chaoslib import wait_until
from test_claims import settings
from test_cluster import account_yaml


def timed_step(marks: Path, seconds: float) -> list[str]:
    """A step that writes `<ns> start <pid>` and, `seconds` later, `<ns> end <pid>` to marks/<run id>."""
    mark = f"{marks}/{{{{ run.id }}}}"
    script = (f'echo "$(date +%s%N) start $PPID" >> {mark}; sleep {seconds}; '
              f'echo "$(date +%s%N) end $PPID" >> {mark}')
    return ["    - id: s1", "      uses: command", f"      with: {{ run: [sh, -c, '{script}'] }}"]


def intervals(marks: Path, run_ids: set[str]) -> list[tuple[int, float, int]]:
    """(start ns, end ns or infinity, daemon pid) of each run among `run_ids` that started, by start."""
    found = []
    for path in marks.iterdir():
        if path.name not in run_ids:
            continue
        lines = [line.split() for line in path.read_text().splitlines()]
        start = next(int(t) for t, kind, _ in lines if kind == "start")
        end = next((int(t) for t, kind, _ in lines if kind == "end"), float("inf"))
        found.append((start, end, int(lines[0][2])))
    return sorted(found)


def test_two_nodes_never_run_one_account_at_once_and_record_the_overlap(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    for name, policy in (("skipper", "skip"), ("queuer", "queue")):
        text = account_yaml(name, "*/2 * * * * *", [timed_step(marks, 3)]).replace("overlap: allow", f"overlap: {policy}")
        (cluster.config / "accounts.d" / f"{name}.yaml").write_text(text)
    nodes = [cluster.node(n, cluster.node_config(n, settings(cluster.url, n))).start() for n in ("node-a", "node-b")]
    time.sleep(20)
    for node in nodes:
        assert node.alive(), node.tail()
        node.terminate(timeout=20)

    pids = set()
    for account in ("skipper", "queuer"):
        ran = {r[0] for r in cluster.rows(f"SELECT id FROM runs WHERE account_id = '{account}' AND started_at IS NOT NULL")}
        spans = intervals(marks, ran)
        assert len(spans) >= 4, f"{account}: only {len(spans)} runs started"
        for (start, end, pid), (next_start, _, next_pid) in zip(spans, spans[1:]):
            assert next_start >= end, f"{account}: a run started on pid {next_pid} while one ran on pid {pid}"
        pids |= {pid for _, _, pid in spans}
    skipped = cluster.rows("SELECT account_id, reason FROM runs WHERE status = 'skipped'")
    by_account = {a: [r for acc, r in skipped if acc == a] for a in ("skipper", "queuer")}
    assert any("still active (overlap: skip)" in r for r in by_account["skipper"]), skipped
    # queue: the fire during a run waits behind it; the next one while it waits is skipped.
    assert any("waiting to start (overlap: queue)" in r for r in by_account["queuer"]), skipped
    waited = cluster.rows(
        "SELECT count(*) FROM runs WHERE account_id = 'queuer' AND started_at - created_at > 500")
    assert int(waited[0][0]) >= 1, "no queued fire of 'queuer' waited for the run before it"
    duplicates = cluster.rows(
        "SELECT account_id, scheduled_at FROM runs GROUP BY account_id, scheduled_at HAVING count(*) > 1")
    assert duplicates == []
    print(f"overlap: skipped {len(skipped)} fires; runs executed by pids {sorted(pids)}")


def test_a_cancel_through_another_node_stops_the_run_where_it_executes(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    long_step = ["    - id: s1", "      uses: command",
                 f"      with: {{ run: [sh, -c, 'sleep 60 & echo $! > {marks}/sleep.pid; wait'] }}"]
    accounts = cluster.config / "accounts.d"
    (accounts / "long.yaml").write_text(account_yaml("long", "0 0 1 1 *", [long_step]) + "runs_on: [a]\n")
    (accounts / "nowhere.yaml").write_text(account_yaml("nowhere", "0 0 1 1 *", [long_step]) + "runs_on: [gpu]\n")
    node_a = cluster.node("node-a", cluster.node_config("node-a", settings(cluster.url, "node-a", labels="a"))).start()
    node_b = cluster.node("node-b", cluster.node_config("node-b", settings(cluster.url, "node-b"))).start()

    status, body = node_b.call("POST", "/api/scheduler/trigger/long")
    assert status == 202, body
    run_id = body["run_id"]
    pid_file = marks / "sleep.pid"
    assert wait_until(lambda: pid_file.exists() and pid_file.read_text().strip(), timeout=15), node_a.tail()
    sleep_pid = int(pid_file.read_text())
    owner = cluster.rows(f"SELECT status, owner_pid FROM runs WHERE id = '{run_id}'")
    assert owner == [["running", str(node_a.pid)]], owner

    asked = time.time()
    status, body = node_b.call("POST", f"/api/runs/{run_id}/cancel")
    assert status == 202, body
    ended = wait_until(lambda: cluster.rows(
        f"SELECT reason FROM runs WHERE id = '{run_id}' AND status = 'cancelled'"), timeout=10)
    latency = time.time() - asked
    assert ended, cluster.rows(f"SELECT status, reason FROM runs WHERE id = '{run_id}'")
    assert latency < 2.0, f"cancel through node B took {latency:.2f} s to end the run on node A"
    assert wait_until(lambda: not Path(f"/proc/{sleep_pid}").exists(), timeout=5), "the step's child outlived the cancel"

    # A run no node may claim is cancelled in the database by the node asked.
    status, body = node_b.call("POST", "/api/scheduler/trigger/nowhere")
    assert status == 202, body
    status, _ = node_b.call("POST", f"/api/runs/{body['run_id']}/cancel")
    assert status == 202
    assert cluster.rows(f"SELECT status FROM runs WHERE id = '{body['run_id']}'") == [["cancelled"]]
    status, _ = node_b.call("POST", f"/api/runs/{run_id}/cancel")
    assert status == 409, "a finished run cannot be cancelled"
    for node in (node_a, node_b):
        assert node.alive(), node.tail()
    print(f"cancel through another node → run ended cancelled: {latency * 1000:.0f} ms")


def test_a_stopping_node_gives_back_the_runs_it_claimed_but_had_not_started(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    accounts = cluster.config / "accounts.d"
    busy = ["    - id: s1", "      uses: command", "      with: { run: [sleep, '60'] }"]
    (accounts / "busy.yaml").write_text(account_yaml("busy", "0 0 1 1 *", [busy]) + "runs_on: [a]\n")
    failing = ["    - id: s1", "      uses: command",
               f"      with: {{ run: [sh, -c, 'echo \"$(date +%s%N) $PPID\" >> {marks}/{{{{ run.id }}}}; exit 1'] }}",
               "      retry: { attempts: 1 }"]
    (accounts / "failing.yaml").write_text(account_yaml("failing", "0 0 1 1 *", [failing]))
    node_a = cluster.node("node-a", cluster.node_config("node-a", settings(cluster.url, "node-a", "a", slots=1))).start()
    node_b = cluster.node("node-b", cluster.node_config("node-b", settings(cluster.url, "node-b"))).start()

    status, body = node_b.call("POST", "/api/scheduler/trigger/failing")
    assert status == 202, body
    failed = body["run_id"]
    assert wait_until(lambda: cluster.rows(f"SELECT 1 FROM runs WHERE id = '{failed}' AND status = 'failed'"), 15)
    status, body = node_a.call("POST", "/api/scheduler/trigger/busy")
    assert status == 202, body
    assert wait_until(lambda: cluster.rows(
        f"SELECT 1 FROM runs WHERE id = '{body['run_id']}' AND status = 'running'"), 15)
    # Node A's one slot is taken: the retry asked of it waits there, queued under its name.
    status, body = node_a.call("POST", f"/api/runs/{failed}/retry")
    assert status == 202, body
    retry = body["run_id"]
    held = cluster.rows(f"SELECT status, owner_pid FROM runs WHERE id = '{retry}'")
    assert held == [["queued", str(node_a.pid)]], held

    stopped_ms = int(time.time() * 1000)
    os.kill(node_a.pid, 15)
    row = wait_until(lambda: cluster.rows(
        f"SELECT started_at FROM runs WHERE id = '{retry}' AND started_at IS NOT NULL"), timeout=10)
    assert row, cluster.rows(f"SELECT status, owner_pid, owner_host FROM runs WHERE id = '{retry}'")
    delay = int(row[0][0]) - stopped_ms
    assert delay < 2000, f"node B started the released run {delay} ms after node A was told to stop"
    mark = wait_until(lambda: (marks / retry).exists() and (marks / retry).read_text().split(), timeout=10)
    assert mark and int(mark[1]) == node_b.pid, "the released run ran on node B"
    node_a.terminate(timeout=20)
    print(f"stop of node A → its claimed run started on node B: {delay} ms")
