#!/usr/bin/env python3
"""Edit N account files of a config folder the way an editor saves: write a changed copy outside the folder, then
rename() it over the original (a new daily cron, 12 h from now in UTC). Used by profile.sh.

usage: edit_accounts.py CONFIG_DIR N PAUSE_SECONDS
"""
import datetime as dt
import os
import re
import sys
import time

config, count, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
folder = os.path.join(config, "accounts.d")
files = sorted(name for name in os.listdir(folder) if name.endswith(".yaml"))
scratch = os.path.join(os.path.dirname(os.path.abspath(config)), "reload-tmp")
os.makedirs(scratch, exist_ok=True)
hour = (dt.datetime.now(dt.timezone.utc).hour + 12) % 24
for index in range(count):
    name = files[(index * 97 + 13) % len(files)]
    path = os.path.join(folder, name)
    with open(path) as f:
        text = f.read()
    changed = re.sub(r'(?m)^  cron: ".*"$', f'  cron: "{(index * 7 + 3) % 60} {hour} * * *"', text, count=1)
    temporary = os.path.join(scratch, name)
    with open(temporary, "w") as f:
        f.write(changed)
    os.rename(temporary, path)
    time.sleep(pause)
