#!/usr/bin/env python3
"""Write the 1,000 cron expressions of the next-fire benchmark: one `EXPRESSION<TAB>ZONE` per line.

usage: gen_expressions.py OUT_FILE [COUNT]

5- and 6-field expressions (6 = leading seconds), lists, ranges, steps, month and day names, L, LW,
nL, x#k, cronie's either-day rule, macros, fixed times inside DST gaps and overlaps; zones with DST
(northern and southern, 30-minute shifts, midnight changes, a skipped day) and without.
Stdlib only; deterministic.
"""
import random
import sys

ZONES = [
    "America/New_York", "America/Los_Angeles", "America/Chicago", "America/Sao_Paulo", "America/Santiago",
    "America/Havana", "America/St_Johns", "Europe/London", "Europe/Berlin", "Europe/Kyiv", "Europe/Dublin",
    "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Apia",
    "Asia/Tehran", "Africa/Cairo", "Atlantic/Azores", "UTC", "Asia/Tokyo", "Asia/Seoul", "Asia/Kathmandu",
    "Asia/Shanghai", "Africa/Johannesburg",
]
DOW = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MACROS = ["@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually"]


def five(r: random.Random) -> str:
    m, h = r.randrange(60), r.randrange(24)
    k = r.randrange(24)
    if k == 0: return f"{m} {h} * * *"
    if k == 1: return f"{m} {h} * * {r.choice(['MON-FRI', '1-5', 'mon-fri'])}"
    if k == 2: return f"{m} {','.join(map(str, sorted(r.sample(range(24), r.randint(2, 5)))))} * * *"
    if k == 3: return f"*/{r.choice([1, 2, 5, 7, 10, 15, 30])} * * * *"
    if k == 4: return f"*/{r.choice([5, 10, 15, 20])} {r.randint(6, 10)}-{r.randint(16, 22)} * * 1-5"
    if k == 5: return f"{m} */{r.choice([2, 3, 4, 6, 8])} * * *"
    if k == 6: return f"{m} {h} * * {','.join(sorted(r.sample(DOW, r.randint(1, 3)), key=DOW.index))}"
    if k == 7: return f"{m} {h} {r.randint(1, 28)} * *"
    if k == 8: return f"{m} {h} 1 {','.join(sorted(r.sample(MON, r.randint(1, 4)), key=MON.index))} *"
    if k == 9: return f"{m} {h} L * *"
    if k == 10: return f"{m} {h} LW * *"
    if k == 11: return f"{m} {h} * * {r.randint(0, 6)}L"
    if k == 12: return f"{m} {h} * * {r.choice(DOW + [str(i) for i in range(7)])}#{r.randint(1, 4)}"
    if k == 13: return f"{m} {h} {r.randint(1, 28)} * {r.choice(DOW)}"  # cronie: the day or the weekday
    if k == 14: return f"{m} {h} */2 * {r.choice(DOW)}"  # cronie: odd days that are that weekday
    if k == 15: return f"{r.choice([0, 15, 30, 45])} {r.choice([1, 2, 3])} * * *"  # in DST gaps/overlaps
    if k == 16: return f"{m} {r.choice([1, 2])} * * {r.choice(['SUN', '0', '7'])}"  # DST changes on Sundays
    if k == 17: return f"{m} {h} {r.randint(1, 28)} {r.choice(MON)} *"  # once a year
    if k == 18: return f"{r.randint(0, 20)}-{r.randint(40, 59)}/{r.choice([5, 10, 20])} {h} * * *"
    if k == 19: return f"{m} {h}-{min(23, h + r.randint(1, 8))}/2 * * *"
    if k == 20: return f"{m} {h} * {r.choice(MON)}-DEC {r.choice(['MON', 'WED', 'FRI'])}"
    if k == 21: return f"{m} * * * *"
    if k == 22: return f"{m} {h} 29 2 *"  # leap days only
    return f"{m} {h} {r.randint(1, 15)}-{r.randint(16, 31)} * *"


def six(r: random.Random) -> str:
    s, m, h = r.randrange(60), r.randrange(60), r.randrange(24)
    k = r.randrange(8)
    if k == 0: return f"*/{r.choice([1, 5, 10, 15, 30])} * * * * *"
    if k == 1: return f"{s} {m} {h} * * *"
    if k == 2: return f"{s} */{r.choice([5, 15])} * * * *"
    if k == 3: return f"0 {m} {h} * * {r.choice(['MON-FRI', 'SAT,SUN'])}"
    if k == 4: return f"{s} {m} {h} L * *"
    if k == 5: return f"{s} {m} {h} * * {r.choice(DOW)}#{r.randint(1, 4)}"
    if k == 6: return f"0 {r.choice([0, 30])} {r.choice([1, 2])} * * *"  # in DST gaps/overlaps
    return f"{s} {m} */{r.choice([2, 3, 6])} * * *"


def main() -> None:
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    r = random.Random(7)
    lines = []
    for _ in range(count):
        roll = r.random()
        expr = r.choice(MACROS) if roll < 0.05 else six(r) if roll < 0.25 else five(r)
        lines.append(f"{expr}\t{r.choice(ZONES)}\n")
    with open(out, "w") as f:
        f.writelines(lines)


if __name__ == "__main__":
    main()
