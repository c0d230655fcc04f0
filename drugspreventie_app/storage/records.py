"""Helpers every repository shares: records carry their own UUID, callers get copies."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from tinydb import Query
from tinydb.table import Table


def new_id() -> str:
    return str(uuid.uuid4())


def get_by_id(table: Table, record_id: str) -> dict[str, Any] | None:
    # TinyDB reuses doc_ids after deletes, so records are found by their own UUID.
    found = table.get(Query().id == record_id)
    return copy.deepcopy(dict(found)) if found is not None else None


def upsert(table: Table, record: dict[str, Any], *, fresh: bool = False) -> None:
    """Insert or replace by the record's own id. `fresh=True` when the caller built the record
    just now and keeps no reference to it (`Plan.to_dict()`), so no defensive copy is needed:
    copying a whole plan on every autosave cost more than writing it."""
    table.upsert(record if fresh else copy.deepcopy(record), Query().id == record["id"])


def all_records(table: Table) -> list[dict[str, Any]]:
    return [copy.deepcopy(dict(doc)) for doc in table.all()]
