"""Open the user database: lock, recover, migrate, set bad records aside, hand out tables.

The ui and cli never touch TinyDB themselves; they use the repositories in this package, which
take a `Database`. Versions of plans live in their own store beside the database
(`plan_history.py`), so the file every edit rewrites stays small.

The database opens read-only, with a Dutch reason, when another Werkbank holds the folder,
when the folder or medium is read-only, or when a recovery could not be written; everything
that only reads (viewing, handouts, exports to another folder) then still works.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Table

from drugspreventie_app import paths
from drugspreventie_app.storage.backups import remove_stale_backup_temps
from drugspreventie_app.storage.errors import LockedError, NewerSchemaError, StorageError
from drugspreventie_app.storage.json_storage import (
    GENERATION_KEY,
    AtomicJSONStorage,
    DamagedFileError,
    Tables,
    generation_of,
    write_tables,
)
from drugspreventie_app.storage.lock import DataLock, LockHolder
from drugspreventie_app.storage.migrations import (
    CURRENT_SCHEMA,
    META_DOC_ID,
    META_TABLE,
    migrate,
    schema_version,
)
from drugspreventie_app.storage.plan_history import PlanHistory, history_root
from drugspreventie_app.storage.record_check import set_bad_records_aside
from drugspreventie_app.storage.recovery import RecoveryReport, copy_for_migration, load_or_recover

LOCK_NAME = "werkbank.lock"

OTHER_WINDOW = (
    "Alleen-lezen: de Werkbank is al geopend in een ander venster of door een ander "
    "programma. U kunt kijken, afdrukken en exporteren, maar niet opslaan."
)
READ_ONLY_FOLDER = (
    "Alleen-lezen: de gegevensmap {folder} is alleen-lezen (bijvoorbeeld een beveiligde map "
    "of een schijf zonder schrijfrechten). U kunt kijken, afdrukken en exporteren naar een "
    "andere map, maar niet opslaan."
)
RESTORE_NOT_WRITTEN = (
    "Alleen-lezen: de reservekopie kon niet worden teruggezet. U kunt kijken, afdrukken en "
    "exporteren, maar niet opslaan tot het herstel is gelukt."
)


@dataclass
class NoticeBoard:
    """What storage has to tell the user after start-up (a second writer, records set aside).
    The window listens; the command line prints what is left when it ends."""

    pending: list[str] = field(default_factory=list)
    listener: Callable[[str], None] | None = None

    def post(self, text: str) -> None:
        if self.listener is not None:
            self.listener(text)
        else:
            self.pending.append(text)

    def listen(self, listener: Callable[[str], None] | None) -> None:
        self.listener = listener
        if listener is not None:
            waiting, self.pending = self.pending, []
            for text in waiting:
                listener(text)


@dataclass
class Database:
    path: Path
    tinydb: TinyDB
    read_only: bool
    lock: DataLock | None
    history: PlanHistory
    recovery: RecoveryReport | None = None
    stale_lock: LockHolder | None = None
    migrated_from: int | None = None
    read_only_reason: str | None = None
    notices: NoticeBoard = field(default_factory=NoticeBoard)
    _closed: bool = field(default=False, repr=False)

    def table(self, name: str) -> Table:
        return self.tinydb.table(name)

    @property
    def read_only_notice(self) -> str | None:
        return self.read_only_reason if self.read_only else None

    def forget_table_caches(self) -> None:
        """After storage joined a second writer's changes: TinyDB tables cache query results
        and their next document number, both of which may now be wrong."""
        for table in self.tinydb._tables.values():  # TinyDB has no public API for this
            table.clear_cache()
            table._next_id = None

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.tinydb.close()
        if self.lock is not None:
            self.lock.release()


def _is_read_only_error(err: OSError) -> bool:
    return err.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or isinstance(err, PermissionError)


def _take_lock(folder: Path) -> tuple[DataLock | None, str | None]:
    """The lock, or None with the Dutch reason why the data opens read-only."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        if not folder.is_dir():
            raise StorageError(
                f"De gegevensmap {folder} bestaat niet en kan niet worden gemaakt "
                f"({err.strerror}). Kies een andere map met --data-dir."
            ) from err
    if not os.access(folder, os.W_OK):
        return None, READ_ONLY_FOLDER.format(folder=folder)
    lock = DataLock(folder / LOCK_NAME)
    try:
        if lock.acquire():
            return lock, None
    except OSError as err:
        if _is_read_only_error(err):
            return None, READ_ONLY_FOLDER.format(folder=folder)
        raise StorageError(
            f"De gegevensmap {folder} kan niet worden vergrendeld ({err.strerror})."
        ) from err
    return None, OTHER_WINDOW


