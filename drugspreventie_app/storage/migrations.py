"""Schema versions of the user database and the steps between them.

`MIGRATIONS[n]` turns a version-n database (all tables, as plain dicts) into version n+1.
Version 0 is a database without a `_meta` table (written before versioning existed).
The database module backs up the file before it runs any step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_SCHEMA = 2
LEGACY_VERSIONS_TABLE = "plan_versies"
META_TABLE = "_meta"
META_DOC_ID = "1"

Tables = dict[str, dict[str, Any]]


def _v0_to_v1(tables: Tables) -> Tables:
    # Version 1 introduced the meta table; the user tables themselves did not change.
    tables[META_TABLE] = {META_DOC_ID: {"schema_versie": 1}}
    return tables


def _v1_to_v2(tables: Tables) -> Tables:
    # Version 2 keeps plan versions in their own store (storage/plan_history.py); the database
    # module copies them there before this step drops the table.
    tables.pop(LEGACY_VERSIONS_TABLE, None)
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1, 1: _v1_to_v2}


def schema_version(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_DOC_ID)
    if not meta:
        return 0
    version = meta.get("schema_versie")
    return version if isinstance(version, int) else 0


def migrate(tables: Tables) -> Tables:
    version = schema_version(tables)
    while version < CURRENT_SCHEMA:
        tables = MIGRATIONS[version](tables)
        version += 1
        tables[META_TABLE][META_DOC_ID]["schema_versie"] = version
    return tables
