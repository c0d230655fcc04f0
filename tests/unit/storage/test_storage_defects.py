"""Regression tests for the storage defects of issue 10, each reproduced first on the old code.

Where root may mount a small tmpfs (CI and developers' machines here run as root), the full
disk and the read-only medium are real; elsewhere the same tests run with injected faults.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drugspreventie_app import paths
from drugspreventie_app.domain.plan.model import Plan, new_plan
from drugspreventie_app.domain.plan.plan_file import plan_to_file_text
from drugspreventie_app.domain.text_policy import MAX_TEXT, TextChanges
from drugspreventie_app.storage import recovery as recovery_module
from drugspreventie_app.storage.backups import list_backups
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.errors import LockedError, ReadOnlyError, StorageError
from drugspreventie_app.storage.plan_files import export_plan, import_plan, read_plan_file
from drugspreventie_app.storage.plan_repository import PlanRepository
from drugspreventie_app.storage.record_check import SET_ASIDE_TABLE

REPO = Path(__file__).resolve().parents[3]


def _cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drugspreventie_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[bool]:
    """A small tmpfs at `folder` when this process may mount one; yields whether it did."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = False
    if sys.platform.startswith("linux") and os.geteuid() == 0:
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
        )
        mounted = result.returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


# -- 1. one bad character -----------------------------------------------------------------------


def _plan_file_with(tmp_path: Path, title_json: str) -> Path:
    text = plan_to_file_text(new_plan("Plan Aalten", "Aalten"))
    source = tmp_path / "collega.json"
    source.write_text(text.replace('"titel": "Plan Aalten"', f'"titel": {title_json}'), "utf-8")
    return source


def test_lone_surrogate_in_a_plan_file_survives_a_dozen_edits_and_a_restart(
    data_dir: Path, tmp_path: Path
) -> None:
    source = _plan_file_with(tmp_path, '"x\\ud800"')
    db = open_database()
    repo = PlanRepository(db)
    changes = TextChanges()
    plan = import_plan(repo, source, changes)
    assert plan.titel == "x\ufffd"
    assert "1 onleesbaar teken vervangen" in changes.message()
    for n in range(12):  # keep working, as the user did
        plan.beleidsfocus.visie = f"visie {n} 😀"
        repo.save(plan)
    db.close()
    # every file storage wrote is strict UTF-8: the database and every backup
    paths.database_path().read_bytes().decode("utf-8")
    for backup in list_backups(paths.backups_dir(), "werkbank"):
        backup.path.read_bytes().decode("utf-8")
    db = open_database()
    try:
        assert db.recovery is None
        again = PlanRepository(db).get(plan.id)
        assert again is not None and again.titel == "x\ufffd"
        assert again.beleidsfocus.visie == "visie 11 😀"
        # its plan file and PDF export work and the plan file reads back
        export_plan(again, tmp_path / "uit.json")
        assert read_plan_file(tmp_path / "uit.json").titel == "x\ufffd"
        from drugspreventie_app.export.handout import HandoutContext
        from drugspreventie_app.export.plan_document import write_plan
        from drugspreventie_app.storage.profile_access import profile_and_logo

        profile, logo = profile_and_logo(db)
        ctx = HandoutContext(profile=profile, logo=logo)
        write_plan(tmp_path / "plan.pdf", again, ctx, {}, [])
        assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    finally:
        db.close()


def test_storage_never_writes_bytes_it_cannot_read_back(data_dir: Path) -> None:
    db = open_database()
    repo = PlanRepository(db)
    plan = Plan(titel="langs elke controle heen \udc80")  # as if an entrance forgot the rule
    repo.save(plan)
    db.close()
    paths.database_path().read_bytes().decode("utf-8")
    db = open_database()
    try:
        assert db.recovery is None
        assert PlanRepository(db).get(plan.id).titel.endswith("\ufffd")
    finally:
        db.close()


# -- 2. a failed restore ------------------------------------------------------------------------


