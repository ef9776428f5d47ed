"""Three `showrunner run` processes on one config folder and one PostgreSQL database (docs/cluster.md): every
fire makes exactly one run and the runs spread over the nodes; a node killed with SIGKILL in the middle of a long
step has its run taken over by another node within the lease (+5 s), without repeating the completed steps."""

from __future__ import annotations

import time
from pathlib import Path

from chaoslib import wait_until

LEASE = 30


def write_settings(config: Path, url: str, extra: str = "") -> None:
    (config / "showrunner.yaml").write_text(f'store: "{url}"\nmax_concurrent_runs: 4\nshutdown_grace: 5s\n{extra}')


def command_step(step: str, marks: Path, before: str = "", after: str = "") -> list[str]:
    """A step that records `<time> <daemon pid>` in marks/<run id>.<step>."""
    script = f'{before}echo "$(date +%s%N) $PPID" >> {marks}/{{{{ run.id }}}}.{step}{after}'
    return [f"    - id: {step}", "      uses: command", f"      with: {{ run: [sh, -c, '{script}'] }}"]


def account_yaml(name: str, cron: str, steps: list[list[str]]) -> str:
    lines = [f"name: {name}", "channel:", "  type: cluster", "schedule:", f'  cron: "{cron}"', "  timezone: UTC",
             "  overlap: allow", "  catch_up: { policy: none }", "pipeline:", "  steps:"]
    for step in steps:
        lines += step
    return "\n".join(lines) + "\n"


def marks_of(marks: Path) -> dict[str, list[tuple[int, int]]]:
    """Marker file name → [(nanoseconds, daemon pid)]."""
    found = {}
    for path in marks.iterdir():
        entries = []
        for line in path.read_text().splitlines():
            stamp, pid = line.split()
            entries.append((int(stamp), int(pid)))
        found[path.name] = entries
    return found


def test_three_nodes_make_one_run_per_fire_spread_over_the_nodes(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    write_settings(cluster.config, cluster.url)
    accounts = [f"fire-{i:02d}" for i in range(8)]
    for account in accounts:
        (cluster.config / "accounts.d" / f"{account}.yaml").write_text(
            account_yaml(account, "*/2 * * * * *", [command_step("s1", marks, before="sleep 0.2; ")]))
    nodes = [cluster.node(f"node-{i}").start() for i in range(3)]
    time.sleep(40)
    for node in nodes:
        assert node.alive(), node.tail()
        node.terminate(timeout=20)

    duplicates = cluster.rows(
        "SELECT account_id, scheduled_at, count(*) FROM runs WHERE \"trigger\" IN ('schedule', 'catch_up') "
        "GROUP BY account_id, scheduled_at HAVING count(*) > 1")
    assert duplicates == [], f"fires with more than one run: {duplicates[:5]}"
    runs = cluster.rows("SELECT id, status FROM runs WHERE \"trigger\" = 'schedule'")
    succeeded = [run_id for run_id, status in runs if status == "succeeded"]
    assert len(succeeded) >= len(accounts) * 12, f"only {len(succeeded)} runs succeeded of {len(runs)}"
    found = marks_of(marks)
    twice = [name for name, entries in found.items() if len(entries) != 1]
    assert twice == [], f"steps that ran more than once: {twice[:5]}"
    by_node: dict[int, int] = {}
    for entries in found.values():
        by_node[entries[0][1]] = by_node.get(entries[0][1], 0) + 1
    daemon_pids = {node.pid for node in nodes}
    assert set(by_node) <= daemon_pids, f"steps run by unknown processes: {set(by_node) - daemon_pids}"
    assert len(by_node) >= 2, f"every run went to one node: {by_node}"
    print(f"runs={len(runs)} succeeded={len(succeeded)} per node={sorted(by_node.values())}")


def test_a_killed_nodes_run_is_resumed_elsewhere_without_repeating_done_steps(cluster):
    marks = cluster.root / "marks"
    marks.mkdir()
    write_settings(cluster.config, cluster.url)
    steps = [command_step("s1", marks), command_step("s2", marks, after="; sleep 15"), command_step("s3", marks)]
    steps[1] += ["      needs: [s1]"]
    steps[2] += ["      needs: [s2]"]
    (cluster.config / "accounts.d" / "long.yaml").write_text(account_yaml("long", "0 0 1 1 *", steps))
    nodes = [cluster.node(f"node-{i}").start() for i in range(3)]
    status, body = nodes[0].call("POST", "/api/scheduler/trigger/long")
    assert status == 202, body
    run_id = body["run_id"]

    # The long step has started (its marker is written) on the node that owns the run.
    started = wait_until(lambda: (marks / f"{run_id}.s2").exists(), timeout=30)
    assert started, "the run never reached its long step"
    owner = cluster.rows(f"SELECT owner_pid FROM runs WHERE id = '{run_id}' AND status = 'running'")
    victim = next(node for node in nodes if node.pid == int(owner[0][0]))
    killed_at = victim.kill9()

    def resumed():
        rows = cluster.rows(f"SELECT owner_pid FROM runs WHERE id = '{run_id}' AND status = 'running'")
        return rows and rows[0][0] and int(rows[0][0]) != victim.pid and rows[0][0]
    assert wait_until(resumed, timeout=LEASE + 5), "no node took the run over within the lease + 5 s"
    takeover = time.time() - killed_at
    finished = wait_until(lambda: cluster.rows(
        f"SELECT status FROM runs WHERE id = '{run_id}' AND status NOT IN ('queued', 'running')"), timeout=60)
    assert finished == [["succeeded"]], f"run ended {finished}"
    found = marks_of(marks)
    assert len(found[f"{run_id}.s1"]) == 1, "the completed step s1 ran again"
    s2 = found[f"{run_id}.s2"]
    assert len(s2) == 2 and s2[0][1] == victim.pid and s2[1][1] != victim.pid, s2
    assert len(found[f"{run_id}.s3"]) == 1 and found[f"{run_id}.s3"][0][1] != victim.pid
    print(f"takeover after kill -9: {takeover:.1f} s")
