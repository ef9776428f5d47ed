"""Prints the peaks of the summed resident memory (KB) of process PID and all its descendants, and of the
ffmpegs among them, sampled every 50 ms until PID exits: with several ffmpegs at once, /usr/bin/time's %M (the
largest single process) is not the machine's peak. Usage: tree_rss.py PID"""
import os
import sys
import time


def children():
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            pass
    return parents


def rss_kb(pid):
    """(resident KB, whether it is an ffmpeg)"""
    try:
        with open(f"/proc/{pid}/status") as status:
            lines = status.readlines()
    except OSError:
        return 0, False
    name = lines[0].split()[1] if lines else ""
    rss = next((int(line.split()[1]) for line in lines if line.startswith("VmRSS:")), 0)
    return rss, name == "ffmpeg"


def main():
    root = int(sys.argv[1])
    peak, peak_ffmpeg = 0, 0
    while os.path.exists(f"/proc/{root}"):
        tree = children()
        pending, total, ffmpeg = [root], 0, 0
        while pending:
            pid = pending.pop()
            rss, is_ffmpeg = rss_kb(pid)
            total += rss
            ffmpeg += rss if is_ffmpeg else 0
            pending += tree.get(pid, [])
        peak, peak_ffmpeg = max(peak, total), max(peak_ffmpeg, ffmpeg)
        time.sleep(0.05)
    print(peak, peak_ffmpeg)


main()
