"""Set aside stored records that the program cannot use, instead of crashing on them.

A database can have the right shape and still hold a record with wrong field types (edited by
hand, written by a broken tool, a colleague's odd file from an old version). Such a record is
moved, whole and unchanged, to the table `_apart_gezet` with the reasons, so the good records
open as usual and nothing is thrown away; the user is told which records and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from drugspreventie_app.domain.intervention import Intervention, validate_local
from drugspreventie_app.domain.plan.plan_file import plan_record_problems

Tables = dict[str, dict[str, Any]]
SET_ASIDE_TABLE = "_apart_gezet"
PLANS, TRASH, LOCAL = "plannen", "prullenbak_plannen", "lokale_interventies"
MAX_REASONS = 3


@dataclass
class SetAside:
    items: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (kind, name, problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def message(self, *, read_only: bool = False) -> str:
        n = len(self.items)
        head = (
            f"{n} {'onderdeel' if n == 1 else 'onderdelen'} in uw gegevens "
            f"{'kon' if n == 1 else 'konden'} niet worden gelezen en "
            f"{'wordt' if n == 1 else 'worden'} niet getoond. "
        )
        they = "Het is" if n == 1 else "Ze zijn"
        if read_only:
            head += f"{they} niet veranderd. "
        else:
            head += (
                f"{they} ongewijzigd apart gezet in het gegevensbestand (tabel "
                f"'{SET_ASIDE_TABLE}'), zodat een specialist "
                f"{'het' if n == 1 else 'ze'} kan herstellen. "
            )
        lines = []
        for kind, name, problems in self.items[:10]:
            shown = "; ".join(p[:160] for p in problems[:MAX_REASONS])
            more = f" (en nog {len(problems) - MAX_REASONS})" if len(problems) > MAX_REASONS else ""
            lines.append(f"- {kind} '{name[:80]}': {shown}{more}")
        if n > 10:
            lines.append(f"- … en nog {n - 10}")
        return head + "\n" + "\n".join(lines)


def _name(doc: dict[str, Any], key: str) -> str:
    value = doc.get(key)
    if isinstance(value, str) and value.strip():
        return value
    doc_id = doc.get("id")
    return f"zonder naam, id {doc_id}" if isinstance(doc_id, str) else "zonder naam"


def _local_problems(doc: dict[str, Any]) -> list[str]:
    problems = validate_local(doc)
    if not isinstance(doc.get("id"), str):
        problems.append("de id ontbreekt of is geen tekst")
    if not problems:
        try:
            Intervention.from_dict(doc, lokaal=True)
        except (TypeError, ValueError, KeyError, AttributeError) as err:
            problems = [f"onleesbaar ({type(err).__name__})"]
    return problems


def _problems(table: str, doc: dict[str, Any]) -> tuple[str, str, list[str]] | None:
    if table == PLANS:
        problems = plan_record_problems(doc)
        return ("Plan", _name(doc, "titel"), problems) if problems else None
    if table == TRASH:
        plan = doc.get("plan")
        problems = plan_record_problems(plan)
        name = _name(plan, "titel") if isinstance(plan, dict) else "?"
        return ("Plan in de prullenbak", name, problems) if problems else None
    if table == LOCAL:
        problems = _local_problems(doc)
        return ("Eigen interventie", _name(doc, "naam"), problems) if problems else None
    return None


def set_bad_records_aside(tables: Tables) -> tuple[Tables, SetAside]:
    """Move unusable records to `SET_ASIDE_TABLE`; returns the tables and what moved."""
    found = SetAside()
    moved: list[dict[str, Any]] = []
    for table in (PLANS, TRASH, LOCAL):
        docs = tables.get(table)
        if not docs:
            continue
        for doc_id in list(docs):
            bad = _problems(table, docs[doc_id])
            if bad is None:
                continue
            found.items.append(bad)
            moved.append(
                {
                    "tabel": table,
                    "record": docs.pop(doc_id),
                    "problemen": bad[2],
                    "apart_gezet": datetime.now().isoformat(timespec="seconds"),
                }
            )
    if moved:
        aside = tables.setdefault(SET_ASIDE_TABLE, {})
        start = max((int(k) for k in aside), default=0)
        for n, record in enumerate(moved, start=start + 1):
            aside[str(n)] = record
    return tables, found
