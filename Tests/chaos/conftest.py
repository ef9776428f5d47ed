"""Fixtures of the chaos suite: the binary under attack, the seed, a scratch folder per scenario, and a teardown
that kills every process a scenario's daemons started."""

from __future__ import annotations

import os
import random
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chaoslib import FIGURES, Daemon, kill_tagged

SEED = int(os.environ.get("CHAOS_SEED") or random.SystemRandom().randrange(1, 1_000_000))


def pytest_report_header(config):
    return f"chaos seed: {SEED} (reproduce with CHAOS_SEED={SEED})"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    f = FIGURES
    terminalreporter.write_line(
        f"chaos summary: seed={SEED} rounds={f.rounds} fires={f.fires} runs={f.runs} "
        f"files_written={f.files} edits={f.edits} violations={f.violations}")
    for note in f.notes:
        terminalreporter.write_line(f"  {note}")


@dataclass
class Chaos:
    """One scenario's world: scratch folder, seeded randomness, the tag its daemons' processes inherit."""

    root: Path
    rng: random.Random
    tag: str
    binary: str
    daemons: list[Daemon] = field(default_factory=list)
    mounts: list[Path] = field(default_factory=list)
    generation: int = 0

    def daemon(self, config: Path, state: Path) -> Daemon:
        """A new daemon on `config`/`state` (not started)."""
        self.generation += 1
        logs = self.root / "logs"
        logs.mkdir(exist_ok=True)
        d = Daemon(self.binary, config, state, logs, self.tag, f"daemon-{self.generation:03d}")
        self.daemons.append(d)
        return d


@pytest.fixture
def chaos(request, binary, tmp_path_factory) -> Chaos:
    name = request.node.name
    rng = random.Random(f"{SEED}:{name}")
    root = tmp_path_factory.mktemp(name.replace("test_", "")[:20])
    world = Chaos(root=root, rng=rng, tag=uuid.uuid4().hex, binary=binary)
    print(f"\n[{name}] seed={SEED} folder={root}")
    yield world
    for d in world.daemons:
        if d.alive():
            d.kill9()
    kill_tagged(world.tag, root)
    for mount in world.mounts:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True)
