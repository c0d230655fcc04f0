"""Detect a damaged (or vanished) database at start-up and restore the newest good backup.

Nothing is thrown away and the folder is never left without a database:
1. the damaged file is copied aside (`werkbank.beschadigd-<tijd>.json`), not moved;
2. the newest backup by generation that parses and has a known schema is pinned as
   `voor-herstel-…` (pruning never removes it) and written over the damaged file in one
   atomic replace;
3. when that write fails (a full disk, a file held by a virus scanner) the damaged file is
   still in place, the restored data is opened read-only from memory, and the next start
   tries again. No backup is pruned until a write succeeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from drugspreventie_app.storage.atomic import replace_durably
from drugspreventie_app.storage.backups import Backup, list_backups, pin_backup
from drugspreventie_app.storage.errors import describe_os_error
from drugspreventie_app.storage.json_storage import (
    DamagedFileError,
    Tables,
    parse_database,
)
from drugspreventie_app.storage.migrations import CURRENT_SCHEMA, schema_version


@dataclass(frozen=True)
class RecoveryReport:
    reason: str
    damaged_copy: Path | None
    restored_from: Path | None
    restored_when: datetime | None
    write_error: str | None = None  # the restore could not be written: opened read-only

    def message(self) -> str:
        text = f"Het gegevensbestand kon niet worden gelezen ({self.reason}). "
        if self.damaged_copy is not None:
            text += f"Het beschadigde bestand is bewaard als:\n{self.damaged_copy}\n\n"
        if self.restored_from is None:
            return text + (
                "Er was geen leesbare reservekopie. De Werkbank begint met lege gegevens; "
                "het beschadigde bestand blijft bewaard voor herstel door een specialist."
            )
        when = f" van {self.restored_when:%d-%m-%Y %H:%M:%S}" if self.restored_when else ""
        if self.write_error is not None:
            return text + (
                f"De nieuwste leesbare reservekopie{when} is geopend, maar kon niet worden "
                f"teruggezet: {self.write_error} Daarom is alles alleen-lezen. Los dit op en "
                "start de Werkbank opnieuw; het herstel wordt dan opnieuw geprobeerd."
            )
        return text + (
            f"De nieuwste leesbare reservekopie{when} is teruggezet. Die bevat de laatste "
            "wijziging die de Werkbank heeft opgeslagen; controleer voor de zekerheid uw "
            "laatste werk."
        )


@dataclass(frozen=True)
class LoadResult:
    tables: Tables | None
    payload: bytes | None  # the bytes the tables were parsed from, as on disk
    recovery: RecoveryReport | None = None

    @property
    def restore_failed(self) -> bool:
        return self.recovery is not None and self.recovery.write_error is not None


def read_checked(path: Path) -> tuple[Tables, bytes]:
    """Parse a database or backup file and refuse one written by a newer version."""
    raw = path.read_bytes()
    tables = parse_database(raw)
    if schema_version(tables) > CURRENT_SCHEMA:
        raise DamagedFileError("gemaakt door een nieuwere versie")
    return tables, raw


def newest_good_backup(backups_dir: Path, stem: str) -> tuple[Backup, Tables, bytes] | None:
    for backup in list_backups(backups_dir, stem):
        try:
            tables, raw = read_checked(backup.path)
        except (DamagedFileError, OSError):
            continue
        return backup, tables, raw
    return None


def damage_reason(path: Path) -> str | None:
    """Why `path` cannot be used as the database, or None when it is fine or absent."""
    try:
        read_checked(path)
    except FileNotFoundError:
        return None
    except DamagedFileError as err:
        return str(err)
    except OSError as err:
        return f"het bestand kan niet worden geopend: {err.strerror}"
    return None


def load_or_recover(path: Path, backups_dir: Path, *, write: bool = True) -> LoadResult:
    """Parse the database once; when it is damaged or gone while backups exist, recover.
    With `write=False` (a read-only folder) the backup is only read, never written."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if not any(list_backups(backups_dir, path.stem)):
            return LoadResult(None, None)  # a first start
        return _recover(path, backups_dir, "het bestand ontbrak", None, write=write)
    except OSError as err:
        return _recover(
            path, backups_dir, f"het kan niet worden geopend: {err.strerror}", None, write=write
        )
    try:
        return LoadResult(parse_database(raw), raw)
    except DamagedFileError as err:
        return _recover(path, backups_dir, str(err), raw, write=write)


def _recover(
    path: Path, backups_dir: Path, reason: str, damaged: bytes | None, *, write: bool
) -> LoadResult:
    damaged_copy = None
    write_error = None
    if damaged is not None and write:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        damaged_copy = path.with_name(f"{path.stem}.beschadigd-{stamp}{path.suffix}")
        try:
            replace_durably(damaged_copy, damaged)
        except OSError as err:
            damaged_copy = None
            write_error = describe_os_error(err, path.parent)
    found = newest_good_backup(backups_dir, path.stem)
    if found is None:
        report = RecoveryReport(reason, damaged_copy, None, None, write_error=write_error)
        if damaged is not None and (write_error is not None or not write):
            # keep the damaged file where it is: starting empty would replace it
            raise DamagedFileError(report.message())
        return LoadResult(None, None, report)
    backup, tables, raw = found
    if write and write_error is None:
        try:
            pin_backup(backup.path, backups_dir, "voor-herstel-", path.stem, backup.generation)
            replace_durably(path, raw)  # atomic: the damaged file is replaced in one step
        except OSError as err:
            write_error = describe_os_error(err, path)
    elif not write:
        write_error = "de gegevensmap is alleen-lezen."
    report = RecoveryReport(
        reason,
        damaged_copy,
        backup.path,
        backup.written(),
        write_error,
    )
    return LoadResult(tables, raw, report)


def copy_for_migration(path: Path, backups_dir: Path, version: int, generation: int) -> Path:
    return pin_backup(path, backups_dir, f"voor-migratie-v{version}-", path.stem, generation)
