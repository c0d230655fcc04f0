"""Start-up of the built program against a frozen empty three-tab PySide6 window.

Both are PyInstaller one-folder builds with the same exclusions (bench/frozen_floor.spec uses
tools/release/bundle_rules.py, like build.spec), started as fresh processes, interleaved, from
process start until the window is shown and the event loop idle. The built program's bundle
has no offscreen platform plugin, so on a headless Linux machine both run under Xvfb.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import line

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""
APP = ROOT / "dist" / "Drugspreventie Werkbank" / f"Drugspreventie Werkbank{EXE}"
FLOOR_DIR = ROOT / "build-bench"
FLOOR = FLOOR_DIR / "dist" / "leeg-venster" / f"leeg-venster{EXE}"
FLOOR_INPUTS = (
    ROOT / "bench" / "frozen_floor.spec",
    ROOT / "bench" / "empty_window_tabs.py",
    ROOT / "tools" / "release" / "bundle_rules.py",
)
RUNS = 7
DISPLAY = ":116"


def _floor_is_current() -> bool:
    if not FLOOR.exists():
        return False
    built = FLOOR.stat().st_mtime
    return all(p.stat().st_mtime < built for p in FLOOR_INPUTS) and APP.stat().st_mtime < built


def _build_floor() -> None:
    print("start-up bevroren: vloer wordt gebouwd (bench/frozen_floor.spec)...", flush=True)
    pyinstaller = Path(sys.executable).parent / f"pyinstaller{EXE}"
    subprocess.run(
        [str(pyinstaller), "--noconfirm", "--clean", "--log-level", "ERROR",
         "--distpath", str(FLOOR_DIR / "dist"), "--workpath", str(FLOOR_DIR / "work"),
         str(ROOT / "bench" / "frozen_floor.spec")],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args[0]} eindigde met een fout")
    return elapsed, usage.ru_maxrss / 1024


def _size(folder: Path) -> tuple[float, int]:
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return sum(f.stat().st_size for f in files) / 1e6, len(files)


def main() -> None:
    if not APP.exists():
        print("start-up bevroren: overgeslagen, er is geen gebouwde versie (make dist)")
        return
    if not _floor_is_current():
        _build_floor()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    xvfb = None
    if sys.platform.startswith("linux") and not env.get("DISPLAY"):
        if not shutil.which("Xvfb"):
            print("start-up bevroren: overgeslagen, geen beeldscherm en geen Xvfb")
            return
        xvfb = subprocess.Popen(
            ["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        env["DISPLAY"] = DISPLAY
        time.sleep(1)
    try:
        with tempfile.TemporaryDirectory() as data:
            app = [str(APP), "--data-dir", data, "--exit-when-ready"]
            floor = [str(FLOOR)]
            _run(app, env), _run(floor, env)  # warm the file cache for both
            app_runs, floor_runs = [], []
            for _ in range(RUNS):
                app_runs.append(_run(app, env))
                floor_runs.append(_run(floor, env))
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()
    line("start-up bevroren: leeg venster, 3 tabbladen", [t for t, _ in floor_runs])
    line(
        "start-up bevroren: Werkbank tot venster klaar",
        [t for t, _ in app_runs],
        [t for t, _ in floor_runs],
        "doel: verhouding <= 1.5",
    )
    app_mem = sorted(m for _, m in app_runs)[RUNS // 2]
    floor_mem = sorted(m for _, m in floor_runs)[RUNS // 2]
    print(
        f"{'piekgeheugen bevroren (MiB)':<46} Werkbank {app_mem:.0f} MiB, leeg venster "
        f"{floor_mem:.0f} MiB  verhouding {app_mem / floor_mem:.2f}",
        flush=True,
    )
    app_size, app_files = _size(APP.parent)
    floor_size, floor_files = _size(FLOOR.parent)
    print(
        f"{'bundelgrootte':<46} Werkbank {app_size:.1f} MB in {app_files} bestanden, "
        f"leeg venster {floor_size:.1f} MB in {floor_files} bestanden",
        flush=True,
    )


if __name__ == "__main__":
    main()
