"""`make bench`: every benchmark, one figure per line, with ratios against floors measured in
the same run. Figures are printed, never asserted: the machines are shared and noisy."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "startup.py",
    "startup_phases.py",
    "frozen_startup.py",
    "bench_interventions.py",
    "pdf_exports.py",
    "plan_storage.py",
    "plan_history.py",
    "progress.py",
)


def main() -> int:
    print(
        f"Machine: {platform.platform()}, {os.cpu_count()} kernen, Python "
        f"{platform.python_version()}",
        flush=True,
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    failed = 0
    for script in SCRIPTS:
        result = subprocess.run(
            [sys.executable, str(HERE / script)], env=env, stderr=subprocess.PIPE, text=True
        )
        noise = [ln for ln in result.stderr.splitlines() if "propagateSizeHints" not in ln]
        if result.returncode != 0:
            failed += 1
            print(f"FOUT in {script}:\n" + "\n".join(noise), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
