"""Open the user database: lock, recover, migrate, and hand out tables.

The ui and cli never touch TinyDB themselves; they use the repositories in this package, which
take a `Database`.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Table

from drugspreventie_app import paths
from drugspreventie_app.storage.atomic import atomic_write_bytes
from drugspreventie_app.storage.errors import NewerSchemaError, StorageError
from drugspreventie_app.storage.json_storage import (
    AtomicJSONStorage,
    Tables,
    read_database_file,
)
from drugspreventie_app.storage.lock import DataLock, LockHolder
from drugspreventie_app.storage.migrations import (
    CURRENT_SCHEMA,
    META_DOC_ID,
    META_TABLE,
    migrate,
    schema_version,
)
from drugspreventie_app.storage.recovery import (
    RecoveryReport,
    copy_for_migration,
    load_or_recover,
)

LOCK_NAME = "werkbank.lock"


@dataclass
class Database:
    path: Path
    tinydb: TinyDB
    read_only: bool
    lock: DataLock | None
    recovery: RecoveryReport | None = None
    stale_lock: LockHolder | None = None
    migrated_from: int | None = None
    _closed: bool = field(default=False, repr=False)

    def table(self, name: str) -> Table:
        return self.tinydb.table(name)

    @property
    def read_only_notice(self) -> str | None:
        if not self.read_only:
            return None
        return (
            "Alleen-lezen: de Werkbank is al geopend in een ander venster of door een ander "
            "programma. U kunt kijken en afdrukken, maar niet opslaan."
        )

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.tinydb.close()
        if self.lock is not None:
            self.lock.release()


def open_database(
    path: Path | None = None, *, allow_read_only: bool = True, backups_dir: Path | None = None
) -> Database:
    """Open (creating if needed) the database; see the module docstring of each step."""
    path = Path(path) if path is not None else paths.database_path()
    backups_dir = backups_dir if backups_dir is not None else path.parent / "backups"
    path.parent.mkdir(parents=True, exist_ok=True)

    lock = DataLock(path.parent / LOCK_NAME)
    read_only = not lock.acquire()
    if read_only and not allow_read_only:
        from drugspreventie_app.storage.errors import LockedError

        holder = lock.holder()
        who = f" (proces {holder.pid} op {holder.host})" if holder else ""
        raise LockedError(
            f"De gegevensmap {path.parent} is in gebruik door een andere Werkbank{who}. "
            "Sluit die eerst en probeer het opnieuw."
        )
    try:
        tables = None
        recovery = migrated_from = None
        if not read_only:
            _remove_stale_temp_files(path)
            # one parse of the file serves recovery, migration and the storage's cache
            tables, recovery = load_or_recover(path, backups_dir)
            tables, migrated_from = _migrate_file(path, backups_dir, tables)
        elif path.exists():
            tables = read_database_file(path)  # refuse a damaged file rather than show half
        storage_db = TinyDB(
            path,
            storage=AtomicJSONStorage,
            read_only=read_only,
            backups_dir=backups_dir,
            initial=tables,
        )
    except BaseException:
        lock.release()
        raise
    db = Database(
        path=path,
        tinydb=storage_db,
        read_only=read_only,
        lock=None if read_only else lock,
        recovery=recovery,
        stale_lock=None if read_only else lock.stale_holder,
        migrated_from=migrated_from,
    )
    return db


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a process killed mid-write; we hold the lock, so none is in use."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _migrate_file(
    path: Path, backups_dir: Path, tables: Tables | None
) -> tuple[Tables, int | None]:
    """Bring the file to the current schema; returns the tables and the old version when it
    changed."""
    if tables is None:
        tables = {META_TABLE: {META_DOC_ID: {"schema_versie": CURRENT_SCHEMA}}}
        atomic_write_bytes(path, json.dumps(tables).encode("utf-8"))
        return tables, None
    version = schema_version(tables)
    if version > CURRENT_SCHEMA:
        raise NewerSchemaError(
            f"Deze gegevens ({path}) zijn gemaakt met een nieuwere versie van de Werkbank "
            f"(gegevensversie {version}; deze versie kent tot en met {CURRENT_SCHEMA}). "
            "Installeer de nieuwste versie; de gegevens zijn niet aangeraakt."
        )
    if version == CURRENT_SCHEMA:
        return tables, None
    copy_for_migration(path, backups_dir, version)
    tables = migrate(tables)
    atomic_write_bytes(path, json.dumps(tables, ensure_ascii=False).encode("utf-8"))
    return tables, version


__all__ = ["Database", "StorageError", "open_database"]
