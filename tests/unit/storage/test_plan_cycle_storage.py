"""Measurements and action statuses live in the plan: they are saved, versioned and exported
with it."""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.content.example_plan import fresh_example_plan
from drugspreventie_app.domain.plan.model import duplicate_for_next_period
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.plan_files import export_plan, import_plan
from drugspreventie_app.storage.plan_repository import PlanRepository


def test_cycle_survives_save_reopen_version_and_plan_file(db, tmp_path: Path) -> None:
    repo = PlanRepository(db)
    plan = repo.save(fresh_example_plan())
    repo.save_snapshot(plan, "Na de meting van 2027")
    db.close()
    reopened = open_database()
    try:
        repo = PlanRepository(reopened)
        back = repo.get(plan.id)
        assert back is not None and back.doelen == plan.doelen and back.acties == plan.acties
        assert sum(len(s.metingen) for s in back.all_subdoelen()) == 12
        version = repo.snapshots(plan.id)[0]
        assert version.plan().all_subdoelen()[0].metingen == plan.all_subdoelen()[0].metingen
        target = tmp_path / "plan.json"
        export_plan(back, target)
        imported = import_plan(repo, target)
        assert imported.id != back.id
        assert imported.acties[0].voortgang == back.acties[0].voortgang
    finally:
        reopened.close()


def test_next_period_starts_its_own_cycle() -> None:
    plan = fresh_example_plan()
    copy = duplicate_for_next_period(plan)
    assert all(s.metingen == [] for s in copy.all_subdoelen())
    assert all(a.voortgang == [] for a in copy.acties)
    assert sum(len(s.metingen) for s in plan.all_subdoelen()) == 12  # the original keeps them
