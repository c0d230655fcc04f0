"""A lock on the data folder so that two running copies never both write.

The operating system holds the lock (flock on POSIX, a byte-range lock on Windows) and drops it
when the process dies, so a crash can never leave a lock that blocks the next start. The lock
file also records who held it; finding a record while the lock is free means the previous
holder crashed, which we report as a stale lock that was cleared.

Deleting the lock file must not let a second writer in. On POSIX a deleted file's lock stays
with the deleted file, so the data folder itself is locked too (flock works on a directory);
the lock file is recreated when it has gone. On Windows an open file cannot be deleted, so the
lock file cannot go while the lock is held.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: float


class DataLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._dir_fd: int | None = None
        self.stale_holder: LockHolder | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Try once, without waiting. True when this process now holds the lock."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        dir_fd = _lock_folder(self.path.parent)
        if dir_fd is False:
            return False
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            _release_folder(dir_fd)
            raise
        if not _try_lock(fd):
            os.close(fd)
            _release_folder(dir_fd)
            return False
        self._fd = fd
        self._dir_fd = dir_fd
        previous = _read_holder(fd)
        self.stale_holder = previous if previous and previous.pid != os.getpid() else None
        _write_holder(fd, LockHolder(os.getpid(), _host_name(), time.time()))
        return True

    def ensure(self) -> None:
        """Before a write: put the lock file back if someone deleted it, so the next program
        finds a record of who holds the folder (the folder lock kept others out meanwhile)."""
        if self._fd is None or sys.platform == "win32":
            return
        try:
            same = os.path.samestat(os.fstat(self._fd), os.stat(self.path))
        except OSError:
            same = False
        if same:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return
        old, self._fd = self._fd, fd
        _unlock(old)
        os.close(old)
        _write_holder(fd, LockHolder(os.getpid(), _host_name(), time.time()))

    def holder(self) -> LockHolder | None:
        """Who holds (or last held) the lock, as recorded in the file."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return None
        try:
            return _read_holder(fd)
        finally:
            os.close(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Empty the record (but keep the file: deleting it would let two processes lock two
        # different files of the same name) so the next start does not report a crash.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 1)
        _unlock(fd)
        os.close(fd)
        if self._dir_fd is not None:
            _release_folder(self._dir_fd)
            self._dir_fd = None


def _lock_folder(folder: Path) -> int | bool | None:
    """The folder's own lock: an fd, None where folders cannot be locked, False when held."""
    if sys.platform == "win32":
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    if not _try_lock(fd):
        os.close(fd)
        return False
    return fd


def _release_folder(fd: int | None) -> None:
    if fd is None:
        return
    _unlock(fd)
    os.close(fd)


# The record starts at byte 1: on Windows byte 0 carries the (mandatory) lock.
_RECORD_OFFSET = 1


def _read_holder(fd: int) -> LockHolder | None:
    try:
        os.lseek(fd, _RECORD_OFFSET, os.SEEK_SET)
        raw = os.read(fd, 4096)
        data = json.loads(raw.decode("utf-8")) if raw.strip() else None
        if not data:
            return None
        return LockHolder(int(data["pid"]), str(data["host"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_holder(fd: int, holder: LockHolder) -> None:
    record = json.dumps({"pid": holder.pid, "host": holder.host, "since": holder.since})
    os.ftruncate(fd, _RECORD_OFFSET)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, b" " + record.encode("utf-8"))
    with contextlib.suppress(OSError):
        os.fsync(fd)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


def _host_name() -> str:
    # os.uname avoids importing socket at start-up; Windows has no uname but sets the name
    uname = getattr(os, "uname", None)
    return uname().nodename if uname else os.environ.get("COMPUTERNAME", "onbekend")
