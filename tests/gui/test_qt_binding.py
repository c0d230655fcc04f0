"""The Qt binding itself must not corrupt Python: PySide6 6.12.0 under Python 3.11 lost a
reference to None on every call of a C++ method returning nothing, and the app aborted with
'deallocating None' after about 60 reloads of the plan pages."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.update()
        label.setText("x")
    # Python itself may hold a few more or fewer references meanwhile; 2000 lost is the bug.
    assert abs(sys.getrefcount(None) - before) < 100
