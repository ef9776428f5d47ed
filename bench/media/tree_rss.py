"""Prints the peaks of the summed resident memory (KB) of process PID and all its descendants, of the ffmpegs
among them, and of the tree's proportional set size (PSS), sampled every 50 ms until PID exits: with several
ffmpegs at once, /usr/bin/time's %M (the largest single process) is not the machine's peak. Summed RSS counts the
pages of the shared libraries (libavcodec, libx264, ...) once per process that maps them; summed PSS splits each
shared page between the processes that map it, so it is the memory the tree actually holds.
Usage: tree_rss.py PID"""
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


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def main():
    root = int(sys.argv[1])
    peak, peak_ffmpeg, peak_pss = 0, 0, 0
    while os.path.exists(f"/proc/{root}"):
        tree = children()
        pending, total, ffmpeg, pss = [root], 0, 0, 0
        while pending:
            pid = pending.pop()
            rss, is_ffmpeg = rss_kb(pid)
            total += rss
            ffmpeg += rss if is_ffmpeg else 0
            pss += pss_kb(pid)
            pending += tree.get(pid, [])
        peak, peak_ffmpeg, peak_pss = max(peak, total), max(peak_ffmpeg, ffmpeg), max(peak_pss, pss)
        time.sleep(0.05)
    print(peak, peak_ffmpeg, peak_pss)


main()
