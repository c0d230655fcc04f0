"""Four years of use: 5 plans, each with four years of daily automatic versions under the
retention and 50 versions taken by hand, against the same 5 plans without any history.

Printed: saving one plan edit (fsync included), opening the database and listing the plans,
and everything on disk (database, versions, backups), with the ratios the issue asks for.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import line, measure

from drugspreventie_app.content.example_plan import fresh_example_plan
from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.plan_history import Snapshot, retained
from drugspreventie_app.storage.plan_repository import PlanRepository

PLANS = 5
DAYS = 4 * 365
MANUAL = 50
SAVES = 30


def _folder_bytes(folder: Path) -> int:
    if folder.is_file():
        return folder.stat().st_size
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _snapshot_stub(day: int, created: datetime) -> Snapshot:
    return Snapshot(str(day), "", "", created.isoformat(), True, day + 1, Path())


def _fill(path: Path, with_history: bool) -> list:
    db = open_database(path)
    repo = PlanRepository(db)
    plans = [fresh_example_plan() for _ in range(PLANS)]
    for n, plan in enumerate(plans):
        plan.titel = f"{plan.titel} ({n + 1})"
        repo.save(plan)
    if with_history:
        start = datetime.now() - timedelta(days=DAYS)
        # Four years of daily versions end as the set the retention keeps; writing only that
        # set gives the same files as 1,460 daily takes with pruning, in a fraction of the time.
        days = [_snapshot_stub(day, start + timedelta(days=day)) for day in range(DAYS)]
        kept_days = sorted(int(s.id) for s in days if s.id in retained(days, datetime.now()))
        for plan in plans:
            items = []
            for day in kept_days:  # a plan that changes a little every day
                plan.beleidsfocus.visie = f"Visie zoals op dag {day} van de planperiode."
                when = start + timedelta(days=day)
                items.append(
                    ("", Plan.from_dict(plan.to_dict()), f"Automatisch, dag {day}", True, when)
                )
            db.history.import_versions(plan.id, items)
            for n in range(MANUAL):
                plan.beleidsfocus.visie = f"Visie voor de raad, versie {n}."
                repo.save_snapshot(plan, f"Voor de raad {n}")
    db.close()
    return [p.id for p in plans]


def _alternating_saves(paths: list[Path], plan_ids: list[str], rounds: int) -> list[list[float]]:
    """One save on each database in turn, so a burst of load on the shared disk hits both
    sides alike; returns the samples per database."""
    dbs = [open_database(path) for path in paths]
    repos = [PlanRepository(db) for db in dbs]
    plans = [repo.get(plan_id) for repo, plan_id in zip(repos, plan_ids, strict=True)]
    samples: list[list[float]] = [[] for _ in range(len(paths) + 1)]
    payload = paths[0].read_bytes()
    scratch = paths[0].with_name("vloer.json")
    for n in range(rounds + 3):
        for side, (repo, plan) in enumerate(zip(repos, plans, strict=True)):
            plan.beleidsfocus.visie = f"Getypt, toetsaanslag {n}"
            start = time.perf_counter()
            repo.save(plan)
            if n >= 3:  # warm-up
                samples[side].append((time.perf_counter() - start) * 1000)
        # the disk's own floor: the same bytes written, fsynced, renamed into place, folder
        # fsynced: the least an atomic, durable write costs
        start = time.perf_counter()
        temp = scratch.with_suffix(".tmp")
        with open(temp, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, scratch)
        folder = os.open(scratch.parent, os.O_RDONLY)
        os.fsync(folder)  # the rename itself made durable, as every atomic write must
        os.close(folder)
        if n >= 3:
            samples[-1].append((time.perf_counter() - start) * 1000)
    for db in dbs:
        db.close()
    return samples


def _open_samples(path: Path) -> list[float]:
    def open_and_list() -> None:
        database = open_database(path)
        PlanRepository(database).list()
        database.close()

    return measure(open_and_list, 9, warmup=1)


def main() -> None:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        bare = Path(tmp) / "zonder" / "werkbank.json"
        full = Path(tmp) / "met" / "werkbank.json"
        bare_ids = _fill(bare, with_history=False)
        full_ids = _fill(full, with_history=True)

        # interleaved, so load on the shared machine hits both sides alike
        bare_saves, full_saves, disk_floor = _alternating_saves(
            [bare, full], [bare_ids[0], full_ids[0]], SAVES * 3
        )
        bare_opens: list[float] = []
        full_opens: list[float] = []
        for _ in range(3):
            bare_opens += _open_samples(bare)
            full_opens += _open_samples(full)

        versions = len(list((full.parent / "versies").rglob("*.json.gz")))
        size_mb = _folder_bytes(full.parent) / 1024 / 1024
        line("vloer: zelfde bytes atomisch en duurzaam schrijven", disk_floor)
        line(f"opslaan, {PLANS} plannen zonder geschiedenis (vloer)", bare_saves, disk_floor)
        line(
            f"opslaan, {PLANS} plannen met 4 jaar versies",
            full_saves,
            bare_saves,
            "doel: verhouding <= 1.3 en mediaan <= 10 ms",
        )
        line("openen + plannen tonen, zonder geschiedenis (vloer)", bare_opens)
        line(
            "openen + plannen tonen, met 4 jaar versies",
            full_opens,
            bare_opens,
            "doel: verhouding <= 1.3",
        )
        print(
            f"op schijf met 4 jaar versies: {size_mb:.1f} MB (database "
            f"{_folder_bytes(full) / 1024:.0f} kB, versies "
            f"{_folder_bytes(full.parent / 'versies') / 1024 / 1024:.1f} MB in {versions} "
            f"bestanden, reservekopieën {_folder_bytes(full.parent / 'backups') / 1024 / 1024:.1f}"
            f" MB)  [doel: <= 60 MB]",
            flush=True,
        )
        kept_per_plan = versions / PLANS
        print(
            f"versies per plan na de bewaarregel: {kept_per_plan:.0f} "
            f"(van {DAYS} automatische + {MANUAL} met de hand)",
            flush=True,
        )
        print(
            f"mediaan opslaan: {statistics.median(full_saves):.1f} ms met, "
            f"{statistics.median(bare_saves):.1f} ms zonder geschiedenis",
            flush=True,
        )


if __name__ == "__main__":
    main()
