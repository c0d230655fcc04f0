"""Rotating backups of the database, kept in `backups/` beside it.

Each write keeps the previous version: a hard link to the old file (instant, no copy; the app
never changes a file in place, so the linked content never changes), or a copy where links are
not supported. Pruning keeps the newest `KEEP_RECENT` plus the newest of each of the last
`KEEP_DAYS` days.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

KEEP_RECENT = 10
KEEP_DAYS = 14

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})(?:-(?P<n>\d+))?\.json$")


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S-%f")


def keep_backup(current: Path, folder: Path, now: datetime | None = None) -> Path:
    """Preserve `current` (about to be replaced) as the newest backup."""
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{current.stem}-{_stamp(now or datetime.now())}"
    target = folder / f"{base}.json"
    n = 1
    while target.exists():
        target = folder / f"{base}-{n}.json"
        n += 1
    try:
        os.link(current, target)
    except OSError:
        shutil.copy2(current, target)
    return target


def list_backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    """Backups of the database called `stem`, newest first."""
    found: list[tuple[datetime, int, Path]] = []
    if not folder.is_dir():
        return []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if not m or m.group("stem") != stem:
            continue
        try:
            when = datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append((when, int(m.group("n") or 0), entry))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(when, path) for when, _, path in found]


def prune_backups(folder: Path, stem: str, now: datetime | None = None) -> None:
    backups = list_backups(folder, stem)
    keep = {path for _, path in backups[:KEEP_RECENT]}
    today = (now or datetime.now()).date()
    seen_days: set = set()
    for when, path in backups:  # newest first: the first seen of each day is its newest
        day = when.date()
        if day in seen_days or today - day >= timedelta(days=KEEP_DAYS):
            continue
        seen_days.add(day)
        keep.add(path)
    for _, path in backups:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
