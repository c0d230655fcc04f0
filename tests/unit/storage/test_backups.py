from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from drugspreventie_app.storage.atomic import atomic_write_text
from drugspreventie_app.storage.backups import (
    KEEP_DAYS,
    KEEP_RECENT,
    keep_backup,
    list_backups,
    prune_backups,
)


def test_keeps_ten_recent_and_one_per_day_for_two_weeks(tmp_path: Path) -> None:
    # the app never changes a file in place (backups may be hard links), so neither does this
    db = tmp_path / "werkbank.json"
    folder = tmp_path / "backups"
    now = datetime(2026, 11, 22, 12, 0)
    # three backups a day for 20 days, plus 15 today
    for day in range(20, 0, -1):
        for hour in (9, 12, 15):
            atomic_write_text(db, f"dag {day} uur {hour}")
            keep_backup(db, folder, now - timedelta(days=day) + timedelta(hours=hour - 12))
    for minute in range(15):
        atomic_write_text(db, f"vandaag {minute}")
        keep_backup(db, folder, now - timedelta(minutes=60 - minute))
    prune_backups(folder, "werkbank", now)
    kept = list_backups(folder, "werkbank")
    whens = [when for when, _ in kept]
    # the ten newest survive
    assert all(f"vandaag {m}" in [p.read_text() for _, p in kept] for m in range(5, 15))
    # one per day for the older days within the window, none older than it
    older_days = {w.date() for w in whens if w.date() < now.date()}
    assert older_days == {(now - timedelta(days=d)).date() for d in range(1, KEEP_DAYS)}
    assert len(kept) == KEEP_RECENT + (KEEP_DAYS - 1)
    # the newest of each old day is the one kept
    for when, path in kept:
        if when.date() < now.date():
            assert path.read_text().endswith("uur 15")


def test_backup_is_a_snapshot_even_when_hard_linked(tmp_path: Path) -> None:
    db = tmp_path / "werkbank.json"
    atomic_write_text(db, "versie 1")
    backup = keep_backup(db, tmp_path / "backups")
    atomic_write_text(db, "versie 2")  # replaces the file, never changes it in place
    assert backup.read_text() == "versie 1"
    assert db.read_text() == "versie 2"
