"""Saving one plan edit with 200 plans in the database (atomic write, fsync and backup
included), and opening that database."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import bare_durable_write, line, measure

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.domain.plan.model import new_id
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.plan_repository import PlanRepository

PLANS = 200


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "werkbank.json"
        db = open_database(path)
        repo = PlanRepository(db)
        base = example_plan()
        # many plans in one write: building the database is not what is measured
        table = db.table("plannen")
        records = []
        for n in range(PLANS):
            plan = example_plan()
            plan.id = new_id()
            plan.titel = f"{base.titel} ({n})"
            records.append(plan.to_dict())
        table.insert_multiple(records)
        target = repo.get(records[0]["id"])
        size_mb = path.stat().st_size / 1024 / 1024
        counter = {"n": 0}

        def save_edit() -> None:
            counter["n"] += 1
            target.beleidsfocus.visie = f"Visie, versie {counter['n']}"
            repo.save(target)

        saves = measure(save_edit, 25, warmup=2)
        db.close()
        # The physical floor: the same number of bytes written to a temp file, fsynced and
        # renamed into place, with nothing else around it.
        payload = path.read_bytes()
        scratch = Path(tmp) / "vloer.json"

        def bare_write() -> None:
            bare_durable_write(scratch, payload, sync_folder=False)

        floor = measure(bare_write, 25, warmup=2)
        line(f"vloer: {size_mb:.1f} MB schrijven + fsync + vervangen", floor)
        line(
            f"opslaan planwijziging, {PLANS} plannen ({size_mb:.1f} MB)",
            saves,
            floor,
            "doel: mediaan < 50 ms",
        )

        def open_close() -> None:
            database = open_database(path)
            PlanRepository(database).list()
            database.close()

        def bare_read() -> None:
            orjson.loads(path.read_bytes())

        read_floor = measure(bare_read, 7)
        line(f"vloer: {size_mb:.1f} MB lezen en JSON ontleden", read_floor)
        line(
            f"database openen en plannen lezen ({PLANS} plannen)",
            measure(open_close, 7),
            read_floor,
        )


if __name__ == "__main__":
    main()
