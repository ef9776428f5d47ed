#!/usr/bin/env python3
"""Is the daemon healthy the moment it says it is ready? (The READY=1 / 503 race of 2026-12-07.)

    python3 bench/daemon/ready_probe.py BIN CONFIG N [--port P]

N times: copies CONFIG (with its store, if any) to a temporary folder, starts `BIN run`, reads the start-up line
(printed when systemd gets READY=1), sends 20 `GET /healthz` one after another, and stops the daemon. Prints how
many starts saw a 503 after the line; a healthy build prints 0. The race shows best with many accounts
(`gen_config.py DIR daily 10000`).
"""
import argparse
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request


def probe(binary, config, port):
    """The /healthz statuses of 20 requests sent right after the start-up line."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = shutil.copytree(config, f"{scratch}/config")
        daemon = subprocess.Popen([binary, "run", "--config", copy, "--listen", f"127.0.0.1:{port}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            daemon.stdout.readline()
            codes = []
            for _ in range(20):
                try:
                    codes.append(urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).status)
                except urllib.error.HTTPError as error:
                    codes.append(error.code)
            return codes
        finally:
            daemon.terminate()
            daemon.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("config")
    parser.add_argument("starts", type=int)
    parser.add_argument("--port", type=int, default=18877)
    args = parser.parse_args()
    unhealthy = 0
    for start in range(args.starts):
        codes = probe(args.binary, args.config, args.port)
        print(f"start {start + 1}: {codes.count(503)} of 20 answers were 503")
        unhealthy += 503 in codes
    print(f"starts with a 503 after the start-up line: {unhealthy} of {args.starts}")


if __name__ == "__main__":
    main()
