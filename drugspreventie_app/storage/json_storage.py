"""A TinyDB storage that writes through the atomic-write helper and keeps backups.

TinyDB's own `JSONStorage` rewrites the file in place, so a crash mid-write leaves half a file;
`CachingMiddleware` holds writes in memory and loses them on a crash. This storage writes every
change straight to disk, atomically, before TinyDB's call returns, and:

- encodes strictly as UTF-8 and parses the bytes back before they replace the file, so it never
  writes a file it could not read (text that cannot be encoded is cleaned by the text rule);
- counts every write in `_meta` (the generation) and keeps the same bytes as the backup of that
  generation, so recovery brings back the last acknowledged write;
- checks before every write that the file on disk is still the one it last read or wrote. If a
  second writer changed it, the two are joined record by record (`merge.py`) instead of one
  silently overwriting the other, and the user is told.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from drugspreventie_app.domain.text_policy import clean_tree
from drugspreventie_app.storage.atomic import atomic_write_bytes, fsync_dir, replace_durably
from drugspreventie_app.storage.backups import prune_backups, write_backup
from drugspreventie_app.storage.errors import (
    ReadOnlyError,
    StorageError,
    WriteFailedError,
    describe_os_error,
)

Tables = dict[str, dict[str, Any]]
META_TABLE = "_meta"
META_DOC_ID = "1"
GENERATION_KEY = "generatie"


class DamagedFileError(StorageError):
    """The database file cannot be read as a TinyDB database."""


def parse_database(raw: bytes) -> Tables:
    """Parse and check the shape of a database file; raise `DamagedFileError` with a reason."""
    if not raw.strip():
        raise DamagedFileError("het bestand is leeg")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        data = _parse_lenient(raw, err)
    if not isinstance(data, dict):
        raise DamagedFileError("het bestand heeft niet de vorm van een Werkbank-database")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(
            isinstance(doc, dict) and str(key).isdigit() for key, doc in table.items()
        ):
            raise DamagedFileError(f"de tabel '{name}' heeft een onverwachte vorm")
    return data


def _parse_lenient(raw: bytes, err: orjson.JSONDecodeError) -> Any:
    """orjson refuses an escaped lone surrogate ("\\ud800") that the standard library reads;
    such a file (written by an older version) is readable after the text rule cleans it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as decode_err:
        raise DamagedFileError("het bestand is geen geldige UTF-8-tekst") from decode_err
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise DamagedFileError(f"het bestand is geen geldige JSON (regel {err.lineno})") from err
    return clean_tree(data, limit=None)[0]


def read_database_file(path: Path) -> Tables:
    return parse_database(Path(path).read_bytes())


def generation_of(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_DOC_ID) or {}
    value = meta.get(GENERATION_KEY)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def encode_database(data: Tables) -> tuple[bytes, Tables]:
    """Strict UTF-8 JSON. Text that cannot be encoded (a lone surrogate that slipped past every
    entrance) is cleaned by the text rule rather than written as bytes nobody can read."""
    try:
        return orjson.dumps(data), data
    except orjson.JSONEncodeError:
        cleaned = clean_tree(data, limit=None)[0]
        return orjson.dumps(cleaned), cleaned


class _Background(threading.Thread):
    """Run one blocking call (an fsync releases the GIL) beside the caller's own work."""

    def __init__(self, call: Callable[[Path], None], arg: Path) -> None:
        super().__init__(daemon=True)
        self._call, self._arg = call, arg
        self.error: OSError | None = None
        self.start()

    def run(self) -> None:
        try:
            self._call(self._arg)
        except OSError as err:
            self.error = err


