"""The one atomic-write helper for every file the app writes for the user.

Temp file in the same folder, flush, fsync, `os.replace`, then fsync the folder: after a crash
at any moment the target is either the old or the new file, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

from drugspreventie_app.storage.errors import WriteFailedError, describe_os_error

# A virus scanner or indexer on Windows may hold the target open for a moment.
_REPLACE_RETRIES = 10
_REPLACE_PAUSE_S = 0.05


def replace_retrying(src: str, dst: Path) -> None:
    """`os.replace`, retried for a moment on Windows where another program holds `dst`."""
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == _REPLACE_RETRIES - 1:
                raise
            time.sleep(_REPLACE_PAUSE_S)


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _shared_mode(target: Path) -> int:
    """The mode a document gets: that of the file it replaces, else what the user's umask
    gives a new file (usually 0644). mkstemp alone would leave it at 0600, owner only."""
    with contextlib.suppress(OSError):
        return target.stat().st_mode & 0o777
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return 0o666 & ~mask


def replace_durably(target: Path, payload: bytes, *, document: bool = False) -> None:
    """Temp file beside `target`, fsync, replace (retried on Windows), fsync the folder.
    Raises `OSError`; the old file is then untouched and no temp file is left behind."""
    target = Path(target)
    folder = target.parent
    tmp_name: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if document and sys.platform != "win32":
                os.fchmod(fh.fileno(), _shared_mode(target))
            os.fsync(fh.fileno())
        replace_retrying(tmp_name, target)
        tmp_name = None
        fsync_dir(folder)
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def atomic_write_bytes(target: Path, payload: bytes, *, document: bool = False) -> None:
    """Write `payload` to `target` atomically (`replace_durably`).

    `document=True` for files made to be shared (exports): they get the user's normal file
    permissions, while the database and its backups stay readable by the owner only.
    Raises `WriteFailedError` with a Dutch message; the old file is then untouched.
    """
    try:
        replace_durably(target, payload, document=document)
    except OSError as err:
        raise WriteFailedError(describe_os_error(err, target)) from err


def atomic_write_text(target: Path, text: str, *, document: bool = False) -> None:
    atomic_write_bytes(target, text.encode("utf-8"), document=document)
