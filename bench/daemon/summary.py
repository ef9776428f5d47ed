#!/usr/bin/env python3
"""Prints the summary of bench/daemon/run.sh from its results file (`key name=value ...` lines)."""
import sys


def load(path):
    results = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            values = {}
            for part in parts[1:]:
                name, _, value = part.partition("=")
                values[name] = value
            results[parts[0]] = values
    return results


def num(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def fmt(value, unit="ms"):
    value = num(value)
    if value != value:
        return "—"
    if unit == "ms":
        if value >= 1000:
            return f"{value / 1000:.2f} s"
        if value >= 100:
            return f"{value:.0f} ms"
        if value >= 10:
            return f"{value:.1f} ms"
        return f"{value:.2f} ms"
    return f"{value:.3g} {unit}"


def ratio(ours, peer):
    ours, peer = num(ours), num(peer)
    if ours != ours or peer != peer or peer == 0:
        return "—"
    return f"{ours / peer:.2f}×"


def verdict(value, target):
    value = num(value)
    if value != value:
        return "not measured"
    return "met" if value < target else "MISSED"


def row(label, values, peer=None, width=64):
    line = f"  {label:<{width}} {fmt(values.get('p50')):>9} {fmt(values.get('p99')):>9} {fmt(values.get('max')):>9}"
    if peer is not None:
        line += f"   {ratio(values.get('p99'), peer.get('p99')):>9}"
    print(line)


def main():
    r = load(sys.argv[1])
    get = lambda key: r.get(key, {})  # noqa: E731
    env = get("environment")
    print()
    print("=" * 112)
    print(f"Showrunner daemon benchmarks — {env.get('date', '?').replace('_', ' ')}  "
          f"({env.get('cpus', '?')} cores, commit {env.get('commit', '?')}, binary built {env.get('binary', '?').replace('_', ' ')})")
    if "stale_binary" in r:
        print(f"WARNING: {get('stale_binary').get('why', '').replace('_', ' ')}")
    print("=" * 112)

    head = f"  {'':<64} {'p50':>9} {'p99':>9} {'max':>9}   {'p99 ours÷APS':>9}"
    for label, title, target in (
        ("a", "1. Fire lateness, (a) {accounts} accounts due at the same instant (\"* * * * *\"), {instants} minutes", 10),
        ("b", "1. Fire lateness, (b) {accounts} accounts every second (\"* * * * * *\"), {instants} s", 1),
    ):
        setup = get(f"{label}_setup")
        if not setup:
            continue
        print()
        print(title.format(accounts=setup.get("accounts"), instants=setup.get("instants")))
        print(f"   {setup.get('runs')}/{setup.get('expected')} fires recorded; statuses {setup.get('statuses')}; "
              f"daemon exit {setup.get('exit')}; load {setup.get('load_before')} → {setup.get('load_after')}")
        print(head)
        peer_dispatch, peer_start = get(f"p{label}_dispatch"), get(f"p{label}_start")
        row("showrunner dispatch: runs.created_at − scheduled_at (scheduler)", get(f"{label}_dispatch"), peer_dispatch)
        row("showrunner start:    runs.started_at − scheduled_at (executor)", get(f"{label}_start"), peer_start)
        row("  earliest dispatch of each instant (timer wake-up)", get(f"{label}_first_of_instant"))
        row("  spread within an instant (last − first dispatch)", get(f"{label}_batch_spread"))
        metric = get(f"{label}_metric")
        if metric:
            first_bucket = metric.get("buckets", "").split("|")[0]
            print(f"  {'metric showrunner_fire_lateness_seconds: mean (sum/count)':<64} {fmt(metric.get('mean')):>9}"
                  f"   count {metric.get('count')}; smallest bucket {first_bucket.replace('le', 'le=').replace(':', ' s: ')}")
        row("APScheduler dispatch: submitted to its thread pool", peer_dispatch)
        row("APScheduler start:    job function began", peer_start)
        cpu, peer_cpu = get(f"{label}_cpu"), get(f"p{label}_cpu")
        print(f"  CPU per fire (utime+stime): showrunner {fmt(cpu.get('per_run_ms'))} (whole daemon: scheduler + run + store), "
              f"APScheduler {fmt(peer_cpu.get('per_run_ms'))} (no work in the job)")
        print(f"  target p99 < {target} ms (dispatch): {verdict(get(f'{label}_dispatch').get('p99'), target)}; "
              f"(start): {verdict(get(f'{label}_start').get('p99'), target)}")

    print()
    print("2. Reload latency, 10,000 accounts, rename() of a changed account file (new daily cron)")
    print(head.replace("p99 ours÷APS", ""))
    row("end to end, observed by a client polling GET /api/scheduler/jobs?account=ID", get("reload_observed"))
    row("end to end, visible by (send time of the first answer showing it)", get("reload_visible_by"))
    row("  not yet visible at (send time of the last answer without it)", get("reload_not_visible_at"))
    row("rename → \"config applied\" log line (debounce + registry.apply)", get("reload_applied_log"))
    print("  after the debounce, in-process (ReloadBench, the daemon's own objects):")
    row("  1. ConfigRegistry.apply([changed file])", get("inproc_registry_apply"))
    row("  2. the report's ids → [id: ScheduledAccount?] (Daemon)", get("inproc_changes"))
    row("  3. Scheduler.update(changes)", get("inproc_scheduler_update"))
    row("  4. Scheduler.jobs(accountID:)", get("inproc_scheduler_job"))
    row("  total after the debounce (1-4)", get("inproc_total"), get("peer_apply"))
    row("APScheduler: YAML load + CronTrigger + reschedule_job + get_job", get("peer_apply"))
    jobs = get("get_jobs")
    row(f"GET /api/scheduler/jobs alone ({num(jobs.get('bytes')) / 1e6:.1f} MB JSON)", jobs, get("peer_list"))
    row("APScheduler get_jobs() → JSON", get("peer_list"))
    row("GET /api/scheduler/jobs?account=ID (one job)", get("get_one_job"))
    row("GET /healthz (for scale)", get("get_healthz"))
    print(f"  target p99 < 100 ms end to end: {verdict(get('reload_observed').get('p99'), 100)}; "
          f"< 20 ms after the debounce: {verdict(get('inproc_total').get('p99'), 20)}")

    print()
    print("3. Start-up, memory and idle CPU, 10,000 accounts scheduled daily")
    start, peer_start, idle, peer_idle = get("startup"), get("peer_startup"), get("idle"), get("peer_idle")
    end = get("tenk_end")
    print(f"  {'':<52} {'showrunner':>14} {'APScheduler':>14} {'ours÷APS':>9}")
    print(f"  {'start-up: process start → every job listed':<52} {fmt(num(start.get('ready_s')) * 1000):>14} "
          f"{fmt(num(peer_start.get('ready_s')) * 1000):>14} {ratio(start.get('ready_s'), peer_start.get('ready_s')):>9}")
    print(f"  {'  (showrunner: median of ' + start.get('starts', '?') + ' starts; range':<52} "
          f"{fmt(num(start.get('ready_min_s')) * 1000) + '–' + fmt(num(start.get('ready_max_s')) * 1000):>14})")
    print(f"  {'  (showrunner: /healthz first answers)':<52} {fmt(num(start.get('healthz_s')) * 1000):>14}")
    print(f"  {'RSS after start-up':<52} {fmt(start.get('rss_mb'), 'MB'):>14} {fmt(peer_start.get('rss_mb'), 'MB'):>14} "
          f"{ratio(start.get('rss_mb'), peer_start.get('rss_mb')):>9}")
    for key, label in (("anon_mb", "  of which private (RssAnon: heap, stacks)"),
                       ("file_mb", "  of which mapped files (RssFile: code, shared)")):
        print(f"  {label:<52} {fmt(start.get(key), 'MB'):>14} {fmt(peer_start.get(key), 'MB'):>14} "
              f"{ratio(start.get(key), peer_start.get(key)):>9}")
    print(f"  {'peak RSS (showrunner: after the reload runs)':<52} {fmt(end.get('hwm_mb'), 'MB'):>14} "
          f"{fmt(peer_start.get('hwm_mb'), 'MB'):>14}")
    def per_minute(values, key):
        return num(values.get(key)) * 60 / num(values.get("seconds")) * 1000

    print(f"  {'idle CPU per minute: utime+stime (/proc/PID/stat)':<52} {fmt(per_minute(idle, 'cpu_s')):>14} "
          f"{fmt(per_minute(peer_idle, 'cpu_s')):>14}")
    print(f"  {'  same from the threads schedstat run time (ns)':<52} {fmt(per_minute(idle, 'run_s')):>14} "
          f"{fmt(per_minute(peer_idle, 'run_s')):>14}")
    print(f"  {'  context switches over the idle period':<52} {idle.get('context_switches', '—'):>14} "
          f"{peer_idle.get('context_switches', '—'):>14}")
    print(f"  target < 0.1 s CPU per minute: {verdict(per_minute(idle, 'cpu_s') / 1000, 0.1)} "
          f"(over {idle.get('seconds', '?')} s)")
    accounts = get("get_accounts")
    if accounts:
        print(f"  GET /api/accounts/{{id}} (one account) with 10,000 accounts: {fmt(accounts.get('time'))} "
              f"(HTTP {accounts.get('status')})")

    if "profile" in r:
        print()
        print(f"Profiles (perf): {get('profile').get('dir')}")
    print()


if __name__ == "__main__":
    main()
