from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drugspreventie_app import paths
from drugspreventie_app.storage.backups import list_backups
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.errors import NewerSchemaError, WriteFailedError
from drugspreventie_app.storage.migrations import CURRENT_SCHEMA

TESTDATA = Path(__file__).resolve().parents[2] / "data"


def _write_history(count: int) -> None:
    db = open_database()
    try:
        for i in range(count):
            db.table("notities").insert({"id": f"n{i}", "tekst": f"notitie {i}"})
    finally:
        db.close()


def test_every_write_is_on_disk_immediately_and_backed_up(data_dir: Path) -> None:
    db = open_database()
    try:
        db.table("notities").insert({"id": "a", "tekst": "ë <b> & 😀"})
        on_disk = json.loads(paths.database_path().read_text(encoding="utf-8"))
        assert on_disk["notities"]["1"]["tekst"] == "ë <b> & 😀"
        assert list_backups(paths.backups_dir(), "werkbank")
    finally:
        db.close()


CORRUPTIONS = {
    "afgekapt": lambda raw: raw[: len(raw) // 2],
    "rommel": lambda raw: b"\x00\xff\xfe garbage \x13" * 20,
    "leeg": lambda raw: b"",
    "verkeerde vorm: lijst": lambda raw: b"[1, 2, 3]",
    "verkeerde vorm: tabel is tekst": lambda raw: b'{"notities": "tekst"}',
    "verkeerde vorm: record is getal": lambda raw: b'{"notities": {"1": 5}}',
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_damaged_database_is_set_aside_and_restored_from_backup(data_dir: Path, kind: str):
    _write_history(5)
    path = paths.database_path()
    path.write_bytes(CORRUPTIONS[kind](path.read_bytes()))

    db = open_database()
    try:
        report = db.recovery
        assert report is not None
        assert report.damaged_copy.exists()
        assert "beschadigd" in report.damaged_copy.name
        assert report.restored_from is not None
        message = report.message()
        assert str(report.damaged_copy) in message and "reservekopie" in message
        # the newest backup is the last acknowledged write: nothing is lost
        ids = sorted(doc["id"] for doc in db.table("notities").all())
        assert ids == ["n0", "n1", "n2", "n3", "n4"]
    finally:
        db.close()


def test_damaged_database_without_backup_starts_empty_and_keeps_the_file(data_dir: Path):
    data_dir.mkdir(parents=True)
    paths.database_path().write_text("{kapot")
    db = open_database()
    try:
        assert db.recovery is not None and db.recovery.restored_from is None
        assert db.recovery.damaged_copy.read_text() == "{kapot"
        assert "geen leesbare reservekopie" in db.recovery.message()
    finally:
        db.close()


def test_unreadable_backups_are_skipped(data_dir: Path) -> None:
    _write_history(4)
    newest = list_backups(paths.backups_dir(), "werkbank")[0].path
    newest.unlink()
    newest.write_text("ook kapot")
    paths.database_path().write_text("kapot")
    db = open_database()
    try:
        assert db.recovery is not None
        assert db.recovery.restored_from != newest
        assert sorted(d["id"] for d in db.table("notities").all()) == ["n0", "n1", "n2"]
    finally:
        db.close()


def test_pre_versioned_database_is_migrated_with_a_backup_first(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    shutil.copy(TESTDATA / "werkbank-v0.json", paths.database_path())
    db = open_database()
    try:
        assert db.migrated_from == 0
        meta = db.table("_meta").get(doc_id=1)
        assert meta["schema_versie"] == CURRENT_SCHEMA
        assert db.table("instellingen").all()[0]["organisatie"] == "GGD Oude Data"
    finally:
        db.close()
    copies = list(paths.backups_dir().glob("voor-migratie-v0-*.json"))
    assert len(copies) == 1
    assert copies[0].read_bytes() == (TESTDATA / "werkbank-v0.json").read_bytes()


def test_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    raw = json.dumps({"_meta": {"1": {"schema_versie": CURRENT_SCHEMA + 1}}}).encode()
    paths.database_path().write_bytes(raw)
    with pytest.raises(NewerSchemaError) as info:
        open_database()
    assert "nieuwere versie" in str(info.value)
    assert paths.database_path().read_bytes() == raw
    # the lock was released: a later open (after an upgrade) is not blocked
    paths.database_path().unlink()
    open_database().close()


def test_failed_write_keeps_file_intact_and_can_be_retried(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drugspreventie_app.storage import atomic

    db = open_database()
    try:
        table = db.table("notities")
        table.insert({"id": "a", "tekst": "bewaard"})
        before = paths.database_path().read_bytes()
        real_fsync = atomic.os.fsync

        def full_disk(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fsync", full_disk)
        with pytest.raises(WriteFailedError, match="schijf is vol"):
            table.insert({"id": "b", "tekst": "nieuw"})
        assert paths.database_path().read_bytes() == before
        assert [d["id"] for d in table.all()] == ["a"]  # memory matches disk again
        # no backup claims a write that did not happen
        assert b'"b"' not in list_backups(paths.backups_dir(), "werkbank")[0].path.read_bytes()

        monkeypatch.setattr(atomic.os, "fsync", real_fsync)
        table.insert({"id": "b", "tekst": "nieuw"})
        assert sorted(d["id"] for d in table.all()) == ["a", "b"]
    finally:
        db.close()
