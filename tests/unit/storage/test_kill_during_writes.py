"""Kill a writing process at random moments; every acknowledged write must survive."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.json_storage import read_database_file

REPO = Path(__file__).resolve().parents[3]
KILLS = 40
WRITES_PER_RUN = 400


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_never_loses_an_acknowledged_write(data_dir: Path) -> None:
    rng = random.Random(20261122)
    acknowledged: set[int] = set()
    next_n = 0
    total_killed_mid_run = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "tests" / "helpers" / "writer_process.py"),
                str(data_dir),
                str(next_n),
                str(WRITES_PER_RUN),
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "klaar"
        acks: list[int] = []
        reader = threading.Thread(
            target=lambda p=proc, a=acks: a.extend(
                int(line) for line in p.stdout if line.strip().isdigit()
            )
        )
        reader.start()
        time.sleep(rng.uniform(0.005, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        reader.join(10)
        proc.stdout.close()
        if proc.returncode == -signal.SIGKILL:
            total_killed_mid_run += 1
        acknowledged.update(acks)
        next_n += WRITES_PER_RUN

        # after every kill: the file is whole and holds every acknowledged record
        tables = read_database_file(data_dir / "werkbank.json")
        stored = {doc["n"] for doc in tables.get("records", {}).values()}
        missing = acknowledged - stored
        assert not missing, f"bevestigde schrijfacties verloren: {sorted(missing)[:10]}"

    print(
        f"kills: {KILLS}, mid-run: {total_killed_mid_run}, acknowledged writes: {len(acknowledged)}"
    )
    assert total_killed_mid_run >= KILLS // 2, "the kills should land while writing"
    assert len(acknowledged) >= 200, "too few writes to mean anything"
    db = open_database()
    try:
        assert db.recovery is None
        assert {d["n"] for d in db.table("records").all()} >= acknowledged
    finally:
        db.close()
    # a kill between creating and renaming a temp file leaves it behind; the next start
    # (which holds the lock, so no one else is writing) clears it away
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]
