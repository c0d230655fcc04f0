from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from drugspreventie_app.storage import atomic
from drugspreventie_app.storage.atomic import atomic_write_bytes, atomic_write_text
from drugspreventie_app.storage.errors import WriteFailedError


def test_writes_new_and_replaces_existing(tmp_path: Path) -> None:
    target = tmp_path / "map" / "bestand.json"
    atomic_write_text(target, "eerste ë")
    atomic_write_text(target, "tweede €")
    assert target.read_text(encoding="utf-8") == "tweede €"
    assert [p.name for p in target.parent.iterdir()] == ["bestand.json"]


@pytest.mark.parametrize(
    ("err", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
        (PermissionError(errno.EACCES, "Permission denied"), "alleen-lezen"),
        (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
    ],
)
def test_failed_write_keeps_old_file_and_explains_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: OSError, expected: str
) -> None:
    target = tmp_path / "bestand.json"
    atomic_write_text(target, "oud")

    def broken_fsync(fd: int) -> None:
        raise err

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(WriteFailedError) as info:
        atomic_write_text(target, "nieuw")
    assert expected in str(info.value)
    assert "niet verloren" in str(info.value)
    assert target.read_text() == "oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand.json"], "temp file left"


def test_failed_replace_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "bestand.json"
    atomic_write_text(target, "oud")

    def broken_replace(src: str, dst: object) -> None:
        raise PermissionError(errno.EACCES, "in gebruik")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(WriteFailedError):
        atomic_write_bytes(target, b"nieuw")
    assert target.read_text() == "oud"
    assert len(os.listdir(tmp_path)) == 1


def test_windows_permission_error_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "bestand.json"
    real_replace = os.replace
    attempts = []

    def flaky_replace(src: str, dst: object) -> None:
        attempts.append(1)
        if len(attempts) < 3:
            raise PermissionError(errno.EACCES, "virusscanner houdt het bestand vast")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.sys, "platform", "win32")
    monkeypatch.setattr(atomic, "_REPLACE_PAUSE_S", 0)
    monkeypatch.setattr(atomic.os, "replace", flaky_replace)
    atomic_write_bytes(target, b"inhoud")
    assert target.read_bytes() == b"inhoud"
    assert len(attempts) == 3
