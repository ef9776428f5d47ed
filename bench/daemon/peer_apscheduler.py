#!/usr/bin/env python3
"""The APScheduler 3.11 peer of the daemon benchmarks (bench/daemon/run.sh).

  peer_apscheduler.py lateness --mode minute|second --n N --span S --results FILE --label L
      BackgroundScheduler (MemoryJobStore, a ThreadPoolExecutor of 100 threads, misfire_grace_time 120 s like
      the daemon's late tolerance, coalesce), N jobs on CronTrigger "* * * * *" (minute) or second="*" (second),
      UTC. Measured for every fire whose instant lies in [first, first + S]:
        dispatch lateness = when the scheduler handed the job to its executor (`_do_submit_job`) - the instant
        start lateness    = when the job function began on a worker thread - the instant
      The job itself only records the time (the daemon's runs write to SQLite; see README).

  peer_apscheduler.py serve --config DIR
      Loads every account file of DIR/accounts.d (PyYAML's C loader, as a Python daemon would), adds one
      CronTrigger.from_crontab(cron, timezone) job per account, starts a BackgroundScheduler and prints
      "READY <jobs>". Then answers on stdin:
        LIST                 → "LISTED <ms>": get_jobs() turned into JSON (id, cron, timezone, next_run_at) —
                               the analogue of GET /api/scheduler/jobs
        APPLY ID PATH CRON_  → "APPLIED <ms>": re-read the file, new CronTrigger, reschedule_job, get_job —
                               the analogue of the daemon's reload after the debounce (CRON_ uses _ for spaces,
                               and is checked against the file)
"""
import argparse
import json
import os
import sys
import threading
import time
from datetime import datetime, timezone

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger


def percentile(samples, p):
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(1, int(-(-p * len(ordered) // 100)))
    return ordered[min(rank, len(ordered)) - 1]


def record(path, key, **values):
    line = key + " " + " ".join(f"{k}={v:.6g}" if isinstance(v, float) else f"{k}={v}" for k, v in values.items())
    with open(path, "a") as f:
        f.write(line + "\n")
    print("   " + line, file=sys.stderr, flush=True)


def stats(samples):
    return dict(p50=percentile(samples, 50), p99=percentile(samples, 99), max=max(samples) if samples else float("nan"),
                n=len(samples))


# --- lateness ------------------------------------------------------------------------------------------------

DISPATCHED = []  # (time, scheduled instant as epoch seconds)
STARTED = []  # (time, job id)
LOCK = threading.Lock()


class TimedExecutor(ThreadPoolExecutor):
    """Stamps the moment the scheduler submits a fire to the pool."""

    def _do_submit_job(self, job, run_times):
        now = time.time()
        with LOCK:
            DISPATCHED.append((now, run_times[-1].timestamp()))
        return super()._do_submit_job(job, run_times)


def cheap_job(job_id):
    STARTED.append((time.time(), job_id))


def lateness(args):
    scheduler = BackgroundScheduler(
        executors={"default": TimedExecutor(100)},
        job_defaults={"misfire_grace_time": 120, "coalesce": True, "max_instances": 3},
        timezone=timezone.utc)
    for index in range(args.n):
        if args.mode == "minute":
            trigger = CronTrigger.from_crontab("* * * * *", timezone="UTC")
        else:
            trigger = CronTrigger(second="*", timezone="UTC")
        job_id = f"bench-{index:05d}"
        scheduler.add_job(cheap_job, trigger, args=[job_id], id=job_id)
    scheduler.start()
    now = time.time()
    period = 60 if args.mode == "minute" else 1
    first = (int(now) // period + 1) * period
    if first - now < 2:
        first += period
    last = first + (args.span // period) * period
    print(f"   APScheduler: fires from {datetime.fromtimestamp(first, timezone.utc):%H:%M:%S} to "
          f"{datetime.fromtimestamp(last, timezone.utc):%H:%M:%S} UTC", file=sys.stderr, flush=True)
    cpu_before = time.process_time()
    time.sleep(max(0, last - time.time() + 3))
    cpu = time.process_time() - cpu_before
    scheduler.shutdown(wait=True)
    dispatch = [(t - s) * 1000 for t, s in DISPATCHED if first <= s <= last]
    # The job does not know its instant; it is the latest whole period at or before the start (lateness < period).
    start = []
    for t, _ in STARTED:
        instant = (int(t) // period) * period
        if first <= instant <= last:
            start.append((t - instant) * 1000)
    instants = (last - first) // period + 1
    record(args.results, f"{args.label}_setup", jobs=args.n, instants=instants, expected=args.n * instants,
           dispatched=len(dispatch), started=len(start))
    record(args.results, f"{args.label}_dispatch", unit="ms", **stats(dispatch))
    record(args.results, f"{args.label}_start", unit="ms", **stats(start))
    record(args.results, f"{args.label}_cpu", seconds=cpu, per_run_ms=cpu / max(1, len(start)) * 1000)


# --- serve (10,000 jobs) -------------------------------------------------------------------------------------


def serve(args):
    import yaml

    folder = os.path.join(args.config, "accounts.d")
    scheduler = BackgroundScheduler(timezone=timezone.utc)
    count = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")) or name.startswith("."):
            continue
        with open(os.path.join(folder, name)) as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        schedule = doc["schedule"]
        trigger = CronTrigger.from_crontab(schedule["cron"], timezone=schedule.get("timezone", "UTC"))
        scheduler.add_job(cheap_job, trigger, args=[name], id=name.rsplit(".", 1)[0],
                          misfire_grace_time=3600, coalesce=True)
        count += 1
    scheduler.start()
    print(f"READY {len(scheduler.get_jobs())}", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "LIST":
            t0 = time.perf_counter()
            jobs = [
                {"id": job.id, "cron": str(job.trigger), "timezone": str(job.trigger.timezone),
                 "next_run_at": job.next_run_time.astimezone(timezone.utc).isoformat() if job.next_run_time else None}
                for job in scheduler.get_jobs()
            ]
            body = json.dumps({"jobs": jobs}).encode()
            print(f"LISTED {(time.perf_counter() - t0) * 1000:.3f} {len(body)}", flush=True)
        elif parts[0] == "APPLY":
            job_id, path, cron = parts[1], parts[2], parts[3].replace("_", " ")
            t0 = time.perf_counter()
            with open(path) as f:
                doc = yaml.load(f, Loader=yaml.CSafeLoader)
            schedule = doc["schedule"]
            trigger = CronTrigger.from_crontab(schedule["cron"], timezone=schedule.get("timezone", "UTC"))
            scheduler.reschedule_job(job_id, trigger=trigger)
            job = scheduler.get_job(job_id)
            elapsed = (time.perf_counter() - t0) * 1000
            if schedule["cron"] != cron or job.next_run_time is None:
                print(f"ERROR {schedule['cron']!r} != {cron!r}", flush=True)
            else:
                print(f"APPLIED {elapsed:.3f}", flush=True)
        else:
            print(f"ERROR unknown command {parts[0]}", flush=True)
    scheduler.shutdown(wait=False)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    late = sub.add_parser("lateness")
    late.add_argument("--mode", choices=["minute", "second"], required=True)
    late.add_argument("--n", type=int, required=True)
    late.add_argument("--span", type=int, required=True)
    late.add_argument("--results", required=True)
    late.add_argument("--label", required=True)
    srv = sub.add_parser("serve")
    srv.add_argument("--config", required=True)
    args = parser.parse_args()
    (lateness if args.command == "lateness" else serve)(args)


if __name__ == "__main__":
    main()