def open_database(
    path: Path | None = None, *, allow_read_only: bool = True, backups_dir: Path | None = None
) -> Database:
    """Open (creating if needed) the database; see the module docstring."""
    path = Path(path) if path is not None else paths.database_path()
    backups_dir = backups_dir if backups_dir is not None else path.parent / "backups"
    lock, reason = _take_lock(path.parent)
    if lock is None and not allow_read_only:
        if reason == OTHER_WINDOW:
            holder = DataLock(path.parent / LOCK_NAME).holder()
            who = f" (proces {holder.pid} op {holder.host})" if holder else ""
            raise LockedError(
                f"De gegevensmap {path.parent} is in gebruik door een andere Werkbank{who}. "
                "Sluit die eerst en probeer het opnieuw."
            )
        raise LockedError(f"{reason.removeprefix('Alleen-lezen: ')} Er is niets gewijzigd.")
    notices = NoticeBoard()
    history = PlanHistory(history_root(path), read_only=lock is None)
    try:
        if lock is not None:
            tables, payload, recovery, migrated_from = _load_for_writing(
                path, backups_dir, history, notices
            )
            if recovery is not None and recovery.write_error is not None:
                lock.release()
                lock, reason = None, RESTORE_NOT_WRITTEN
                history.read_only = True
        else:
            tables, payload, recovery = _load_read_only(path, backups_dir, notices)
            migrated_from = None
        holder: list[Database] = []
        storage_db = TinyDB(
            path,
            storage=AtomicJSONStorage,
            read_only=lock is None,
            backups_dir=backups_dir,
            initial=tables,
            initial_payload=payload,
            before_write=lock.ensure if lock is not None else None,
            on_notice=notices.post,
            on_merged=lambda: holder[0].forget_table_caches(),
        )
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    db = Database(
        path=path,
        tinydb=storage_db,
        read_only=lock is None,
        lock=lock,
        history=history,
        recovery=recovery,
        stale_lock=lock.stale_holder if lock is not None else None,
        migrated_from=migrated_from,
        read_only_reason=reason,
        notices=notices,
    )
    holder.append(db)
    return db


def _load_for_writing(
    path: Path, backups_dir: Path, history: PlanHistory, notices: NoticeBoard
) -> tuple[Tables, bytes | None, RecoveryReport | None, int | None]:
    _remove_stale_temp_files(path)
    remove_stale_backup_temps(backups_dir)
    loaded = load_or_recover(path, backups_dir)
    if loaded.restore_failed:
        tables = loaded.tables or _new_tables()
        _refuse_newer(path, tables)
        return migrate(tables), None, loaded.recovery, None
    tables, payload, migrated_from = _migrate_file(
        path, backups_dir, loaded.tables, loaded.payload, history
    )
    tables, set_aside = set_bad_records_aside(tables)
    if set_aside:
        payload = write_tables(path, tables, backups_dir)
        notices.post(set_aside.message())
    return tables, payload, loaded.recovery, migrated_from


def _load_read_only(
    path: Path, backups_dir: Path, notices: NoticeBoard
) -> tuple[Tables, bytes | None, RecoveryReport | None]:
    try:
        loaded = load_or_recover(path, backups_dir, write=False)
    except DamagedFileError as err:
        raise StorageError(str(err)) from err
    tables = loaded.tables or _new_tables()
    _refuse_newer(path, tables)
    tables, set_aside = set_bad_records_aside(migrate(tables))
    if set_aside:
        notices.post(set_aside.message(read_only=True))
    return tables, loaded.payload, loaded.recovery


def _new_tables() -> Tables:
    return {META_TABLE: {META_DOC_ID: {"schema_versie": CURRENT_SCHEMA, GENERATION_KEY: 0}}}


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a process killed mid-write; we hold the lock, so none is in use."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _refuse_newer(path: Path, tables: Tables) -> None:
    version = schema_version(tables)
    if version > CURRENT_SCHEMA:
        raise NewerSchemaError(
            f"Deze gegevens ({path}) zijn gemaakt met een nieuwere versie van de Werkbank "
            f"(gegevensversie {version}; deze versie kent tot en met {CURRENT_SCHEMA}). "
            "Installeer de nieuwste versie; de gegevens zijn niet aangeraakt."
        )


def _migrate_file(
    path: Path,
    backups_dir: Path,
    tables: Tables | None,
    payload: bytes | None,
    history: PlanHistory,
) -> tuple[Tables, bytes | None, int | None]:
    """Bring the file to the current schema; returns the tables, the bytes now on disk and
    the old version when it changed. A copy of the old file is pinned first."""
    if tables is None:
        tables = _new_tables()
        return tables, write_tables(path, tables, backups_dir), None
    _refuse_newer(path, tables)
    version = schema_version(tables)
    if version == CURRENT_SCHEMA:
        return tables, payload, None
    from drugspreventie_app.storage.legacy_versions import move_legacy_versions  # once, ever

    copy_for_migration(path, backups_dir, version, generation_of(tables))
    move_legacy_versions(tables, history)  # before the step that drops their table
    tables = migrate(tables)
    return tables, write_tables(path, tables, backups_dir), version


__all__ = ["Database", "StorageError", "open_database"]
