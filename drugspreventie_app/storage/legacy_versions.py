"""Move plan versions out of a version-1 database into the history store.

Version 1 kept every version as a whole plan inside the database, so every save rewrote all
of them. The migration copies them to `plan_history.py` first and only then drops the table.
It can run again after a crash halfway: versions already in the store (by id) are skipped.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.storage.migrations import LEGACY_VERSIONS_TABLE
from drugspreventie_app.storage.plan_history import PlanHistory

Tables = dict[str, dict[str, Any]]


def move_legacy_versions(tables: Tables, history: PlanHistory) -> int:
    """Copy the versions of a version-1 database into `history`; returns how many."""
    by_plan: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in (tables.get(LEGACY_VERSIONS_TABLE) or {}).values():
        if (
            isinstance(record, dict)
            and isinstance(record.get("plan_id"), str)
            and isinstance(record.get("data"), dict)
        ):
            by_plan[record["plan_id"]].append(record)
    moved = 0
    for plan_id, records in by_plan.items():
        records.sort(key=lambda r: str(r.get("created") or ""))
        moved += history.import_versions(
            plan_id,
            [
                (
                    str(r.get("id") or ""),
                    Plan.from_dict(r["data"]),
                    str(r.get("label") or ""),
                    bool(r.get("automatic")),
                    _when(r.get("created")),
                )
                for r in records
            ],
        )
    return moved


def _when(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
