"""Where save dialogs open: the user's Documents folder the first time, then the folder last
used for that kind of file (PDF, Word, plan files, ...), remembered between sessions.

A dialog that opens in the program's own folder invites saving a handout where nobody finds
it again (or where a school laptop does not allow writing).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths

from drugspreventie_app.storage.errors import StorageError

STATE_KEY = "mappen"


class StateStore(Protocol):
    def get(self, key: str, default: object = None) -> object: ...
    def set(self, key: str, value: object) -> None: ...


_store: StateStore | None = None


def install(store: StateStore | None) -> None:
    """The main window hands over its interface-state store; None forgets it (tests)."""
    global _store
    _store = store


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def kind_of(file_filter: str, suggested: str = "") -> str:
    """A short key per kind of file: the first extension in the filter ('pdf', 'docx')."""
    start = file_filter.find("*.")
    if start >= 0:
        end = start + 2
        while end < len(file_filter) and file_filter[end].isalnum():
            end += 1
        return file_filter[start + 2 : end].lower()
    return Path(suggested).suffix.lstrip(".").lower() or "overig"


def _remembered() -> dict[str, str]:
    value = _store.get(STATE_KEY) if _store is not None else None
    return dict(value) if isinstance(value, dict) else {}


def start_folder(kind: str) -> Path:
    """The folder a dialog for this kind of file opens in."""
    folder = _remembered().get(kind)
    if folder and Path(folder).is_dir():
        return Path(folder)
    documents = documents_folder()
    return documents if documents.is_dir() else Path.home()


def initial_path(suggested: str, kind: str) -> str:
    """The suggested file name placed in the start folder (an absolute name stays as is)."""
    if not suggested:
        return str(start_folder(kind))
    if Path(suggested).is_absolute():
        return suggested
    return str(start_folder(kind) / suggested)


def remember(kind: str, chosen: str) -> None:
    """Keep the folder of a file the user chose, for the next dialog of this kind."""
    if not chosen or _store is None:
        return
    folders = _remembered()
    folders[kind] = str(Path(chosen).parent)
    # a folder preference is never worth an error message
    with contextlib.suppress(StorageError):
        _store.set(STATE_KEY, folders)