def _damaged_with_history(writes: int) -> bytes:
    db = open_database()
    table = db.table("notities")
    for n in range(writes):
        table.insert({"id": f"n{n}", "tekst": "x" * 2000})
    db.close()
    damaged = b'{"notities": {"1": kapot'
    paths.database_path().write_bytes(damaged)
    return damaged


def _assert_restore_failed_safely(damaged: bytes, backups_before: set[Path]) -> None:
    db = open_database()
    try:
        assert db.read_only and "reservekopie" in (db.read_only_notice or "")
        assert db.recovery is not None and db.recovery.write_error is not None
        assert "schijf is vol" in db.recovery.message()
        # the restored data is there to look at, and the folder still holds a database
        assert len(db.table("notities").all()) == 8
        with pytest.raises(ReadOnlyError):
            db.table("notities").insert({"id": "nieuw"})
    finally:
        db.close()
    assert paths.database_path().read_bytes() == damaged
    assert {b.path for b in list_backups(paths.backups_dir(), "werkbank")} >= backups_before


def _assert_restore_succeeds_later() -> None:
    db = open_database()
    try:
        assert not db.read_only and db.recovery is not None and db.recovery.write_error is None
        table = db.table("notities")
        assert len(table.all()) == 8
        for n in range(15):  # ten writes used to prune every good backup away
            table.insert({"id": f"later{n}"})
    finally:
        db.close()
    pinned = [b for b in list_backups(paths.backups_dir(), "werkbank") if b.pinned]
    assert pinned, "the backup recovery used is kept"


