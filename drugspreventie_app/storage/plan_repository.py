"""Plans, their recycle bin and their snapshots in the user database."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime

from tinydb import Query

from drugspreventie_app.domain.plan.model import Plan, new_id
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.records import all_records, get_by_id, upsert

PLANS = "plannen"
TRASH = "prullenbak_plannen"
SNAPSHOTS = "plan_versies"


@dataclass(frozen=True)
class Snapshot:
    id: str
    plan_id: str
    label: str
    created: str  # ISO timestamp
    automatic: bool
    data: dict

    def plan(self) -> Plan:
        return Plan.from_dict(self.data)


@dataclass(frozen=True)
class TrashedPlan:
    plan: Plan
    deleted: str


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class PlanRepository:
    def __init__(self, db: Database) -> None:
        self._plans = db.table(PLANS)
        self._trash = db.table(TRASH)
        self._snapshots = db.table(SNAPSHOTS)

    # -- plans -------------------------------------------------------------------------------

    def list(self) -> list[Plan]:
        # from_dict builds new objects, so the stored documents need no defensive copy
        plans = [Plan.from_dict(doc) for doc in self._plans.all()]
        return sorted(plans, key=lambda p: p.gewijzigd, reverse=True)

    def get(self, plan_id: str) -> Plan | None:
        record = get_by_id(self._plans, plan_id)
        return Plan.from_dict(record) if record else None

    def save(self, plan: Plan) -> Plan:
        """Write the whole plan (one atomic database write). Sets `gewijzigd`."""
        if not plan.aangemaakt:
            plan.aangemaakt = _now()
        plan.gewijzigd = _now()
        upsert(self._plans, plan.to_dict())
        return plan

    def delete(self, plan_id: str) -> None:
        """Move to the recycle bin; `restore` brings it back."""
        record = get_by_id(self._plans, plan_id)
        if record is None:
            return
        upsert(self._trash, {"id": plan_id, "verwijderd": _now(), "plan": record})
        self._plans.remove(Query().id == plan_id)

    def trash(self) -> list[TrashedPlan]:
        items = [
            TrashedPlan(Plan.from_dict(r["plan"]), r["verwijderd"])
            for r in all_records(self._trash)
        ]
        return sorted(items, key=lambda t: t.deleted, reverse=True)

    def restore(self, plan_id: str) -> Plan | None:
        record = get_by_id(self._trash, plan_id)
        if record is None:
            return None
        upsert(self._plans, record["plan"])
        self._trash.remove(Query().id == plan_id)
        return Plan.from_dict(record["plan"])

    # -- snapshots ---------------------------------------------------------------------------

    def save_snapshot(self, plan: Plan, label: str, *, automatic: bool = False) -> Snapshot:
        snapshot = Snapshot(new_id(), plan.id, label.strip(), _now(), automatic, plan.to_dict())
        upsert(
            self._snapshots,
            {
                "id": snapshot.id,
                "plan_id": snapshot.plan_id,
                "label": snapshot.label,
                "created": snapshot.created,
                "automatic": snapshot.automatic,
                "data": snapshot.data,
            },
        )
        return snapshot

    def snapshots(self, plan_id: str) -> list[Snapshot]:
        # search first, copy only the matches: every snapshot holds a whole plan
        records = [
            copy.deepcopy(dict(r)) for r in self._snapshots.search(Query().plan_id == plan_id)
        ]
        items = [
            Snapshot(r["id"], r["plan_id"], r["label"], r["created"], r["automatic"], r["data"])
            for r in records
        ]
        return sorted(items, key=lambda s: s.created, reverse=True)

    def ensure_daily_snapshot(self, plan: Plan, today: date | None = None) -> Snapshot | None:
        """One automatic snapshot per plan per day, taken the first time it is opened."""
        day = (today or date.today()).isoformat()
        for snap in self.snapshots(plan.id):
            if snap.automatic and snap.created.startswith(day):
                return None
        return self.save_snapshot(plan, f"Automatisch, {day}", automatic=True)
