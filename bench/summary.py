#!/usr/bin/env python3
"""Prints the summary table of bench/run.sh from its results file (lines `name key=value ...`)."""
import datetime
import os
import platform
import subprocess
import sys
from importlib.metadata import version

TARGET_SPEEDUP = 10.0  # validate: >= 10x faster than the Python peer
TARGET_RSS_MB = 150.0  # validate: peak RSS under 150 MB
TARGET_NEXT_NS = 2000.0  # next fire: median under 2 µs


def parse(path):
    results = {}
    for line in open(path):
        if not line.strip() or line.startswith(" "):
            continue
        name, *pairs = line.split()
        if name == "stale_binary":
            results[name] = line.split(" ", 1)[1].strip()
            continue
        results[name] = {k: v for k, v in (p.split("=", 1) for p in pairs if "=" in p)}
    return results


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def swift_version():
    try:
        out = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout
        return out.split("(")[0].replace("Swift version", "Swift").strip()
    except OSError:
        return "Swift ?"


def verdict(ok):
    return "MET" if ok else "MISSED"


def main():
    r = parse(sys.argv[1])
    n = int(r["accounts"]["n"])
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    print()
    print(f"Showrunner benchmarks  {now}")
    print(f"  {cpu()}, {os.cpu_count()} cores, {swift_version()}, Python {platform.python_version()}")
    print(f"  load average (1 min) before {r['load_average']['before']}, after {r['load_average']['after']}")
    if "stale_binary" in r:
        print(f"  WARNING: {r['stale_binary']}")
    print()

    ours = r["validate_ours"]
    t_ours, m_ours = float(ours["time_s"]), int(ours["rss_kb"]) / 1024
    print(f"A. validate --next 1, {n:,} account files + 4 pipelines   (wall: best of 3; RSS: peak, max of 3)")
    print(f"   {'':46} {'wall':>9} {'peak RSS':>10} {'wall / ours':>12}")
    rows = [
        ("validate_ours", "showrunner validate (release)"),
        ("validate_peer", "Python peer: PyYAML C + APScheduler 3.11"),
        ("validate_floor", "floor: PyYAML CSafeLoader load only"),
        ("validate_floor_events", "floor: libyaml events via Python (yaml.parse)"),
        ("validate_floor_c", "floor: libyaml events in C (floor.c)"),
    ]
    for key, label in rows:
        if key not in r:
            continue
        t, m = float(r[key]["time_s"]), int(r[key]["rss_kb"]) / 1024
        ratio = t / t_ours if t_ours > 0 else float("inf")
        print(f"   {label:46} {t:7.2f} s {m:7.1f} MB {ratio:10.2f}x")
    speedup = float(r["validate_peer"]["time_s"]) / t_ours if t_ours > 0 else float("inf")
    print(f"   ours per account: {t_ours / n * 1e6:.0f} µs, {m_ours * 1024 / n:.1f} KB")
    print(f"   target peer/ours >= {TARGET_SPEEDUP:.0f}x: {speedup:.2f}x  -> {verdict(speedup >= TARGET_SPEEDUP)}")
    print(f"   target peak RSS < {TARGET_RSS_MB:.0f} MB: {m_ours:.1f} MB  -> {verdict(m_ours < TARGET_RSS_MB)}")
    print()

    swift = r["swift"]
    med_ns, p90_ns = float(swift["median_ns"]), float(swift["p90_ns"])
    print(
        f"B. next fire, {swift['expressions']} expressions (5/6-field, L/LW/nL/#, names, macros, DST zones);"
        f" chains of {swift['calls']} calls, best of repeats")
    print(f"   {'':46} {'median':>10} {'p90':>10} {'median / ours':>14}  handled")
    print(f"   {'ours: CronExpression.nextDate (swiftc -O)':46} {med_ns:7.0f} ns {p90_ns:7.0f} ns {1:13.0f}x"
          f"  {swift['expressions']}")
    for key, label in [
        ("cronsim", f"cronsim {version('cronsim')}"),
        ("apscheduler", f"APScheduler {version('apscheduler')} CronTrigger"),
        ("croniter", f"croniter {version('croniter')}"),
    ]:
        if key not in r:
            continue
        med, p90 = float(r[key]["median_us"]), float(r[key]["p90_us"])
        print(f"   {label:46} {med:7.1f} µs {p90:7.1f} µs {med * 1000 / med_ns:13.0f}x  {r[key]['expressions']}")
    print(f"   target ours median < {TARGET_NEXT_NS / 1000:.0f} µs: {med_ns:.0f} ns  -> {verdict(med_ns < TARGET_NEXT_NS)}")
    agreement = r.get("agreement")
    if agreement:
        print(f"   same fires as cronsim (1st and {swift['calls']}th): 5-field {agreement['5-field']},"
              f" 6-field {agreement['6-field']} (cronsim skips the DST rule for 6 fields)")


if __name__ == "__main__":
    main()
