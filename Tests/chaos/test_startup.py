"""Start-up with a large config folder: the API answers from the first moments, saying `starting` (503, with
`Retry-After` on /api routes) while the accounts load, and never a wrong answer (an empty account list, a missing
account); the "N accounts scheduled; HTTP API on …" line comes once every account is scheduled with its next fire
(SPEC §8)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

ACCOUNTS = int(os.environ.get("CHAOS_STARTUP_ACCOUNTS", "10000"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(base: str, path: str) -> tuple[int, dict, dict]:
    """(status, decoded JSON body, headers); status 0 while nothing listens."""
    try:
        with urllib.request.urlopen(base + path, timeout=5) as reply:
            return reply.status, json.loads(reply.read() or b"{}"), dict(reply.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), dict(error.headers)
    except (urllib.error.URLError, OSError):
        return 0, {}, {}


def write_config(config) -> None:
    accounts = config / "accounts.d"
    accounts.mkdir(parents=True)
    (config / "pipelines").mkdir()
    (config / "pipelines" / "fast.yaml").write_text(
        "name: fast\nsteps:\n  - id: noop\n    uses: command\n    with: { run: [\"true\"] }\n")
    for index in range(ACCOUNTS):
        (accounts / f"a{index:05d}.yaml").write_text(
            f"channel: {{ type: chaos }}\nschedule: {{ cron: \"{index % 60} {index % 24} * * *\", timezone: UTC }}\n"
            "pipeline: fast\n")


def test_api_answers_starting_until_every_account_is_scheduled(chaos):
    config, state = chaos.root / "config", chaos.root / "state"
    write_config(config)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    logs = chaos.root / "startup.out"
    daemon = chaos.daemon(config, state)  # for the fixture's clean-up
    with open(logs, "wb") as out:
        daemon.proc = subprocess.Popen(
            [chaos.binary, "run", "--config", str(config), "--state", str(state), "--listen", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
            env=dict(os.environ, CHAOS_TAG=chaos.tag))
    started = time.time()
    answers_before_line, line_at = [], None
    while time.time() - started < 120 and line_at is None:
        status, body, headers = get(base, "/healthz")
        announced = "accounts scheduled; HTTP API on" in logs.read_text(errors="replace")
        if status and not announced:
            answers_before_line.append((status, body.get("status")))
            accounts = get(base, "/api/accounts")
            if accounts[0] != 503:  # the load finished between the two requests: then it must be complete
                assert accounts[0] == 200 and len(accounts[1]["accounts"]) == ACCOUNTS
            else:
                assert accounts[2].get("Retry-After") == "1"
        if announced:
            line_at = time.time() - started
        time.sleep(0.005)
    assert line_at is not None, "the daemon never printed its start-up line"
    assert answers_before_line, "the API did not answer before the accounts were loaded"
    assert all(s in (200, 503) for s, _ in answers_before_line)
    assert answers_before_line[0] == (503, "starting")
    jobs = get(base, "/api/scheduler/jobs")
    assert jobs[0] == 200 and len(jobs[1]["jobs"]) == ACCOUNTS
    # The timetable is built before the API stops saying `starting`: every job listed has its next fire.
    missing = [job["id"] for job in jobs[1]["jobs"] if not job["next_run_at"]]
    assert not missing, f"{len(missing)} jobs listed without their next fire, e.g. {missing[:3]}"
    print(f"\n[startup] {ACCOUNTS} accounts: {len(answers_before_line)} answers before the line at {line_at:.2f} s")


BOMB = ("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n")


def test_files_changed_while_the_accounts_load_are_applied(chaos):
    """An edit, a deletion, an alias bomb and a duration too large for the clock, all written while the daemon is
    still loading (the API says `starting`): each reaches the API afterwards, and the daemon stays up. A file the
    load had already read raised no watch event (the watches come after the load); the watcher's first rescan
    catches it."""
    config, state = chaos.root / "config", chaos.root / "state"
    write_config(config)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    daemon = chaos.daemon(config, state)
    daemon.proc = subprocess.Popen(
        [chaos.binary, "run", "--config", str(config), "--state", str(state), "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        env=dict(os.environ, CHAOS_TAG=chaos.tag))
    deadline = time.time() + 120
    while get(base, "/healthz")[0] != 503 and time.time() < deadline:
        time.sleep(0.005)
    assert get(base, "/healthz")[1].get("status") == "starting", "the load ended before the files could be written"
    accounts = config / "accounts.d"
    (accounts / "tmp").write_text(
        "channel: { type: chaos }\nschedule: { cron: \"17 5 * * *\", timezone: UTC }\npipeline: fast\n")
    os.rename(accounts / "tmp", accounts / "a00000.yaml")
    (accounts / "a00001.yaml").unlink()
    (accounts / "zz-bomb.yaml").write_text(BOMB)
    (accounts / "zz-huge.yaml").write_text(
        "channel: { type: chaos }\nschedule: { cron: \"0 9 * * *\", jitter: 999999999999d }\npipeline: fast\n")

    def applied() -> bool:
        jobs = {job["id"]: job for job in get(base, "/api/scheduler/jobs")[1].get("jobs", [])}
        files = {d["file"] for d in get(base, "/api/config/diagnostics")[1].get("diagnostics", [])}
        return (jobs.get("a00000", {}).get("cron") == "17 5 * * *" and "a00001" not in jobs and "a00002" in jobs
                and {"accounts.d/zz-bomb.yaml", "accounts.d/zz-huge.yaml"} <= files)

    deadline = time.time() + 60
    while not applied() and time.time() < deadline:
        time.sleep(0.05)
    assert applied(), "a file written during the load never reached the API"
    assert daemon.proc.poll() is None, "the daemon died"
    assert get(base, "/healthz")[0] == 200
