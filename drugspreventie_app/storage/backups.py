"""Rotating backups of the database, kept in `backups/` beside it and ordered by a counter.

Every write of the database also writes the same bytes as `werkbank-g<generation>.json`, where
the generation is a counter kept inside the database (`_meta`). So the newest backup always
equals the last acknowledged write, and recovery from a damaged file loses nothing. The copy
is a file of its own, not a hard link: damage to the database file in place must not reach
its backup.

Order is by the counter, never by the clock: a clock set back (summer time, a corrected
clock) can neither make new backups look old nor prune them. Pruning keeps the newest
`KEEP_RECENT`, the newest of each of the last `KEEP_DAYS` calendar days on which backups were
written (counted by days seen, not back from today), and every pinned backup: those taken
before a migration or a recovery, which are never pruned.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from drugspreventie_app.storage.atomic import replace_durably

KEEP_RECENT = 10
KEEP_DAYS = 14
PINNED_PREFIXES = ("voor-migratie-", "voor-herstel-")

_GENERATION = re.compile(r"^(?P<stem>.+)-g(?P<gen>\d{9})\.json$")
# Backups written before the counter existed carry a time stamp; they count as generation 0.
_PINNED = re.compile(r"^(?:voor-migratie-(?:v\d+-)?|voor-herstel-)\d{14}-")
_LEGACY = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})(?:-\d+)?\.json$")


@dataclass(frozen=True)
class Backup:
    path: Path
    generation: int
    pinned: bool = False

    def written(self) -> datetime | None:
        """When the file was written, for display only (the clock is not trusted for order)."""
        try:
            return datetime.fromtimestamp(self.path.stat().st_mtime)
        except OSError:
            return None


def backup_name(stem: str, generation: int) -> str:
    return f"{stem}-g{generation:09d}.json"


def write_backup(folder: Path, stem: str, generation: int, payload: bytes) -> Path:
    """Write `payload` as the backup of `generation`, via a temp file so a half-written backup
    never carries a backup's name. Not fsynced on its own: the database file itself is, and
    the folder is fsynced after the database write."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(stem, generation)
    tmp = folder / f".{target.name}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(payload)
    os.replace(tmp, target)
    return target


def list_backups(folder: Path, stem: str) -> list[Backup]:
    """Backups of the database called `stem`, newest first; pinned ones (before a migration or
    recovery) are included, ordered by their generation too."""
    found: list[tuple[int, float, Backup]] = []
    if not folder.is_dir():
        return []
    for entry in folder.iterdir():
        name = entry.name
        pinned = name.startswith(PINNED_PREFIXES)
        if pinned:
            name = _PINNED.sub("", name)
        m = _GENERATION.match(name)
        if m and m.group("stem") == stem:
            found.append((int(m.group("gen")), 0.0, Backup(entry, int(m.group("gen")), pinned)))
            continue
        legacy = _LEGACY.match(name)
        if legacy and legacy.group("stem") == stem:
            # among themselves, old backups keep the order of their stamps
            stamp = float(legacy.group("stamp").replace("-", ""))
            found.append((0, stamp, Backup(entry, 0, pinned)))
    found.sort(key=lambda t: (t[0], t[1], not t[2].pinned), reverse=True)
    return [backup for _, _, backup in found]


def pin_backup(source: Path, folder: Path, prefix: str, stem: str, generation: int) -> Path:
    """A copy that pruning never removes (before a migration or a recovery)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{prefix}{datetime.now():%Y%m%d%H%M%S}-{backup_name(stem, generation)}"
    replace_durably(target, source.read_bytes())
    return target


def prune_backups(folder: Path, stem: str) -> int:
    """Remove what the retention no longer keeps; returns how many were removed."""
    backups = [b for b in list_backups(folder, stem) if not b.pinned]
    keep = {b.path for b in backups[:KEEP_RECENT]}
    if len(backups) <= KEEP_RECENT:
        return 0
    days_seen: list[date] = []
    for backup in backups:  # newest first: the first seen of each day is its newest
        written = backup.written()
        if written is None:
            continue
        day = written.date()
        if day in days_seen:
            continue
        if len(days_seen) >= KEEP_DAYS:
            break
        days_seen.append(day)
        keep.add(backup.path)
    removed = 0
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed += 1
    # no fsync: a removal lost in a power cut only brings an old backup back
    return removed


def remove_stale_backup_temps(folder: Path) -> None:
    if not folder.is_dir():
        return
    for leftover in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
