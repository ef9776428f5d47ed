#!/usr/bin/env python3
"""Fill a migrated Showrunner store with RUNS finished runs (and their step attempts) over DAYS days.

usage: fill_store.py CONFIG_DIR STORE_PATH [--runs 100000] [--days 90] [--seed 1]

Runs are spread uniformly over the last DAYS days (UTC) across the accounts of CONFIG_DIR/accounts.d, each on
its account's pipeline; their steps come from CONFIG_DIR/pipelines (id and `uses:`). Statuses: 80 % succeeded,
10 % failed, 4 % cancelled, 3 % missed, 3 % skipped. Succeeded runs have one succeeded attempt per step, the
`video` step with a `duration_s` output; failed runs fail their third step after one retry. No run is left
queued or running (the daemon would resume it).
"""
import argparse
import json
import os
import random
import re
import sqlite3
import time


def pipelines(config):
    steps = {}
    folder = os.path.join(config, "pipelines")
    for name in os.listdir(folder):
        text = open(os.path.join(folder, name)).read()
        pipeline = re.search(r"^name:\s*(\S+)", text, re.M).group(1)
        ids = re.findall(r"^\s*- id:\s*(\S+)", text, re.M)
        uses = re.findall(r"^\s*uses:\s*(\S+)", text, re.M)
        steps[pipeline] = list(zip(ids, uses))
    return steps


def accounts(config):
    found = []
    folder = os.path.join(config, "accounts.d")
    for name in sorted(os.listdir(folder)):
        text = open(os.path.join(folder, name)).read()
        ident = re.search(r"^id:\s*(\S+)", text, re.M)
        pipeline = re.search(r"^pipeline:\s*(\S+)", text, re.M)
        found.append((ident.group(1) if ident else name.rsplit(".", 1)[0], pipeline.group(1) if pipeline else None))
    return found


TYPICAL_MS = {"topic.list": 20, "topic.llm": 4000, "script.template": 5, "script.llm": 9000, "tts": 6000,
              "subtitles": 40, "thumbnail": 900, "video": 45000, "upload.youtube": 30000, "upload.local": 300,
              "command": 2000}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("store")
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    steps = pipelines(args.config)
    accs = [(a, p if p in steps else next(iter(steps))) for a, p in accounts(args.config)]
    now = int(time.time() * 1000)
    start = now - args.days * 86_400_000
    db = sqlite3.connect(args.store)
    db.execute("PRAGMA journal_mode=WAL")
    runs, attempts = [], []
    statuses = ["succeeded"] * 80 + ["failed"] * 10 + ["cancelled"] * 4 + ["missed"] * 3 + ["skipped"] * 3
    for index in range(args.runs):
        account, pipeline = accs[index % len(accs)]
        created = rng.randint(start, now - 3_600_000)
        status = rng.choice(statuses)
        run_id = f"bench-{index:06d}"
        if status in ("missed", "skipped"):
            runs.append((run_id, account, pipeline, "schedule", created, status, created, None, created))
            continue
        t = created + 50
        plan = steps[pipeline]
        fail_at = 2 if status == "failed" else (3 if status == "cancelled" else len(plan))
        for position, (step_id, uses) in enumerate(plan[: fail_at + 1] if status != "succeeded" else plan):
            typical = TYPICAL_MS.get(uses, 1000)
            failing = status != "succeeded" and position == min(fail_at, len(plan) - 1)
            for attempt in ((1, 2) if failing else (1,)):
                duration = max(1, int(rng.lognormvariate(0, 0.5) * typical))
                outputs = None
                if not failing and uses == "video":
                    outputs = json.dumps({"duration_s": round(rng.uniform(40, 70), 1), "video": "video.mp4"})
                attempts.append((run_id, step_id, attempt, "failed" if failing else "succeeded",
                                 "transient" if failing else None, outputs, t, t + duration))
                t += duration + 10
        runs.append((run_id, account, pipeline, "schedule", created, status, created + 10, t, created))
    db.executemany(
        "INSERT INTO runs (id, account_id, pipeline, \"trigger\", scheduled_at, status, started_at, finished_at, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", runs)
    db.executemany(
        "INSERT INTO step_attempts (run_id, step_id, attempt, status, failure_kind, outputs, started_at, finished_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", attempts)
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    print(f"{len(runs)} runs, {len(attempts)} attempts over {args.days} days, {len(accs)} accounts")


if __name__ == "__main__":
    main()
