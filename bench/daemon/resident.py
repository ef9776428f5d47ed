#!/usr/bin/env python3
"""What a started daemon holds in memory, and where in its binary (issue 17 item 2).

    python3 bench/daemon/resident.py BIN CONFIG [--port P] [--wait S]

Starts `BIN run --config CONFIG`, waits S seconds (default 5), prints VmRSS, RssAnon and RssFile from
/proc/PID/status, then the binary's resident pages by ELF section (from /proc/PID/pagemap, root only: "anon" are
pages the process wrote, such as relocated data; "file" are clean pages of the file), and stops the daemon.
Use a fresh copy of the config folder each time: the daemon writes its store there.
"""
import argparse
import os
import re
import struct
import subprocess
import time

PAGE = 4096


def sections(binary):
    """(start, size, name) of each allocated section, from readelf."""
    found = []
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if m and int(m.group(2), 16):
            found.append((int(m.group(2), 16), int(m.group(3), 16), m.group(1)))
    return found


def resident_pages(pid, binary):
    """(address relative to the load base, written) of each resident page mapped from `binary`."""
    real = os.path.realpath(binary)
    maps = []
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 6 and os.path.realpath(parts[5]) == real:
                low, high = (int(x, 16) for x in parts[0].split("-"))
                maps.append((low, high, int(parts[2], 16)))
    base = min(low - offset for low, _, offset in maps)
    pages = []
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for low, high, _ in maps:
            pagemap.seek(low // PAGE * 8)
            data = pagemap.read((high - low) // PAGE * 8)
            for i in range(0, len(data), 8):
                entry = struct.unpack("<Q", data[i:i + 8])[0]
                if entry >> 63 & 1:  # present
                    pages.append((low + i // 8 * PAGE - base, not entry >> 61 & 1))
    return pages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("config")
    parser.add_argument("--port", type=int, default=18801)
    parser.add_argument("--wait", type=float, default=5)
    args = parser.parse_args()
    daemon = subprocess.Popen([args.binary, "run", "--config", args.config, "--listen", f"127.0.0.1:{args.port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(args.wait)
        with open(f"/proc/{daemon.pid}/status") as f:
            status = dict(re.findall(r"^(VmRSS|RssAnon|RssFile):\s+(\d+) kB", f.read(), re.M))
        print(" ".join(f"{k} {int(v) * 1024 / 1e6:.1f} MB" for k, v in status.items()))  # kB there is KiB
        if os.geteuid() != 0:
            return
        table = sections(args.binary)
        totals = {}
        for address, written in resident_pages(daemon.pid, args.binary):
            name = next((n for start, size, n in table if start <= address < start + size), "?")
            key = (name, "anon" if written else "file")
            totals[key] = totals.get(key, 0) + PAGE
        for (name, kind), size in sorted(totals.items(), key=lambda item: -item[1]):
            if size >= 100_000:
                print(f"  {name:28} {kind:4} {size / 1e6:6.2f} MB")
    finally:
        daemon.terminate()
        daemon.wait()


if __name__ == "__main__":
    main()
