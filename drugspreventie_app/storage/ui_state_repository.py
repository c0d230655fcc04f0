"""Small pieces of interface state (window geometry, last folders) kept between sessions."""

from __future__ import annotations

from typing import Any

from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.records import get_by_id, upsert

TABLE = "instellingen"
STATE_ID = "venster"


class UiStateRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(TABLE)

    def get(self, key: str, default: Any = None) -> Any:
        record = get_by_id(self._table, STATE_ID) or {}
        return record.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if self._db.read_only:
            return  # a read-only copy of the app keeps its window state to itself
        record = get_by_id(self._table, STATE_ID) or {"id": STATE_ID}
        if record.get(key) == value:
            return
        record[key] = value
        upsert(self._table, record)
