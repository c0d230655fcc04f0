"""Where the user's own data lives.

One function decides: `--data-dir` (set through `set_data_dir_override`), then the environment
variable, then the platform's user data folder. Tests point this at a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from drugspreventie_app import APP_NAME

DATA_DIR_ENV = "DRUGSPREVENTIE_DATA_DIR"
DATABASE_NAME = "werkbank.json"

_override: Path | None = None


def set_data_dir_override(path: str | os.PathLike[str] | None) -> None:
    global _override
    _override = Path(path).expanduser() if path else None


def data_dir_override() -> Path | None:
    """The folder set by `--data-dir`, if any (so it can be restored after a temporary one)."""
    return _override


def user_data_dir() -> Path:
    if _override is not None:
        return _override
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only needed when no override is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def database_path() -> Path:
    return user_data_dir() / DATABASE_NAME


def backups_dir() -> Path:
    return user_data_dir() / "backups"
