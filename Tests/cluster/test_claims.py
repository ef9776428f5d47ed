"""Claiming queued runs (docs/cluster.md): a run goes to a node with a free slot whose labels include the
account's `runs_on`, whichever node recorded it; a trigger through any node's API starts within a second
(LISTEN/NOTIFY, polling every 2 s being only the fallback)."""

from __future__ import annotations

import os
import time

from chaoslib import wait_until
from test_cluster import account_yaml, command_step, marks_of


def settings(url: str, name: str, labels: str = "", slots: int = 4) -> str:
    return (f'store: "{url}"\nmax_concurrent_runs: {slots}\nshutdown_grace: 5s\n'
            f"node: {{ name: {name}, labels: [{labels}] }}\n")


def start_latency_ms(cluster, run_id: str, timeout: float = 10) -> int:
    """Waits until the run started; milliseconds from its record to its start."""
    row = wait_until(lambda: cluster.rows(
        f"SELECT created_at, started_at, owner_pid FROM runs WHERE id = '{run_id}' AND started_at IS NOT NULL"),
        timeout=timeout)
    assert row, f"run {run_id} did not start within {timeout} s"
    return int(row[0][1]) - int(row[0][0])


def test_runs_on_decides_which_node_runs_an_account_and_triggers_elsewhere_start_promptly(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    accounts = cluster.config / "accounts.d"
    quick = [command_step("s1", marks, before="sleep 0.1; ")]
    (accounts / "gpu-fire.yaml").write_text(account_yaml("gpu-fire", "*/2 * * * * *", quick) + "runs_on: [gpu]\n")
    (accounts / "gpu-manual.yaml").write_text(account_yaml("gpu-manual", "0 0 1 1 *", quick) + "runs_on: [gpu]\n")
    for i in range(3):
        (accounts / f"any-{i}.yaml").write_text(account_yaml(f"any-{i}", "*/2 * * * * *", quick))
    os.environ["SHOWRUNNER_NODE_LABELS"] = "gpu"  # wins over its node.labels: []
    try:
        nodes = [cluster.node("node-0", cluster.node_config("node-0", settings(cluster.url, "node-0"))).start()]
    finally:
        del os.environ["SHOWRUNNER_NODE_LABELS"]
    nodes += [cluster.node(n, cluster.node_config(n, settings(cluster.url, n))).start() for n in ("node-1", "node-2")]
    started = time.time()

    latencies, manual = [], []
    for _ in range(6):  # through a node that may not run the account: the gpu node must be woken
        status, body = nodes[1 + len(manual) % 2].call("POST", "/api/scheduler/trigger/gpu-manual")
        assert status == 202, body
        manual.append(body["run_id"])
        latencies.append(start_latency_ms(cluster, body["run_id"]))
        time.sleep(0.5)
    time.sleep(max(0.0, 12 - (time.time() - started)))
    # The gpu node stops first; a fire the others record after that (gpu-fire fires every 2 s) has nobody to run it.
    gpu_node_stops_at = time.time()
    for node in nodes:
        assert node.alive(), node.tail()
        node.terminate(timeout=20)

    gpu_runs = cluster.rows("SELECT id FROM runs WHERE account_id IN ('gpu-fire', 'gpu-manual') AND status = 'succeeded'")
    assert len(gpu_runs) >= 6 + 4, f"too few gpu runs succeeded: {len(gpu_runs)}"
    found = marks_of(marks)
    gpu_pids = {entries[0][1] for name, entries in found.items() if name.split(".")[0] in {r[0] for r in gpu_runs}}
    assert gpu_pids == {nodes[0].pid}, f"runs_on [gpu] ran on {gpu_pids}, the gpu node is {nodes[0].pid}"
    other = cluster.rows("SELECT count(*) FROM runs WHERE account_id LIKE 'any-%' AND status = 'succeeded'")
    assert int(other[0][0]) >= 3 * 4
    # Every gpu run recorded while the gpu node was up was claimed (2 s: its polling fallback, beside LISTEN/NOTIFY).
    unclaimed = cluster.rows("SELECT id, created_at FROM runs WHERE status = 'queued' AND account_id LIKE 'gpu-%' "
                             f"AND created_at < {int((gpu_node_stops_at - 2) * 1000)}")
    assert unclaimed == [], f"gpu runs left queued while the gpu node was up: {unclaimed}"
    assert max(latencies) < 1000, f"trigger → start through another node: {latencies} ms"
    print(f"trigger on another node → start (ms): {sorted(latencies)}")


def test_a_full_node_leaves_runs_to_nodes_with_free_slots(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    (cluster.config / "accounts.d" / "slow.yaml").write_text(
        account_yaml("slow", "0 0 1 1 *", [command_step("s1", marks, after="; sleep 3")]))
    nodes = [cluster.node(n, cluster.node_config(n, settings(cluster.url, n, slots=1))).start()
             for n in ("node-0", "node-1", "node-2")]
    run_ids = []
    for _ in range(3):  # all through node-0, which has one slot
        status, body = nodes[0].call("POST", "/api/scheduler/trigger/slow")
        assert status == 202, body
        run_ids.append(body["run_id"])
    latencies = [start_latency_ms(cluster, run_id, timeout=5) for run_id in run_ids]
    done = wait_until(lambda: cluster.rows(
        "SELECT count(*) FROM runs WHERE account_id = 'slow' AND status = 'succeeded'") == [["3"]], timeout=30)
    assert done, cluster.rows("SELECT id, status, owner_pid FROM runs")
    found = marks_of(marks)
    pids = {found[f"{run_id}.s1"][0][1] for run_id in run_ids}
    assert len(pids) == 3, f"three runs on {len(pids)} nodes: each node has one slot, so each took one"
    assert max(latencies) < 1000, f"record → start: {latencies} ms"
