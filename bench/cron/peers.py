#!/usr/bin/env python3
"""Next-fire speed of the Python cron libraries on the same expressions as bench/cron/main.swift.

usage: peers.py EXPRESSIONS_FILE [CALLS] [REPEATS] [SWIFT_FIRES]

For each `EXPRESSION<TAB>ZONE` line and each library (cronsim, APScheduler 3.11 CronTrigger, croniter):
a chain of CALLS next-fire calls, each starting at the previous result (the first at
2026-01-01T00:00:00Z, in the expression's zone); the best of REPEATS chains gives µs/call. Building the
trigger/iterator is not timed. An expression a library cannot express is translated where it has an
equivalent (APScheduler: weekday numbers, `5L` -> `last fri`, `FRI#3` -> `3rd fri`, 6 fields -> second=;
croniter: 6 fields -> second_at_beginning, `5L` -> `L5`) and skipped otherwise; the count is printed.
Prints one line per library: median/p90 µs per call over the expressions it handled.

SWIFT_FIRES (written by cron-bench): per expression, our first and last fire of the chain; the script
reports how many chains cronsim agrees with (information only: cronsim applies cronie's DST rule to
5-field expressions only, SPEC §3 applies it to 6-field ones too).
"""
import sys
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

START = datetime(2026, 1, 1, tzinfo=timezone.utc)
MACROS = {
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
}
DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
ORDINALS = {"1": "1st", "2": "2nd", "3": "3rd", "4": "4th", "5": "5th"}


class Unsupported(Exception):
    pass


def day_number(token: str) -> int:
    token = token.lower()
    if token in DAYS:
        return DAYS.index(token)
    value = int(token)
    if not 0 <= value <= 7:
        raise Unsupported(token)
    return value % 7


def weekdays(field: str) -> set[int]:
    """A cron day-of-week field (no L/#) as a set of days, 0 = Sunday."""
    days = set()
    for item in field.split(","):
        body, _, step = item.partition("/")
        step = int(step) if step else 1
        if body == "*":
            low, high = 0, 7 if step > 1 else 6
        elif "-" in body:
            a, b = body.split("-")
            low, high = day_number(a), day_number(b)
            if b == "7":
                high = 7
        else:
            low = day_number(body)
            high = 7 if item.count("/") else low
        days.update(d % 7 for d in range(low, high + 1, step))
    return days


def apscheduler_trigger(expr: str, zone: str):
    from apscheduler.triggers.cron import CronTrigger

    parts = MACROS.get(expr, expr).split()
    second = parts.pop(0) if len(parts) == 6 else "0"
    minute, hour, dom, month, dow = parts
    day, day_of_week = dom, dow
    if dom == "L":
        day = "last"
    elif "W" in dom.upper():
        raise Unsupported("LW")
    if dow.upper().endswith("L"):
        day, day_of_week = f"last {DAYS[day_number(dow[:-1])]}", "*"
    elif "#" in dow:
        name, k = dow.split("#")
        day, day_of_week = f"{ORDINALS[k]} {DAYS[day_number(name)]}", "*"
    elif dow != "*":
        # APScheduler 3 numbers weekdays from Monday = 0; names mean the same days on both sides.
        day_of_week = ",".join(DAYS[d] for d in sorted(weekdays(dow)))
    return CronTrigger(
        second=second, minute=minute, hour=hour, day=day, month=month.lower(), day_of_week=day_of_week,
        timezone=ZoneInfo(zone))


def chain_cronsim(expr, zone, calls):
    from cronsim import CronSim

    iterator = CronSim(MACROS.get(expr, expr), START.astimezone(ZoneInfo(zone)))

    def run():
        last = None
        for _ in range(calls):
            last = next(iterator)
        return last

    return run


def chain_apscheduler(expr, zone, calls):
    trigger = apscheduler_trigger(expr, zone)
    start = START.astimezone(ZoneInfo(zone))
    tick = timedelta(microseconds=1)  # get_next_fire_time answers ">= now"; fires are whole seconds

    def run():
        date = start
        for _ in range(calls):
            date = trigger.get_next_fire_time(None, date + tick)
        return date

    return run


def chain_croniter(expr, zone, calls):
    from croniter import croniter

    parts = expr.split()
    if parts[-1].upper().endswith("L") and len(parts[-1]) > 1:  # `5L` is written `L5` in croniter
        parts[-1] = "L" + parts[-1][:-1]
    iterator = croniter(" ".join(parts), START.astimezone(ZoneInfo(zone)), second_at_beginning=len(parts) == 6)

    def run():
        last = None
        for _ in range(calls):
            last = iterator.get_next(datetime)
        return last

    return run


LIBRARIES = [("cronsim", chain_cronsim), ("apscheduler", chain_apscheduler), ("croniter", chain_croniter)]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def main() -> None:
    path = sys.argv[1]
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    swift_fires = sys.argv[4] if len(sys.argv) > 4 else None
    jobs = [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]
    cronsim_fires = {}
    for name, make in LIBRARIES:
        per_call = []
        skipped = []
        began = time.perf_counter()
        for index, (expr, zone) in enumerate(jobs):
            best = float("inf")
            try:
                for repeat in range(repeats):
                    run = make(expr, zone, calls)  # a fresh iterator/trigger per chain, not timed
                    t0 = time.perf_counter()
                    last = run()
                    best = min(best, time.perf_counter() - t0)
            except Exception as error:  # noqa: BLE001 - any refusal means "cannot express it"
                skipped.append(f"{expr} ({type(error).__name__})")
                continue
            per_call.append(best / calls * 1e6)
            if name == "cronsim":
                first = make(expr, zone, 1)()
                cronsim_fires[index] = (int(first.timestamp()), int(last.timestamp()))
        print(
            f"{name} expressions={len(per_call)} skipped={len(skipped)} calls={calls} repeats={repeats} "
            f"median_us={percentile(per_call, 0.5):.2f} p90_us={percentile(per_call, 0.9):.2f} "
            f"mean_us={sum(per_call) / len(per_call):.2f} wall_s={time.perf_counter() - began:.1f}",
            flush=True)
        for item in skipped[:3]:
            print(f"  skipped: {item}")
    if swift_fires:
        ours = [tuple(map(int, line.split())) for line in open(swift_fires) if line.strip()]
        agree = {5: [0, 0], 6: [0, 0]}
        differ = []
        for index, pair in cronsim_fires.items():
            fields = 6 if len(jobs[index][0].split()) == 6 else 5
            agree[fields][1] += 1
            if ours[index] == pair:
                agree[fields][0] += 1
            else:
                differ.append(f"{jobs[index][0]} [{jobs[index][1]}]")
        print(
            f"agreement ours-vs-cronsim (first and {calls}th fire) 5-field={agree[5][0]}/{agree[5][1]} "
            f"6-field={agree[6][0]}/{agree[6][1]}")
        for item in differ[:5]:
            print(f"  differs: {item}")


if __name__ == "__main__":
    main()
