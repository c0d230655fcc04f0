"""A TinyDB storage that writes through the atomic-write helper and keeps backups.

TinyDB's own `JSONStorage` rewrites the file in place, so a crash mid-write leaves half a file;
`CachingMiddleware` holds writes in memory and loses them on a crash. This storage writes every
change straight to disk, atomically, before TinyDB's call returns.

It keeps the last written data in memory so reads do not parse the file again; the app holds
the data-folder lock, so nobody else writes the file behind its back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from drugspreventie_app.storage.atomic import atomic_write_bytes
from drugspreventie_app.storage.backups import keep_backup, prune_backups
from drugspreventie_app.storage.errors import ReadOnlyError, StorageError

Tables = dict[str, dict[str, Any]]


class DamagedFileError(StorageError):
    """The database file cannot be read as a TinyDB database."""


def parse_database(raw: bytes) -> Tables:
    """Parse and check the shape of a database file; raise `DamagedFileError` with a reason."""
    if not raw.strip():
        raise DamagedFileError("het bestand is leeg")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DamagedFileError("het bestand is geen geldige UTF-8-tekst") from err
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as err:
        raise DamagedFileError(f"het bestand is geen geldige JSON (regel {err.lineno})") from err
    if not isinstance(data, dict):
        raise DamagedFileError("het bestand heeft niet de vorm van een Werkbank-database")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(
            isinstance(doc, dict) and str(key).isdigit() for key, doc in table.items()
        ):
            raise DamagedFileError(f"de tabel '{name}' heeft een onverwachte vorm")
    return data


def read_database_file(path: Path) -> Tables:
    return parse_database(Path(path).read_bytes())


class AtomicJSONStorage(Storage):
    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        backups_dir: Path | None = None,
        initial: Tables | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.backups_dir = backups_dir if backups_dir is not None else self.path.parent / "backups"
        # tables the caller already parsed from this file, so it is not parsed twice
        self._cache: Tables | None = initial

    def read(self) -> Tables | None:
        if self._cache is not None:
            return self._cache
        if not self.path.exists():
            return None
        self._cache = read_database_file(self.path)
        return self._cache

    def write(self, data: Tables) -> None:
        if self.read_only:
            self._cache = None  # TinyDB already changed the cached tables in place
            raise ReadOnlyError(
                "De gegevens zijn alleen-lezen geopend omdat de Werkbank al in een ander venster "
                "draait. Sluit dat venster en start de Werkbank opnieuw om te kunnen bewerken."
            )
        try:
            payload = orjson.dumps(data)  # compact UTF-8, the same JSON json.dumps gives
        except orjson.JSONEncodeError:
            # orjson refuses lone surrogates; the standard library escapes them instead
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
                "utf-8", "surrogatepass"
            )
        try:
            atomic_write_bytes(
                self.path,
                payload,
                before_replace=lambda old: keep_backup(old, self.backups_dir),
            )
        except StorageError:
            # TinyDB mutated the cached tables before calling write; forget them so the next
            # read shows what is really on disk.
            self._cache = None
            raise
        self._cache = data
        prune_backups(self.backups_dir, self.path.stem)

    def close(self) -> None:
        self._cache = None
