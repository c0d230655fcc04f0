"""Plan versions in their own store: retention, order by counter, crash leftovers, migration."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from drugspreventie_app import paths
from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.storage.backups import list_backups
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.migrations import CURRENT_SCHEMA, LEGACY_VERSIONS_TABLE
from drugspreventie_app.storage.plan_history import INDEX, PlanHistory, Snapshot, retained
from drugspreventie_app.storage.plan_repository import PlanRepository

TESTDATA = Path(__file__).resolve().parents[2] / "data"
V1_FILE = TESTDATA / "werkbank-v1-met-versies.json"


def _snap(seq: int, created: datetime, automatic: bool = True) -> Snapshot:
    return Snapshot(f"v{seq}", "p", "", created.isoformat(), automatic, seq, Path(f"{seq}"))


def test_retention_daily_for_30_days_weekly_for_a_year_monthly_after() -> None:
    now = datetime(2030, 12, 31, 12, 0)
    days = 4 * 365
    versions = [_snap(n, now - timedelta(days=days - n)) for n in range(days + 1)]
    versions += [
        _snap(10_000 + n, now - timedelta(days=n * 20), automatic=False) for n in range(50)
    ]
    keep = retained(versions, now)
    kept_auto = [s for s in versions if s.automatic and s.id in keep]
    ages = sorted((now - datetime.fromisoformat(s.created)).days for s in kept_auto)
    assert [a for a in ages if a <= 30] == list(range(31))  # one a day
    weekly = [a for a in ages if 30 < a <= 365]
    assert 47 <= len(weekly) <= 53  # one a week
    monthly = [a for a in ages if a > 365]
    assert 34 <= len(monthly) <= 37  # one a month for the three years before
    assert all(s.id in keep for s in versions if not s.automatic)  # every manual one


def test_a_clock_set_back_does_not_prune_new_versions(tmp_path: Path) -> None:
    history = PlanHistory(tmp_path / "versies")
    plan = new_plan("Plan", "Aalten")
    future = datetime.now() + timedelta(days=400)
    history.take(plan, "automatisch", automatic=True, when=future)  # taken before the reset
    newest = history.take(plan, "automatisch", automatic=True, when=datetime.now())
    versions = history.versions(plan.id)
    assert versions[0].id == newest.id  # newest by counter, not by clock
    assert {s.id for s in versions} >= {newest.id}


def test_versions_are_listed_newest_first_and_load_their_plan(tmp_path: Path) -> None:
    history = PlanHistory(tmp_path / "versies")
    plan = new_plan("Plan", "Aalten")
    labels = []
    for n in range(5):
        plan.beleidsfocus.visie = f"stand {n}"
        labels.append(history.take(plan, f"Versie {n}").label)
    versions = history.versions(plan.id)
    assert [s.label for s in versions] == labels[::-1]
    assert versions[-1].plan().beleidsfocus.visie == "stand 0"


def test_a_version_file_missing_from_the_index_is_found_again(tmp_path: Path) -> None:
    history = PlanHistory(tmp_path / "versies")
    plan = new_plan("Plan", "Aalten")
    history.take(plan, "eerste")
    (folder,) = (tmp_path / "versies").iterdir()
    index = (folder / INDEX).read_bytes()
    history.take(plan, "tweede")
    (folder / INDEX).write_bytes(index)  # as if killed between the two writes
    assert [s.label for s in history.versions(plan.id)] == ["tweede", "eerste"]
    (folder / "000003-h.json.gz").write_bytes(b"\x1f\x8b half")  # cut short: never acknowledged
    assert [s.label for s in history.versions(plan.id)] == ["tweede", "eerste"]


def test_any_plan_id_makes_a_safe_folder(tmp_path: Path) -> None:
    history = PlanHistory(tmp_path / "versies")
    plan = new_plan("Plan", "Aalten")
    plan.id = "../../buiten\\de map:*?"
    history.take(plan, "versie")
    (version_file,) = (tmp_path / "versies").rglob("*.gz")
    assert version_file.parent.parent == tmp_path / "versies"
    assert history.versions(plan.id)[0].plan().id == plan.id


def test_a_save_never_touches_the_history(db) -> None:
    repo = PlanRepository(db)
    plan = new_plan("Plan", "Aalten")
    repo.save(plan)
    repo.save_snapshot(plan, "met de hand")
    before = {p: p.stat().st_mtime_ns for p in db.history.root.rglob("*")}
    for n in range(5):
        plan.beleidsfocus.visie = f"getypt {n}"
        repo.save(plan)
    assert {p: p.stat().st_mtime_ns for p in db.history.root.rglob("*")} == before
    assert LEGACY_VERSIONS_TABLE not in db.tinydb.tables()


def test_a_version_1_database_migrates_its_versions_to_the_history_store(data_dir: Path) -> None:
    # written by version 1 of the Werkbank (see tests/data/README.md)
    data_dir.mkdir(parents=True)
    shutil.copy(V1_FILE, paths.database_path())
    db = open_database()
    try:
        assert db.migrated_from == 1
        assert db.table("_meta").get(doc_id=1)["schema_versie"] == CURRENT_SCHEMA
        assert LEGACY_VERSIONS_TABLE not in db.tinydb.tables()
        repo = PlanRepository(db)
        plans = {p.titel: p for p in repo.list()}
        assert set(plans) == {
            "Preventie- en Handhavingsplan Alcohol en Drugs 2026-2029 (bijgewerkt)",
            "Drugsbeleid Aalten 2027-2030",
        }
        example = plans["Preventie- en Handhavingsplan Alcohol en Drugs 2026-2029 (bijgewerkt)"]
        labels = [s.label for s in repo.snapshots(example.id)]
        # both automatic versions were taken on the same day (2026-12-02, whatever their
        # label says), so the daily retention keeps the newest of the two
        assert labels == ["Voor de raad, oktober", "Automatisch, 2026-10-02"]
        oldest = repo.snapshots(example.id)[-1].plan()
        assert oldest.titel.endswith("(bijgewerkt)")
        aalten = plans["Drugsbeleid Aalten 2027-2030"]
        assert [s.label for s in repo.snapshots(aalten.id)] == ["Eerste opzet"]
        assert "😀" in aalten.inleiding.aanleiding_toelichting
        assert len(db.table("lokale_interventies").all()) == 1
    finally:
        db.close()
    pinned = [b for b in list_backups(paths.backups_dir(), "werkbank") if b.pinned]
    assert any(b.path.read_bytes() == V1_FILE.read_bytes() for b in pinned)
    # opening again changes nothing more
    db = open_database()
    try:
        assert db.migrated_from is None
        assert sum(len(PlanRepository(db).snapshots(p.id)) for p in PlanRepository(db).list()) == 3
    finally:
        db.close()
