from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_cli(data_dir: Path):
    """Run `python -m drugspreventie_app ARGS` in a subprocess against the test data dir."""

    def _run(*args: str, timeout: float = 60, extra_env: dict[str, str] | None = None):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})}
        return subprocess.run(
            [sys.executable, "-m", "drugspreventie_app", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=timeout,
        )

    return _run
