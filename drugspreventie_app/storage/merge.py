"""Join two writers' changes to the database, record by record.

When the file changed underneath this process (a second writer got in, for example after
someone deleted the lock file), storage does not overwrite it. It compares three states of
every record: as this process last read or wrote it (base), as this process wants it now
(ours) and as it is on disk (theirs). A record only one side changed takes that side's
version, so a plan the command line added survives the window's save. A record both sides
changed differently keeps this process's version, because that is what the user in front of
it sees and edits; the other version is handed back so it can be kept in a conflict copy.

Records are matched by their own `id` (every repository record has one); TinyDB's document
numbers are renumbered, since two writers may have used the same number for different records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Tables = dict[str, dict[str, Any]]
META_TABLE = "_meta"


@dataclass
class MergeResult:
    tables: Tables
    # (table, their version of a record both sides changed, or that they changed and we removed)
    conflicts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _key(doc_id: str, doc: Any) -> str:
    if isinstance(doc, dict) and isinstance(doc.get("id"), str):
        return "id:" + doc["id"]
    return "doc:" + doc_id


def _by_key(table: dict[str, Any] | None) -> dict[str, Any]:
    return {_key(doc_id, doc): doc for doc_id, doc in (table or {}).items()}


def merge_tables(base: Tables, ours: Tables, theirs: Tables) -> MergeResult:
    result = MergeResult({})
    for name in [*theirs, *(n for n in ours if n not in theirs)]:
        if name == META_TABLE:
            result.tables[name] = dict(ours.get(name) or theirs.get(name) or {})
            continue
        b, o, t = _by_key(base.get(name)), _by_key(ours.get(name)), _by_key(theirs.get(name))
        merged: list[Any] = []
        for key in [*t, *(k for k in o if k not in t)]:
            base_doc, our_doc, their_doc = b.get(key), o.get(key), t.get(key)
            if our_doc == base_doc:
                chosen = their_doc
            elif their_doc in (base_doc, our_doc):
                chosen = our_doc
            else:
                chosen = our_doc if our_doc is not None else their_doc
                if their_doc is not None and our_doc is not None:
                    result.conflicts.append((name, their_doc))
            if chosen is not None:
                merged.append(chosen)
        result.tables[name] = {str(n): doc for n, doc in enumerate(merged, start=1)}
    return result
