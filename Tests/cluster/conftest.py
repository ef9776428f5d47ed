"""Fixtures of the cluster suite: several `showrunner run` processes on one config folder and one PostgreSQL
database (the server scripts/test.sh starts; SHOWRUNNER_TEST_POSTGRES), each scenario in a database of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "chaos"))

from chaoslib import Daemon, kill_tagged  # noqa: E402

URL = os.environ.get("SHOWRUNNER_TEST_POSTGRES", "")


def psql(url: str, sql: str) -> list[list[str]]:
    """Rows of one statement, as text columns."""
    out = subprocess.run(["psql", url, "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


@dataclass
class Cluster:
    root: Path
    url: str
    binary: str
    tag: str
    config: Path
    daemons: list[Daemon] = field(default_factory=list)

    def node(self, name: str, config: Path | None = None) -> Daemon:
        """A daemon with a state folder of its own, on the shared config folder or on its own `config`."""
        state = self.root / f"state-{name}"
        state.mkdir(exist_ok=True)
        logs = self.root / "logs"
        logs.mkdir(exist_ok=True)
        d = Daemon(self.binary, config or self.config, state, logs, self.tag, name)
        self.daemons.append(d)
        return d

    def rows(self, sql: str) -> list[list[str]]:
        return psql(self.url, sql)

    def node_config(self, name: str, settings: str) -> Path:
        """A copy of the shared config folder for one node (every node loads its own), with its own
        showrunner.yaml."""
        folder = self.root / f"config-{name}"
        shutil.copytree(self.config, folder, dirs_exist_ok=True)
        (folder / "showrunner.yaml").write_text(settings)
        return folder


@pytest.fixture
def cluster(request, binary, tmp_path_factory) -> Cluster:
    if not URL:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the cluster suite: scripts/test.sh sets SHOWRUNNER_TEST_POSTGRES")
        pytest.skip("SHOWRUNNER_TEST_POSTGRES is not set (scripts/test.sh starts a PostgreSQL server)")
    database = "c_" + uuid.uuid4().hex[:12]
    psql(URL, f"CREATE DATABASE {database}")
    url = URL.replace("/postgres?", f"/{database}?")
    root = tmp_path_factory.mktemp(request.node.name.replace("test_", "")[:20])
    config = root / "config"
    (config / "accounts.d").mkdir(parents=True)
    world = Cluster(root=root, url=url, binary=binary, tag=uuid.uuid4().hex, config=config)
    yield world
    for d in world.daemons:
        if d.alive():
            d.kill9()
    kill_tagged(world.tag, root)
