#!/usr/bin/env python3
"""The floor: libyaml alone (PyYAML's CSafeLoader, no APScheduler) reading the same account and
pipeline files the peer reads.

usage: floor.py OUT_DIR [--events]

Default: yaml.load(f, Loader=yaml.CSafeLoader) per file, i.e. the YAML share of peer.py.
--events: only libyaml's scanner and parser (yaml.parse with CSafeLoader: events, no nodes, no Python
objects built by PyYAML's constructor), the lowest this is from Python.
"""
import os
import sys

import yaml


def main() -> None:
    root = sys.argv[1]
    events_only = "--events" in sys.argv[2:]
    count = 0
    for sub in ("pipelines", "accounts.d"):
        folder = os.path.join(root, sub)
        for name in sorted(os.listdir(folder)):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                with open(os.path.join(folder, name)) as f:
                    if events_only:
                        for _ in yaml.parse(f, Loader=yaml.CSafeLoader):
                            pass
                    else:
                        yaml.load(f, Loader=yaml.CSafeLoader)
                count += 1
    print(f"{count} documents {'scanned' if events_only else 'loaded'}")


if __name__ == "__main__":
    main()
