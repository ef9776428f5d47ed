"""Faults around a cluster (docs/cluster.md): the PostgreSQL server restarted in the middle of runs (nodes
reconnect; no fire gets two runs, no step runs twice, every run recorded ends), and a node whose config
revision differs from the others' is flagged in /api/cluster."""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from pathlib import Path

import pytest
from chaoslib import wait_until
from test_cluster import account_yaml, command_step, marks_of, write_settings

DATA = os.environ.get("SHOWRUNNER_TEST_POSTGRES_DATA", "")
BIN = os.environ.get("SHOWRUNNER_TEST_POSTGRES_BIN", "")


def pg_ctl(*args: str) -> None:
    command = [f"{BIN}/pg_ctl", "-D", DATA, *args]
    if os.getuid() == 0:
        command = ["runuser", "-u", "nobody", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def server_options() -> str:
    """The running server's options (port, socket folder, …) from postmaster.opts, for starting it again."""
    words = shlex.split(Path(DATA, "postmaster.opts").read_text())[1:]
    kept = []
    while words:
        word = words.pop(0)
        if word == "-D":
            words.pop(0)
        else:
            kept.append(shlex.quote(word))
    return " ".join(kept)


@pytest.mark.skipif(not DATA, reason="SHOWRUNNER_TEST_POSTGRES_DATA is not set (scripts/test-postgres.sh sets it)")
def test_a_database_restart_in_the_middle_of_runs_loses_and_doubles_nothing(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    write_settings(cluster.config, cluster.url)
    steps = [command_step("s1", marks), command_step("s2", marks, before="sleep 0.5; ")]
    steps[1] += ["      needs: [s1]"]
    accounts = [f"db-{i}" for i in range(4)]
    for account in accounts:
        (cluster.config / "accounts.d" / f"{account}.yaml").write_text(account_yaml(account, "*/2 * * * * *", steps))
    nodes = [cluster.node(f"node-{i}").start() for i in range(3)]
    time.sleep(5)
    down_at = time.time()
    options = server_options()
    pg_ctl("-m", "fast", "-w", "stop")
    time.sleep(2)  # fires of these seconds cannot be recorded: no node runs them
    pg_ctl("-w", "-l", str(Path(DATA).parent / "server.log"), "-o", options, "start")
    up_at = time.time()
    # the nodes record and run fires again (within seconds when idle; a CI machine busy on both cores once took
    # more than 20 s to reconnect, so the bound is generous: what is checked is that nothing is lost or doubled)
    recovered = wait_until(lambda: int(cluster.rows(
        f"SELECT count(*) FROM runs WHERE status = 'succeeded' AND created_at > {int(up_at * 1000)}")[0][0]) >= 4,
        timeout=45)
    assert recovered, [node.tail() for node in nodes]
    time.sleep(6)
    for node in nodes:
        assert node.alive(), node.tail()
        node.terminate(timeout=20)

    duplicates = cluster.rows(
        "SELECT account_id, scheduled_at FROM runs WHERE \"trigger\" = 'schedule' "
        "GROUP BY account_id, scheduled_at HAVING count(*) > 1")
    assert duplicates == []
    after = cluster.rows(f"SELECT count(*) FROM runs WHERE status = 'succeeded' AND created_at > {int(up_at * 1000)}")
    assert int(after[0][0]) >= len(accounts) * 3, "runs did not resume after the restart"
    stuck = cluster.rows(
        f"SELECT id, status FROM runs WHERE status IN ('queued', 'running') AND created_at < {int(up_at * 1000)}")
    assert stuck == [], f"runs recorded before the restart never ended: {stuck}"
    found = marks_of(marks)
    twice = [name for name, entries in found.items() if len(entries) != 1]
    succeeded = {row[0] for row in cluster.rows("SELECT id FROM runs WHERE status = 'succeeded'")}
    twice_done = [name for name in twice if name.split(".")[0] in succeeded]
    assert twice_done == [], f"steps of succeeded runs that ran twice: {twice_done[:5]}"
    failed = cluster.rows("SELECT id, reason FROM runs WHERE status = 'failed'")
    print(f"restart: down {up_at - down_at:.1f} s; after it {after[0][0]} runs succeeded; "
          f"failed {len(failed)} {failed[:3]}; steps run twice (interrupted, then resumed) {len(twice)}")


def git_folder(folder: Path, extra: str | None) -> None:
    """Commits `folder` with fixed names and dates, so equal trees give equal revisions."""
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@x", GIT_AUTHOR_DATE="2026-01-01T00:00:00Z",
               GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    if extra:
        (folder / "accounts.d" / "extra.yaml").write_text(extra)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "config")


def test_a_node_with_another_config_revision_is_flagged(cluster):
    (cluster.config / "accounts.d" / "quiet.yaml").write_text(
        account_yaml("quiet", "0 0 1 1 *", [command_step("s1", cluster.root)]))
    settings = f'store: "{cluster.url}"\nmax_concurrent_runs: 2\n'  # the same in every folder
    folders = []
    for name in ("node-0", "node-1", "node-2"):
        folder = cluster.node_config(name, settings)
        extra = account_yaml("late", "0 0 1 1 *", [command_step("s1", cluster.root)]) if name == "node-2" else None
        git_folder(folder, extra)
        folders.append(folder)
    nodes = []
    for i in range(3):  # one folder's content on every node: the name comes from the environment
        os.environ["SHOWRUNNER_NODE_NAME"] = f"node-{i}"
        try:
            nodes.append(cluster.node(f"node-{i}", folders[i]).start())
        finally:
            del os.environ["SHOWRUNNER_NODE_NAME"]

    def three_alive():
        status, body = nodes[0].call("GET", "/api/cluster")
        alive = [n for n in body.get("nodes", []) if n["alive"]] if status == 200 else []
        return len(alive) == 3 and alive
    alive = wait_until(three_alive, timeout=20)
    assert alive, nodes[0].call("GET", "/api/cluster")
    flags = {n["name"]: n["stale_config"] for n in alive}
    assert flags == {"node-0": False, "node-1": False, "node-2": True}, alive
    revisions = {n["name"]: n["config_revision"] for n in alive}
    assert revisions["node-0"] == revisions["node-1"] != revisions["node-2"]
    out = subprocess.run([cluster.binary, "nodes", "--config", str(folders[1])], capture_output=True, text=True)
    assert "(differs)" in [line for line in out.stdout.splitlines() if line.startswith("node-2")][0], out.stdout