def test_full_disk_during_recovery_on_a_real_small_disk(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "klein"
    with _tmpfs(folder, "2m") as mounted:
        if not mounted:
            pytest.skip("geen tmpfs: dezelfde test draait hieronder met een ingespoten fout")
        monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder / "data"))
        damaged = _damaged_with_history(8)
        backups_before = {b.path for b in list_backups(paths.backups_dir(), "werkbank")}
        filler = folder / "vulling"
        with open(filler, "wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        _assert_restore_failed_safely(damaged, backups_before)
        filler.unlink()
        _assert_restore_succeeds_later()


def test_full_disk_during_recovery_by_injected_fault(data_dir: Path, monkeypatch) -> None:
    damaged = _damaged_with_history(8)
    backups_before = {b.path for b in list_backups(paths.backups_dir(), "werkbank")}
    real = recovery_module.replace_durably

    def full(target: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recovery_module, "replace_durably", full)
    _assert_restore_failed_safely(damaged, backups_before)
    monkeypatch.setattr(recovery_module, "replace_durably", real)
    _assert_restore_succeeds_later()


# -- 3. a second writer -------------------------------------------------------------------------


def test_deleting_the_lock_file_does_not_let_a_second_writer_in(data_dir: Path) -> None:
    window = open_database()
    repo = PlanRepository(window)
    mine = new_plan("Plan van het venster", "Aalten")
    repo.save(mine)
    (data_dir / "werkbank.lock").unlink()
    result = _cli("plan", "nieuw", "--titel", "Plan van de opdrachtregel", "--gemeente", "Aalten",
                  data=data_dir)  # fmt: skip
    assert result.returncode != 0
    assert "in gebruik" in result.stderr
    mine.beleidsfocus.visie = "verder getypt"
    repo.save(mine)  # the window's lock file comes back with its next write
    assert (data_dir / "werkbank.lock").exists()
    with pytest.raises(LockedError):
        open_database(allow_read_only=False)
    window.close()


def _window_that_listens() -> tuple:
    """The database as an open window has it, with the notices it would show."""
    window = open_database()
    told: list[str] = []
    window.notices.listen(told.append)
    return window, PlanRepository(window), told


def test_a_change_underneath_is_joined_and_nothing_is_lost(data_dir: Path) -> None:
    window, repo, told = _window_that_listens()
    mine = new_plan("Plan van het venster", "Aalten")
    repo.save(mine)
    # a second writer that ignored every lock: replaces the file with a new plan added
    other = open_database(data_dir / "kopie" / "werkbank.json")
    PlanRepository(other).save(new_plan("Plan van de opdrachtregel", "Aalten"))
    tables = json.loads(paths.database_path().read_text("utf-8"))
    theirs = json.loads((data_dir / "kopie" / "werkbank.json").read_text("utf-8"))
    tables["plannen"]["9"] = theirs["plannen"]["1"]
    tables["_meta"]["1"]["generatie"] += 5
    paths.database_path().write_text(json.dumps(tables), "utf-8")
    other.close()

    mine.beleidsfocus.visie = "verder getypt"
    repo.save(mine)
    titles = sorted(p.titel for p in repo.list())
    assert titles == ["Plan van de opdrachtregel", "Plan van het venster"]
    assert repo.get(mine.id).beleidsfocus.visie == "verder getypt"
    assert told and "door een ander programma gewijzigd" in told[0]
    repo.save(new_plan("Nog een plan", "Aalten"))  # document numbers do not collide
    window.close()
    db = open_database()
    try:
        assert len(PlanRepository(db).list()) == 3
    finally:
        db.close()


def test_both_sides_changed_the_same_plan_keeps_both(data_dir: Path) -> None:
    window, repo, told = _window_that_listens()
    mine = new_plan("Plan", "Aalten")
    repo.save(mine)
    tables = json.loads(paths.database_path().read_text("utf-8"))
    tables["plannen"]["1"]["titel"] = "Door de ander gewijzigd"
    paths.database_path().write_text(json.dumps(tables), "utf-8")
    mine.titel = "In het venster gewijzigd"
    repo.save(mine)
    assert repo.get(mine.id).titel == "In het venster gewijzigd"
    (copy,) = data_dir.glob("werkbank.conflict-*.json")
    assert "Door de ander gewijzigd" in copy.read_text("utf-8")
    assert str(copy) in told[0]
    window.close()


# -- 4. a read-only folder ----------------------------------------------------------------------


def _fill_then_check_read_only(data: Path, tmp_path: Path) -> None:
    db = open_database()
    try:
        assert db.read_only and "alleen-lezen" in (db.read_only_notice or "")
        (plan,) = PlanRepository(db).list()
        assert plan.titel == "Plan op een stick"
        with pytest.raises(ReadOnlyError):
            PlanRepository(db).save(plan)
        with pytest.raises(LockedError, match="alleen-lezen"):
            open_database(allow_read_only=False)
    finally:
        db.close()


def test_a_read_only_medium_opens_read_only_and_reading_commands_work(
    tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "stick"
    with _tmpfs(folder, "8m") as mounted:
        if not mounted:
            pytest.skip("geen tmpfs: de test hieronder spuit de fout in")
        data = folder / "data"
        monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
        db = open_database()
        PlanRepository(db).save(new_plan("Plan op een stick", "Aalten"))
        db.close()
        _remount(folder, "ro")
        try:
            _fill_then_check_read_only(data, tmp_path)
            listed = _cli("plan", "lijst", data=data)
            assert listed.returncode == 0, listed.stderr
            assert "Plan op een stick" in listed.stdout and "Traceback" not in listed.stderr
            handout = _cli(
                "middelen",
                "handout",
                "3-mmc",
                "--doelgroep",
                "ouders",
                "-o",
                str(tmp_path / "h.pdf"),
                data=data,
            )
            assert handout.returncode == 0, handout.stderr
            refused = _cli("plan", "nieuw", "--titel", "x", "--gemeente", "y", data=data)
            assert refused.returncode == 1 and "alleen-lezen" in refused.stderr
            assert "Traceback" not in refused.stderr
        finally:
            _remount(folder, "rw")


def test_a_read_only_folder_by_injected_fault(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    db = open_database()
    PlanRepository(db).save(new_plan("Plan op een stick", "Aalten"))
    db.close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    _fill_then_check_read_only(data_dir, tmp_path)


# -- 6. wrong field types -----------------------------------------------------------------------

WRONG_TYPES = {
    "_meta": {"1": {"schema_versie": 1}},
    "plannen": {
        "1": {"id": "x", "titel": 5, "doelen": "abc", "periode_start": "z"},
        "2": new_plan("Goed plan", "Aalten").to_dict(),
    },
    "lokale_interventies": {"1": {"id": 7, "naam": ["lijst"]}},
}


def test_wrong_field_types_are_set_aside_and_the_good_records_open(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    paths.database_path().write_text(json.dumps(WRONG_TYPES), "utf-8")
    result = _cli("plan", "lijst", data=data_dir)
    assert result.returncode == 0, result.stderr
    assert "Goed plan" in result.stdout and "Traceback" not in result.stderr
    assert "2 onderdelen in uw gegevens konden niet worden gelezen" in result.stderr
    assert "plan.titel: verwacht tekst" in result.stderr
    db = open_database()
    try:
        assert [p.titel for p in PlanRepository(db).list()] == ["Goed plan"]
        aside = db.table(SET_ASIDE_TABLE).all()
        assert {r["tabel"] for r in aside} == {"plannen", "lokale_interventies"}
        assert any(r["record"] == WRONG_TYPES["plannen"]["1"] for r in aside)  # unchanged
    finally:
        db.close()


# -- 7. the editor's text always reads back -------------------------------------------------------


def test_a_plan_with_the_longest_allowed_text_exports_and_imports(
    data_dir: Path, tmp_path: Path
) -> None:
    plan = new_plan("Lang", "Aalten")
    plan.beleidsfocus.visie = "x" * MAX_TEXT
    export_plan(plan, tmp_path / "lang.json")
    assert read_plan_file(tmp_path / "lang.json").beleidsfocus.visie == "x" * MAX_TEXT


# -- 9. recovery brings back the last write --------------------------------------------------------


def test_recovery_brings_back_the_plan_made_just_before_the_damage(data_dir: Path) -> None:
    made = _cli("plan", "nieuw", "--titel", "Net gemaakt", "--gemeente", "Aalten", data=data_dir)
    assert made.returncode == 0, made.stderr
    paths.database_path().write_bytes(b"\x00" * 50)
    listed = _cli("plan", "lijst", data=data_dir)
    assert listed.returncode == 0
    assert "Net gemaakt" in listed.stdout
    assert "reservekopie" in listed.stderr


def test_storage_errors_are_dutch_sentences() -> None:
    assert issubclass(ReadOnlyError, StorageError)


# -- one text rule at every entrance ---------------------------------------------------------------


def test_settings_and_local_interventions_keep_to_the_text_rule(db) -> None:
    from drugspreventie_app.domain.profile import OrganisationProfile
    from drugspreventie_app.storage.local_interventions_repository import (
        LocalInterventionsRepository,
    )
    from drugspreventie_app.storage.profile_repository import ProfileRepository

    saved = ProfileRepository(db).save(OrganisationProfile(organisatie="GGD\x07 Noord\ud800"))
    assert saved.organisatie == "GGD Noord\ufffd"
    added = LocalInterventionsRepository(db).add(
        {
            "naam": "Straat\x1b werk",
            "beschrijving": "Gesprekken\x00 op straat.",
            "settings": ["gemeenschap"],
            "niveaus": ["S"],
        }
    )
    assert (added.naam, added.beschrijving) == ("Straat werk", "Gesprekken op straat.")
    paths.database_path().read_bytes().decode("utf-8")


def test_settings_with_a_wrong_type_for_the_contacts_still_open(data_dir: Path) -> None:
    from drugspreventie_app.storage.profile_repository import ProfileRepository

    data_dir.mkdir(parents=True)
    tables = {
        "_meta": {"1": {"schema_versie": 2}},
        "instellingen": {"1": {"id": "organisatieprofiel", "organisatie": 5, "hulpcontacten": 7}},
    }
    paths.database_path().write_text(json.dumps(tables), "utf-8")
    db = open_database()
    try:
        profile = ProfileRepository(db).load()
        assert profile.organisatie == "5" and profile.hulpcontacten == []
    finally:
        db.close()