@dataclass(frozen=True)
class FileIdentity:
    """What tells us the file is still the one we last read or wrote."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity | None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


class AtomicJSONStorage(Storage):
    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        backups_dir: Path | None = None,
        initial: Tables | None = None,
        initial_payload: bytes | None = None,
        before_write: Callable[[], None] | None = None,
        on_notice: Callable[[str], None] | None = None,
        on_merged: Callable[[], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.backups_dir = backups_dir if backups_dir is not None else self.path.parent / "backups"
        # tables the caller already parsed from this file, so it is not parsed twice
        self._cache: Tables | None = initial
        self._last_payload: bytes | None = initial_payload
        self._identity = FileIdentity.of(self.path) if initial_payload is not None else None
        self._generation = generation_of(initial) if initial is not None else 0
        self._before_write = before_write
        self._on_notice = on_notice
        self._on_merged = on_merged

    @property
    def generation(self) -> int:
        return self._generation

    def read(self) -> Tables | None:
        if self._cache is not None:
            return self._cache
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        self._cache = parse_database(raw)
        self._last_payload = raw
        self._identity = FileIdentity.of(self.path)
        self._generation = generation_of(self._cache)
        return self._cache

    def write(self, data: Tables) -> None:
        if self.read_only:
            self._cache = None  # TinyDB already changed the cached tables in place
            raise ReadOnlyError(
                "De gegevens zijn alleen-lezen geopend; deze wijziging is niet opgeslagen."
            )
        try:
            if self._before_write is not None:
                self._before_write()
            data = self._join_changes_underneath(data)
            generation = self._generation + 1
            data.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})[GENERATION_KEY] = generation
            payload, data = encode_database(data)
            parse_database(payload)  # never put a file in place that could not be read back
            self.backups_dir.mkdir(parents=True, exist_ok=True)
            backup = write_backup(self.backups_dir, self.path.stem, generation, payload)
            # The backups folder is fsynced while the database file is: the file system then
            # commits both in one journal flush, so the backup costs almost no time.
            folder_sync = _Background(fsync_dir, self.backups_dir)
            try:
                atomic_write_bytes(self.path, payload)
            except StorageError:
                folder_sync.join()
                backup.unlink(missing_ok=True)  # no backup may claim a write that failed
                raise
            folder_sync.join()
        except OSError as err:
            self._cache = None
            raise WriteFailedError(describe_os_error(err, self.path)) from err
        except StorageError:
            # TinyDB mutated the cached tables before calling write; forget them so the next
            # read shows what is really on disk.
            self._cache = None
            raise
        self._cache = data
        self._last_payload = payload
        self._identity = FileIdentity.of(self.path)
        self._generation = generation
        with contextlib.suppress(OSError):
            prune_backups(self.backups_dir, self.path.stem)

    # -- a second writer ---------------------------------------------------------------------

    def _join_changes_underneath(self, ours: Tables) -> Tables:
        if self._last_payload is None:
            return ours  # a new database: nothing on disk that we know of
        identity = FileIdentity.of(self.path)
        if identity == self._identity:
            return ours
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._notice(
                "Het gegevensbestand was verwijderd terwijl de Werkbank openstond. Het is "
                "opnieuw geschreven met alles wat in het programma stond."
            )
            return ours
        if raw == self._last_payload:
            self._identity = identity
            return ours
        try:
            theirs = parse_database(raw)
        except DamagedFileError as err:
            kept = self._keep_conflict_copy(raw, "beschadigd")
            self._notice(
                f"Het gegevensbestand was buiten de Werkbank om veranderd en is onleesbaar "
                f"({err}). Uw gegevens zijn opnieuw opgeslagen; het onleesbare bestand is "
                f"bewaard als {kept}."
            )
            return ours
        from drugspreventie_app.storage.merge import merge_tables  # rare: not at start-up

        base = parse_database(self._last_payload)
        result = merge_tables(base, ours, theirs)
        self._generation = max(self._generation, generation_of(theirs))
        ours.clear()
        ours.update(result.tables)  # TinyDB holds this dict; change it, do not replace it
        if self._on_merged is not None:
            self._on_merged()
        text = (
            "Het gegevensbestand is intussen door een ander programma gewijzigd (bijvoorbeeld "
            "een tweede Werkbank of de opdrachtregel). Beide wijzigingen zijn bewaard"
        )
        if result.conflicts:
            conflict = {name: {} for name, _ in result.conflicts}
            for n, (name, doc) in enumerate(result.conflicts, start=1):
                conflict[name][str(n)] = doc
            kept = self._keep_conflict_copy(orjson.dumps(conflict), "conflict")
            n = len(result.conflicts)
            what = "1 onderdeel was" if n == 1 else f"{n} onderdelen waren"
            text += (
                f"; {what} aan beide kanten gewijzigd. Hier staat uw versie; de andere versie "
                f"is bewaard als {kept}."
            )
        else:
            text += "."
        self._notice(text)
        return ours

    def _keep_conflict_copy(self, payload: bytes, kind: str) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.path.with_name(f"{self.path.stem}.{kind}-{stamp}{self.path.suffix}")
        replace_durably(target, payload)
        return target

    def _notice(self, text: str) -> None:
        if self._on_notice is not None:
            self._on_notice(text)

    def close(self) -> None:
        self._cache = None


def write_tables(path: Path, tables: Tables, backups_dir: Path) -> bytes:
    """Write whole tables outside TinyDB (creation, migration, records set aside) the way
    every write goes: next generation, strict and verified, with its backup. Returns the
    bytes now on disk; raises `WriteFailedError`."""
    generation = generation_of(tables) + 1
    tables.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})[GENERATION_KEY] = generation
    payload, _ = encode_database(tables)
    parse_database(payload)
    try:
        write_backup(backups_dir, path.stem, generation, payload)
        atomic_write_bytes(path, payload)
        fsync_dir(backups_dir)
    except OSError as err:
        raise WriteFailedError(describe_os_error(err, path)) from err
    return payload
