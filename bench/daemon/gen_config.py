#!/usr/bin/env python3
"""Write a Showrunner config folder for the daemon benchmarks (bench/daemon/run.sh).

usage:
  gen_config.py OUT_DIR cheap N CRON [--listen HOST:PORT] [--max-concurrent K] [--debounce D]
      N accounts, all on the same CRON (e.g. "* * * * *" or "* * * * * *"), UTC, jitter 0, overlap allow,
      on one cheap in-process pipeline (topic.list with inline items → script.template): nothing leaves the
      process but the SQLite writes.
  gen_config.py OUT_DIR daily N [--listen ...] [--max-concurrent K] [--debounce D] [--avoid-hours H]
      N realistic accounts (bench/validate/generate.py: channel, voice, vars, step overrides, 4 pipelines with
      tts/video steps, 30 zones, jitter up to 1 h), each rescheduled to fire once a day at a minute that is at
      least H hours (default 3) away from now in UTC, so nothing fires during the measurement. The cron is
      written in UTC wall time (`timezone: UTC`) to make "not now" certain; the file is otherwise the
      generator's.

Writes showrunner.yaml (listen, max_concurrent_runs, debounce, state_dir) and prints one line per folder. Also
writes OUT_DIR/jobs.tsv (id, cron, timezone) for the APScheduler peer.
"""
import argparse
import datetime as dt
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "validate"))
import generate  # noqa: E402  (bench/validate/generate.py)

CHEAP_PIPELINE = """\
# Cheap and in-process: the run is only the executor's own bookkeeping (store writes) and two trivial steps.
name: cheap
description: topic from inline items, then a templated script; no media, no network
defaults:
  retry: { attempts: 1 }
  timeout: 1m
steps:
  - id: topic
    uses: topic.list
    with: { items: ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"], order: sequential }
  - id: script
    uses: script.template
    with: { title: "{{ steps.topic.title }}", text: "{{ steps.topic.title }} in one line." }
"""


def settings(args) -> str:
    return (
        f"listen: {args.listen}\n"
        f"max_concurrent_runs: {args.max_concurrent}\n"
        f"debounce: {args.debounce}\n"
        "state_dir: state\n"
    )


def cheap(args) -> None:
    out = args.out
    os.makedirs(os.path.join(out, "accounts.d"), exist_ok=True)
    os.makedirs(os.path.join(out, "pipelines"), exist_ok=True)
    with open(os.path.join(out, "pipelines", "cheap.yaml"), "w") as f:
        f.write(CHEAP_PIPELINE)
    jobs = []
    for index in range(1, args.n + 1):
        account_id = f"bench-{index:05d}"
        with open(os.path.join(out, "accounts.d", f"{account_id}.yaml"), "w") as f:
            f.write(
                f"name: Bench {index:05d}\n"
                "channel: { type: benchmark, language: en }\n"
                "schedule:\n"
                f'  cron: "{args.cron}"\n'
                "  timezone: UTC\n"
                "  jitter: 0\n"
                "  overlap: allow\n"
                "pipeline: cheap\n"
            )
        jobs.append((account_id, args.cron, "UTC"))
    finish(args, jobs)


def daily(args) -> None:
    out = args.out
    # generate.py writes the realistic accounts, pipelines and topic lists.
    sys.argv = ["generate.py", out, str(args.n)]
    generate.main()
    now = dt.datetime.now(dt.timezone.utc)
    r = random.Random(7)
    forbidden = {(now + dt.timedelta(hours=k)).hour for k in range(-1, args.avoid_hours + 1)}
    hours = [h for h in range(24) if h not in forbidden]
    folder = os.path.join(out, "accounts.d")
    jobs = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        with open(path) as f:
            text = f.read()
        expr = f"{r.randrange(60)} {r.choice(hours)} * * *"
        text = re.sub(r'(?m)^  cron: ".*"$', f'  cron: "{expr}"', text, count=1)
        text = re.sub(r"(?m)^  timezone: .*$", "  timezone: UTC", text, count=1)
        text = re.sub(r"(?m)^(# .*) \(([A-Za-z_/]+)\)\.$", r"\1 (UTC).", text, count=1)
        with open(path, "w") as f:
            f.write(text)
        jobs.append((name.rsplit(".", 1)[0], expr, "UTC"))
    finish(args, jobs)


def finish(args, jobs) -> None:
    with open(os.path.join(args.out, "showrunner.yaml"), "w") as f:
        f.write(settings(args))
    with open(os.path.join(args.out, "jobs.tsv"), "w") as f:
        for row in jobs:
            f.write("\t".join(row) + "\n")
    print(f"{args.out}: {len(jobs)} accounts ({args.kind})", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("kind", choices=["cheap", "daily"])
    parser.add_argument("n", type=int)
    parser.add_argument("cron", nargs="?", default="* * * * *")
    parser.add_argument("--listen", default="127.0.0.1:18080")
    parser.add_argument("--max-concurrent", type=int, default=1000)
    parser.add_argument("--debounce", default="50ms")
    parser.add_argument("--avoid-hours", type=int, default=3)
    args = parser.parse_args()
    (cheap if args.kind == "cheap" else daily)(args)


if __name__ == "__main__":
    main()
