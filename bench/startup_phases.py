"""Where the Werkbank's start-up time goes, phase by phase, next to the empty three-tab window.

Each run is a fresh process that walks the same steps as drugspreventie_app.ui.app.run_gui
(and bench/empty_window_tabs.py for the floor), timing each step; the median per phase over
several runs is printed. Used for BENCHMARKS.md ("waar de rest heen gaat").
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

APP_STEPS = """
import json, os, sys, time
marks = [("proces tot eerste regel Python", float(os.environ["BENCH_T0"]))]
def mark(name):
    marks.append((name, time.time()))
mark("proces tot eerste regel Python")
from drugspreventie_app.cli.main import build_parser
from drugspreventie_app.ui import app as gui
args = build_parser(with_commands=False).parse_args(["--data-dir", sys.argv[1]])
mark("opdrachtregel ontleden")
gui._import_plain_python_first()
mark("eigen modules zonder Qt importeren")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
mark("PySide6 importeren")
from drugspreventie_app.cli.common import apply_data_dir
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.ui.main_window import MainWindow
mark("venstermodules importeren")
apply_data_dir(args)
qapp = QApplication(sys.argv[:1])
mark("QApplication maken")
qapp.setWindowIcon(gui.program_icon())
kept = gui.install_dutch_translations(qapp)
mark("pictogram en vertalingen")
db = open_database(allow_read_only=True)
mark("database openen")
window = MainWindow(db)
mark("hoofdvenster en eerste tabblad bouwen")
window.show()
window.report_startup_notices()
QTimer.singleShot(0, window.close)
qapp.exec()
mark("tonen tot de gebeurtenislus stil is")
db.close()
print(json.dumps(marks))
"""

FLOOR_STEPS = """
import json, os, sys, time
marks = [("proces tot eerste regel Python", float(os.environ["BENCH_T0"]))]
def mark(name):
    marks.append((name, time.time()))
mark("proces tot eerste regel Python")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
mark("PySide6 importeren")
qapp = QApplication(sys.argv[:1])
mark("QApplication maken")
window = QMainWindow()
tabs = QTabWidget()
for name in ("Een", "Twee", "Drie"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
mark("hoofdvenster en eerste tabblad bouwen")
window.show()
QTimer.singleShot(0, window.close)
qapp.exec()
mark("tonen tot de gebeurtenislus stil is")
print(json.dumps(marks))
"""


def _phases(code: str, data: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BENCH_T0": repr(time.time())}
    out = subprocess.run(
        [sys.executable, "-c", code, data], capture_output=True, text=True, cwd=ROOT, env=env,
        check=True,
    ).stdout  # fmt: skip
    marks = json.loads(out.splitlines()[-1])
    return {name: (t - marks[i][1]) * 1000 for i, (name, t) in enumerate(marks[1:])}


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        _phases(APP_STEPS, data), _phases(FLOOR_STEPS, data)  # warm the file cache
        app_runs, floor_runs = [], []
        for _ in range(RUNS):
            app_runs.append(_phases(APP_STEPS, data))
            floor_runs.append(_phases(FLOOR_STEPS, data))
    print(f"{'fase (mediaan ms, n=' + str(RUNS) + ')':<44} {'Werkbank':>9} {'leeg venster':>13}")
    app_total = floor_total = 0.0
    for name in app_runs[0]:
        app_ms = statistics.median(r[name] for r in app_runs)
        floor_ms = statistics.median(r[name] for r in floor_runs) if name in floor_runs[0] else 0
        app_total += app_ms
        floor_total += floor_ms
        print(f"{name:<44} {app_ms:9.1f} {floor_ms:13.1f}")
    print(f"{'som':<44} {app_total:9.1f} {floor_total:13.1f}", flush=True)


if __name__ == "__main__":
    main()
