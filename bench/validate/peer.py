#!/usr/bin/env python3
"""The Python peer of `showrunner validate --next 1`: what a small Python scheduler does at start-up.

usage: peer.py OUT_DIR

For every account file in OUT_DIR/accounts.d: load it with PyYAML's C loader (libyaml), build an
APScheduler 3.11 CronTrigger.from_crontab(cron, timezone=zone) and compute its next fire time.
Every pipeline in OUT_DIR/pipelines is loaded too. The documents and triggers are kept in memory,
as a scheduler keeps its jobs (and as `validate` keeps every account until it prints the summary). Prints one line with the counts at the end.
"""
import os
import sys
from datetime import datetime, timezone

import yaml
from apscheduler.triggers.cron import CronTrigger


def main() -> None:
    root = sys.argv[1]
    now = datetime.now(timezone.utc)
    pipelines = {}
    pipeline_dir = os.path.join(root, "pipelines")
    for name in sorted(os.listdir(pipeline_dir)):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(pipeline_dir, name)) as f:
                doc = yaml.load(f, Loader=yaml.CSafeLoader)
            pipelines[doc.get("name", name.rsplit(".", 1)[0])] = doc
    jobs = []  # kept, as a scheduler keeps its jobs (and as `validate` keeps every account)
    account_dir = os.path.join(root, "accounts.d")
    for name in sorted(os.listdir(account_dir)):
        if not name.endswith((".yaml", ".yml")) or name.startswith("."):
            continue
        with open(os.path.join(account_dir, name)) as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        schedule = doc["schedule"]
        trigger = CronTrigger.from_crontab(schedule["cron"], timezone=schedule.get("timezone", "UTC"))
        if doc["pipeline"] not in pipelines:
            sys.exit(f"{name}: unknown pipeline {doc['pipeline']}")
        jobs.append((doc, trigger, trigger.get_next_fire_time(None, now)))
    fires = sum(1 for job in jobs if job[2] is not None)
    print(f"{len(jobs)} accounts, {len(pipelines)} pipelines, {fires} next fires")


if __name__ == "__main__":
    main()
