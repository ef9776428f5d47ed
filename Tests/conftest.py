"""Fixtures shared by the pytest suites that drive the built binary (chaos, cluster)."""

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("SHOWRUNNER_BIN") or str(Path(__file__).resolve().parents[1] / ".build/debug/showrunner")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no showrunner binary at {path}: build it and set SHOWRUNNER_BIN")
    return path
