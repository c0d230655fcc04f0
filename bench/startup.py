"""Start-up time and peak memory of the app against an empty PySide6 window.

Both run as fresh processes, offscreen, from process start until the window is shown and
the event loop idle (the app's --exit-when-ready). Peak memory is the child's max RSS.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import line

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def _run(args: list[str]) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args} eindigde met een fout")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        app = [sys.executable, "-m", "drugspreventie_app", "--data-dir", data, "--exit-when-ready"]
        floor = [sys.executable, str(ROOT / "bench" / "empty_window.py")]
        tabs = [sys.executable, str(ROOT / "bench" / "empty_window_tabs.py")]
        _run(app), _run(floor), _run(tabs)  # warm the file cache for all
        app_runs, floor_runs, tabs_runs = [], [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits all alike
            app_runs.append(_run(app))
            floor_runs.append(_run(floor))
            tabs_runs.append(_run(tabs))
    line("start-up: leeg PySide6-venster (vloer)", [t for t, _ in floor_runs])
    line("start-up: leeg venster met 3 tabbladen (vloer)", [t for t, _ in tabs_runs])
    line(
        "start-up: Werkbank tot venster klaar",
        [t for t, _ in app_runs],
        [t for t, _ in floor_runs],
        "doel: verhouding <= 1.5",
    )
    line(
        "start-up: Werkbank tegen 3 tabbladen",
        [t for t, _ in app_runs],
        [t for t, _ in tabs_runs],
        "zelfde vloer als de bevroren meting",
    )
    app_mem = sorted(m for _, m in app_runs)
    floor_mem = sorted(m for _, m in floor_runs)
    mid = len(app_mem) // 2
    print(
        f"{'piekgeheugen start-up (MiB)':<46} Werkbank {app_mem[mid]:.0f} MiB, leeg venster "
        f"{floor_mem[mid]:.0f} MiB  verhouding {app_mem[mid] / floor_mem[mid]:.2f}  "
        "[doel: verhouding <= 1.5]",
        flush=True,
    )


if __name__ == "__main__":
    main()
