"""Detect a damaged database at start-up and restore the newest readable backup.

Nothing is thrown away: the damaged file is moved aside with a timestamp in its name and the
report tells the user where it is.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from drugspreventie_app.storage.atomic import atomic_write_bytes
from drugspreventie_app.storage.backups import list_backups
from drugspreventie_app.storage.json_storage import DamagedFileError, Tables, read_database_file


@dataclass(frozen=True)
class RecoveryReport:
    reason: str
    damaged_copy: Path
    restored_from: Path | None
    restored_when: datetime | None

    def message(self) -> str:
        text = (
            f"Het gegevensbestand kon niet worden gelezen ({self.reason}). "
            f"Het beschadigde bestand is bewaard als:\n{self.damaged_copy}\n\n"
        )
        if self.restored_from is not None and self.restored_when is not None:
            text += (
                "De meest recente leesbare reservekopie is teruggezet, van "
                f"{self.restored_when:%d-%m-%Y %H:%M:%S}. Wijzigingen van na dat moment "
                "ontbreken; controleer uw laatste werk."
            )
        else:
            text += (
                "Er was geen leesbare reservekopie. De Werkbank begint met lege gegevens; "
                "het beschadigde bestand blijft bewaard voor herstel door een specialist."
            )
        return text


def damage_reason(path: Path) -> str | None:
    """Why `path` cannot be used as the database, or None when it is fine or absent."""
    if not path.exists():
        return None
    try:
        read_database_file(path)
    except DamagedFileError as err:
        return str(err)
    except OSError as err:
        return f"het bestand kan niet worden geopend: {err.strerror}"
    return None


def load_or_recover(path: Path, backups_dir: Path) -> tuple[Tables | None, RecoveryReport | None]:
    """Parse the database once; when it is damaged, recover first and parse what was restored.
    Returns (tables or None when there is no file, report or None)."""
    if not path.exists():
        return None, None
    try:
        return read_database_file(path), None
    except (DamagedFileError, OSError):
        pass
    report = recover_if_damaged(path, backups_dir)
    return (read_database_file(path) if path.exists() else None), report


def recover_if_damaged(path: Path, backups_dir: Path) -> RecoveryReport | None:
    reason = damage_reason(path)
    if reason is None:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    damaged_copy = path.with_name(f"{path.stem}.beschadigd-{stamp}{path.suffix}")
    n = 1
    while damaged_copy.exists():
        damaged_copy = path.with_name(f"{path.stem}.beschadigd-{stamp}-{n}{path.suffix}")
        n += 1
    os.replace(path, damaged_copy)
    for when, backup in list_backups(backups_dir, path.stem):
        try:
            read_database_file(backup)
        except (DamagedFileError, OSError):
            continue
        # Copy, not rename: the backup stays a backup.
        atomic_write_bytes(path, backup.read_bytes())
        return RecoveryReport(reason, damaged_copy, backup, when)
    return RecoveryReport(reason, damaged_copy, None, None)


def copy_for_migration(path: Path, backups_dir: Path, version: int) -> Path:
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = backups_dir / f"voor-migratie-v{version}-{datetime.now():%Y%m%d-%H%M%S}.json"
    shutil.copy2(path, target)
    return target
