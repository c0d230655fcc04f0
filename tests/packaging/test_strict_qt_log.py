"""The test settings turn a Qt warning into a failed test, except the offscreen platform's own
messages (pyproject.toml: qt_log_level_fail and qt_log_ignore)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SAMPLE = """
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QMainWindow


def test_our_warning(qtbot):
    qWarning("QObject::connect: een signaal dat niet bestaat")


def test_offscreen_noise_only(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.setMinimumSize(300, 200)  # offscreen cannot pass this on, and says so
"""


def _run_sample(tmp_path: Path, *options: str) -> str:
    """Run SAMPLE under this project's pytest settings; returns pytest's output."""
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    config = ["-c", str(REPO / "pyproject.toml"), "--rootdir", str(tmp_path)]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *config,
            "-p",
            "no:cacheprovider",
            "-q",
            *options,
            "test_sample.py",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    return result.stdout


def test_a_qt_warning_fails_and_offscreen_noise_does_not(tmp_path: Path) -> None:
    output = _run_sample(tmp_path)
    assert "FAILED test_sample.py::test_our_warning" in output, output
    assert "1 failed, 1 passed" in output, output


def test_the_offscreen_sample_really_emits_the_ignored_message(tmp_path: Path) -> None:
    """Without the ignore list the second sample fails too: the list is what lets it pass."""
    output = _run_sample(tmp_path, "-o", "qt_log_ignore=")
    assert "propagateSizeHints" in output, output
    assert "2 failed" in output, output
