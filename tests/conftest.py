"""Shared fixtures: no test sees the real user folder or waits on a modal dialog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from drugspreventie_app import paths

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty user data folder."""
    folder = tmp_path / "gebruikersdata"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    paths.set_data_dir_override(None)
    yield folder
    paths.set_data_dir_override(None)


@pytest.fixture
def db(data_dir: Path):
    from drugspreventie_app.storage.database import open_database

    database = open_database()
    yield database
    database.close()
