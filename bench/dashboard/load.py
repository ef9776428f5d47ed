#!/usr/bin/env python3
"""Time GET requests against a running daemon on 127.0.0.1 (one keep-alive connection, sequential).

usage: load.py PORT N PATH... — prints one line per path: first (cold) request, then p50/p99 of the next N,
and the body size. Latency is measured at the client on loopback: server time plus a few tenths of a ms.
"""
import http.client
import sys
import time


def main():
    port, count, paths = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for path in paths:
        timings, size = [], 0
        for index in range(count + 1):
            began = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            timings.append((time.perf_counter() - began) * 1000)
            if response.status != 200:
                sys.exit(f"{path}: HTTP {response.status}: {body[:200]!r}")
            size = len(body)
        cold, rest = timings[0], sorted(timings[1:])
        p50 = rest[len(rest) // 2]
        p99 = rest[min(len(rest) - 1, int(len(rest) * 0.99))]
        print(f"{path:<42} first {cold:8.1f} ms   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   {size:>8} bytes")


if __name__ == "__main__":
    main()
