"""The window and every dialog on a 1366x768 laptop screen at 100% and 150% scaling.

QT_SCALE_FACTOR only counts before Qt starts, so each scale runs tests/helpers/fit_probe.py
in its own process, on the offscreen platform with a simulated 1366x768 screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from drugspreventie_app.storage.ui_state_repository import UiStateRepository
from drugspreventie_app.ui.main_window import MainWindow

PROBE = Path(__file__).resolve().parents[1] / "helpers" / "fit_probe.py"
LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}


def run_probe(tmp_path: Path, scale: str) -> dict:
    screen = tmp_path / "scherm.json"
    screen.write_text(json.dumps({"screens": [LAPTOP]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "DRUGSPREVENTIE_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE)], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_window_and_dialogs_fit_a_1366x768_laptop(tmp_path: Path, scale: str) -> None:
    result = run_probe(tmp_path, scale)
    # three tabs (three side tabs in Interventies, nine plan sections and the progress view)
    # and eight dialogs
    assert len(result["checked"]) == 1 + 3 + 9 + 1 + 8, result["checked"]
    assert result["problems"] == [], "\n".join(result["problems"])


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_first_window_fits_the_available_screen(qtbot, db) -> None:
    window = _window(qtbot, db)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    assert window.width() <= available.width() and window.height() <= available.height()


def test_remembered_geometry_larger_than_the_screen_is_not_restored(qtbot, db) -> None:
    big = _window(qtbot, db)
    available = big.screen().availableGeometry()
    # what a window on a big office monitor saves
    big.setGeometry(QRect(100, 100, available.width() + 600, available.height() + 400))
    saved = bytes(big.saveGeometry().toBase64()).decode("ascii")
    big.close()
    UiStateRepository(db).set("geometrie", saved)
    again = _window(qtbot, db)
    assert available.contains(again.frameGeometry())


def test_remembered_geometry_that_fits_is_restored(qtbot, db) -> None:
    window = _window(qtbot, db)
    window.setGeometry(QRect(40, 50, 600, 420))
    window.close()
    again = _window(qtbot, db)
    assert (again.width(), again.height()) == (600, 420)
    assert abs(again.x() - 40) <= 2 and abs(again.y() - 50) <= 2  # frame rounding
