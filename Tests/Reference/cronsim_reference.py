#!/usr/bin/env python3
"""Reference fire times from cronsim, for the differential test of Showrunner's cron engine.

Reads JSON lines on stdin, each {"expr": "...", "tz": "America/New_York", "from": <unix seconds>, "count": 5},
and writes one JSON line per input line to stdout, in order: {"fires": [unix seconds, ...]} (fewer than
`count` when cronsim finds no further fire within its 50-year horizon) or {"error": "..."}.

Everything runs in one process so that thousands of cases take a few seconds.
Used by Tests/ShowrunnerCoreTests/CronDifferentialTests.swift; run scripts/install-deps.sh to get cronsim.
"""

import json
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from cronsim import CronSim, CronSimError

_zones: dict[str, ZoneInfo] = {}


def zone(name: str) -> ZoneInfo:
    if name not in _zones:
        _zones[name] = ZoneInfo(name)
    return _zones[name]


def fires(case: dict) -> dict:
    # fromtimestamp with a ZoneInfo sets `fold` correctly for repeated wall times.
    start = datetime.fromtimestamp(int(case["from"]), tz=zone(case["tz"]))
    try:
        it = CronSim(case["expr"], start)
    except CronSimError as error:
        return {"error": f"CronSimError: {error}"}
    result = []
    for _ in range(int(case.get("count", 5))):
        try:
            fire = next(it)
        except StopIteration:  # no match within cronsim's 50-year horizon
            break
        result.append(int(fire.timestamp()))
    return {"fires": result}


def main() -> None:
    out = []
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            out.append(fires(json.loads(line)))
        except Exception as error:  # report per case; never lose the line alignment
            out.append({"error": f"{type(error).__name__}: {error}"})
    sys.stdout.write("".join(json.dumps(item) + "\n" for item in out))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
