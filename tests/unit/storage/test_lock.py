from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.errors import LockedError, ReadOnlyError

REPO = Path(__file__).resolve().parents[3]


def _start_holder(data_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "helpers" / "lock_holder.py"), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "vergrendeld"
    return proc


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_second_process_opens_read_only_and_stale_lock_is_cleared(data_dir: Path) -> None:
    holder = _start_holder(data_dir)
    try:
        second = open_database()
        try:
            assert second.read_only
            assert "Alleen-lezen" in (second.read_only_notice or "")
            with pytest.raises(ReadOnlyError):
                second.table("notities").insert({"id": "x"})
        finally:
            second.close()
        with pytest.raises(LockedError, match=f"proces {holder.pid}"):
            open_database(allow_read_only=False)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=10)  # also closes the pipes

    # the crashed holder's lock is gone with it, and the next start notices and says so
    third = open_database()
    try:
        assert not third.read_only
        assert third.stale_lock is not None and third.stale_lock.pid == holder.pid
        third.table("notities").insert({"id": "na-crash"})
    finally:
        third.close()


def test_clean_release_is_not_reported_as_stale(data_dir: Path) -> None:
    holder = _start_holder(data_dir)
    assert holder.stdin is not None and holder.stdout is not None
    out, _ = holder.communicate("\n", timeout=10)
    assert out.strip() == "vrijgegeven"
    db = open_database()
    try:
        assert not db.read_only and db.stale_lock is None
    finally:
        db.close()
