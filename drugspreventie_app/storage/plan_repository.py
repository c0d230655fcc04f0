"""Plans and their recycle bin in the user database; their versions in the history store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tinydb import Query

from drugspreventie_app.domain.plan.model import Plan, new_id
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.plan_history import Snapshot
from drugspreventie_app.storage.records import all_records, get_by_id, upsert

PLANS = "plannen"
TRASH = "prullenbak_plannen"


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
        self._history = db.history

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
        upsert(self._plans, plan.to_dict(), fresh=True)
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

    # -- versions (snapshots) --------------------------------------------------------------

    def save_snapshot(self, plan: Plan, label: str, *, automatic: bool = False) -> Snapshot:
        return self._history.take(plan, label, automatic=automatic)

    def snapshots(self, plan_id: str) -> list[Snapshot]:
        """Newest first; each loads its plan only when asked (`Snapshot.plan()`)."""
        return self._history.versions(plan_id)

    def ensure_daily_snapshot(self, plan: Plan, today: date | None = None) -> Snapshot | None:
        """One automatic version per plan per day, taken the first time it is opened."""
        if self._history.read_only:
            return None
        return self._history.ensure_daily(plan, today)


__all__ = ["PlanRepository", "Snapshot", "TrashedPlan", "new_id"]
