"""Backups are ordered by the generation counter in the database, never by the clock."""

from __future__ import annotations

import os
import time
from pathlib import Path

from drugspreventie_app.storage.backups import (
    KEEP_DAYS,
    KEEP_RECENT,
    list_backups,
    prune_backups,
    write_backup,
)
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.recovery import load_or_recover

DAY = 24 * 3600


def _backup(folder: Path, generation: int, mtime: float) -> Path:
    path = write_backup(folder, "werkbank", generation, f'{{"g":{generation}}}'.encode())
    os.utime(path, (mtime, mtime))
    return path


def test_keeps_ten_newest_and_the_newest_of_each_of_fourteen_days(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    now = time.time()
    generation = 0
    newest_of_day: dict[int, int] = {}
    for day in range(20, 0, -1):  # three a day for 20 days
        for hour in (9, 12, 15):
            generation += 1
            _backup(folder, generation, now - day * DAY + (hour - 12) * 3600)
            newest_of_day[day] = generation
    for minute in range(15):  # and 15 today
        generation += 1
        _backup(folder, generation, now - (60 - minute) * 60)
    prune_backups(folder, "werkbank")
    kept = [b.generation for b in list_backups(folder, "werkbank")]
    assert kept[:KEEP_RECENT] == list(range(generation, generation - KEEP_RECENT, -1))
    older = kept[KEEP_RECENT:]
    assert older == [newest_of_day[d] for d in range(1, KEEP_DAYS)]


def test_a_clock_set_back_neither_prunes_new_backups_nor_restores_an_older_state(
    data_dir: Path,
) -> None:
    db = open_database()
    table = db.table("notities")
    for n in range(5):
        table.insert({"id": f"n{n}", "n": n})
    db.close()
    folder = data_dir / "backups"
    # everything so far was written "tomorrow": the clock has since been set back a day
    for backup in list_backups(folder, "werkbank"):
        os.utime(backup.path, (time.time() + DAY, time.time() + DAY))
    db = open_database()
    table = db.table("notities")
    for n in range(5, 30):
        table.insert({"id": f"n{n}", "n": n})
    db.close()
    backups = list_backups(folder, "werkbank")
    newest = backups[0]
    assert newest.generation == max(b.generation for b in backups)
    # the newest backup holds the last write, although its clock time is the oldest
    assert b'"n29"' in newest.path.read_bytes()
    (data_dir / "werkbank.json").write_bytes(b"{kapot")  # damaged in place
    loaded = load_or_recover(data_dir / "werkbank.json", folder)
    assert loaded.recovery is not None and loaded.recovery.restored_from == newest.path
    assert {d["n"] for d in loaded.tables["notities"].values()} == set(range(30))


def test_backup_is_a_copy_so_damage_in_place_does_not_reach_it(data_dir: Path) -> None:
    db = open_database()
    db.table("notities").insert({"id": "a", "tekst": "bewaard"})
    db.close()
    (data_dir / "werkbank.json").write_bytes(b"\x00" * 100)  # the same inode, overwritten
    newest = list_backups(data_dir / "backups", "werkbank")[0]
    assert b"bewaard" in newest.path.read_bytes()


def test_pinned_backups_are_never_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    pinned = folder / "voor-herstel-20261201120000-werkbank-g000000003.json"
    folder.mkdir()
    pinned.write_bytes(b"{}")
    for generation in range(4, 60):
        _backup(folder, generation, time.time())
        prune_backups(folder, "werkbank")
    assert pinned.exists()
    assert any(b.pinned for b in list_backups(folder, "werkbank"))
