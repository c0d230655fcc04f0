"""Storage errors carry a Dutch message that the ui and cli show as they are."""

from __future__ import annotations

import errno


class StorageError(Exception):
    """Base class; `str(err)` is a complete Dutch sentence for the user."""


class WriteFailedError(StorageError):
    """Writing failed; the file on disk is unchanged and the data is still in memory."""


class ReadOnlyError(StorageError):
    """The data is open read-only (another copy of the app holds the lock)."""


class NewerSchemaError(StorageError):
    """The database was written by a newer version of the app."""


class LockedError(StorageError):
    """Another running copy of the app holds the data folder."""


def describe_os_error(err: OSError, path: object) -> str:
    """A Dutch explanation of why writing `path` failed, for people, not developers."""
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        reason = "de schijf is vol"
    elif err.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(err, PermissionError):
        reason = "de map is alleen-lezen of u heeft geen schrijfrechten"
    elif err.errno == errno.ENOENT:
        reason = "de map bestaat niet (meer)"
    else:
        reason = err.strerror or str(err)
    return (
        f"Opslaan is mislukt omdat {reason} ({path}). Uw wijzigingen zijn niet verloren: "
        "ze staan nog in het programma. Maak ruimte of kies een andere map en probeer het opnieuw."
    )
