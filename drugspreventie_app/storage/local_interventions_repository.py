"""The user's own (local) interventions: stored in TinyDB, shared as JSON files.

They live in the user database, never in `data/`, so a content update cannot touch them.
Ids start with 'lokaal-' so they never collide with catalogue ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from drugspreventie_app.domain.intervention import Intervention, validate_local
from drugspreventie_app.domain.text_policy import TextChanges, clean_tree
from drugspreventie_app.storage.atomic import atomic_write_text
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.records import all_records, get_by_id, new_id, upsert

TABLE = "lokale_interventies"
FILE_FORMAT = "drugspreventie-werkbank/lokale-interventies"
FILE_VERSION = 1
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ITEMS = 1000
FIELDS = (
    "naam", "beschrijving", "doelgroep", "leeftijd_van", "leeftijd_tot", "settings", "niveaus",
    "erkenning", "middelen", "pijlers", "werkvormen", "onderdeel_van", "aanbieder", "bron",
)  # fmt: skip


class InvalidInterventionError(StorageError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class ImportFileError(StorageError):
    """The import file is unusable; nothing was changed."""


def _record(data: dict[str, Any], record_id: str) -> dict[str, Any]:
    record = {key: data.get(key) for key in FIELDS}
    for key in ("settings", "niveaus", "middelen", "pijlers", "werkvormen"):
        record[key] = list(record.get(key) or [])
    record["erkenning"] = (
        record.get("erkenning") or "Niet in een databank, wel uitgevoerd in Nederland"
    )
    for key in ("naam", "beschrijving", "doelgroep", "bron"):
        record[key] = (record.get(key) or "").strip()
    for key in ("onderdeel_van", "aanbieder"):
        record[key] = (record.get(key) or "").strip() or None
    record["id"] = record_id
    record["lokaal"] = True
    record["bijgewerkt"] = datetime.now().isoformat(timespec="seconds")
    return record


class LocalInterventionsRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(TABLE)

    def all(self) -> list[Intervention]:
        return [Intervention.from_dict(r, lokaal=True) for r in all_records(self._table)]

    def get(self, record_id: str) -> Intervention | None:
        record = get_by_id(self._table, record_id)
        return Intervention.from_dict(record, lokaal=True) if record else None

    def add(self, data: dict[str, Any]) -> Intervention:
        data = clean_tree(data)[0]
        problems = validate_local(data)
        if problems:
            raise InvalidInterventionError(problems)
        record = _record(data, f"lokaal-{new_id()}")
        upsert(self._table, record)
        return Intervention.from_dict(record, lokaal=True)

    def update(self, record_id: str, data: dict[str, Any]) -> Intervention:
        if get_by_id(self._table, record_id) is None:
            raise StorageError("Deze eigen interventie bestaat niet meer.")
        data = clean_tree(data)[0]
        problems = validate_local(data)
        if problems:
            raise InvalidInterventionError(problems)
        record = _record(data, record_id)
        upsert(self._table, record)
        return Intervention.from_dict(record, lokaal=True)

    def delete(self, record_id: str) -> dict[str, Any] | None:
        """Remove it; returns the stored record so the caller can offer to undo."""
        record = get_by_id(self._table, record_id)
        if record is not None:
            self._table.remove(lambda doc: doc.get("id") == record_id)
        return record

    def restore(self, record: dict[str, Any]) -> None:
        upsert(self._table, record)

    # -- sharing ---------------------------------------------------------------------------

    def export_file(self, target: Path, ids: list[str] | None = None) -> int:
        items = [r for r in all_records(self._table) if ids is None or r["id"] in ids]
        payload = {
            "formaat": FILE_FORMAT,
            "versie": FILE_VERSION,
            "geexporteerd": datetime.now().isoformat(timespec="seconds"),
            "interventies": [{k: r.get(k) for k in ("id", *FIELDS)} for r in items],
        }
        atomic_write_text(
            Path(target), json.dumps(payload, ensure_ascii=False, indent=2), document=True
        )
        return len(items)

    def import_file(self, source: Path) -> LocalImport:
        """Validate the whole file first; only then write, all in one go.

        Entries already present with the same content (the same file imported twice) are
        skipped; an entry whose id exists with other content is imported as a copy with a new
        id, so nothing already here is overwritten.
        """
        changes = TextChanges()
        entries = read_import_file(Path(source), changes)
        stored = all_records(self._table)
        existing = {r["id"] for r in stored}
        contents = {_content(r) for r in stored}
        records = []
        skipped = 0
        for entry in entries:
            entry_id = entry.get("id")
            record_id = (
                entry_id
                if isinstance(entry_id, str)
                and entry_id.startswith("lokaal-")
                and entry_id not in existing
                else f"lokaal-{new_id()}"
            )
            record = _record(entry, record_id)
            if _content(record) in contents:
                skipped += 1
                continue
            existing.add(record_id)
            contents.add(_content(record))
            records.append(record)
        if records:
            self._table.insert_multiple(records)  # one write: all or nothing
        added = [Intervention.from_dict(r, lokaal=True) for r in records]
        return LocalImport(added, skipped, changes.message())


@dataclass(frozen=True)
class LocalImport:
    added: list[Intervention]
    skipped: int  # already present with the same content
    cleaned: str  # what the text rule changed, in Dutch; "" when nothing

    def message(self) -> str:
        n = len(self.added)
        text = f"{n} eigen {'interventie' if n == 1 else 'interventies'} geïmporteerd."
        if self.skipped:
            text += (
                f" {self.skipped} {'stond' if self.skipped == 1 else 'stonden'} er al in en "
                f"{'is' if self.skipped == 1 else 'zijn'} overgeslagen."
            )
        if self.cleaned:
            text += f" {self.cleaned}"
        return text


def _content(record: dict[str, Any]) -> str:
    """What makes two entries the same intervention: every field but id and dates."""
    return json.dumps({k: record.get(k) for k in FIELDS}, sort_keys=True, ensure_ascii=False)


def read_import_file(source: Path, changes: TextChanges | None = None) -> list[dict[str, Any]]:
    """Parse and validate an exported file; raise ImportFileError naming every problem.
    Text passes the text rule as if typed; what it changed is added to `changes`."""
    if source.is_dir():
        raise ImportFileError(f"{source} is een map, geen bestand; er is niets geïmporteerd.")
    try:
        size = source.stat().st_size
    except OSError as err:
        raise ImportFileError(f"Het bestand {source} kan niet worden geopend.") from err
    if size > MAX_IMPORT_BYTES:
        raise ImportFileError(f"Het bestand is te groot ({size // 1024} kB; maximaal 5 MB).")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise ImportFileError("Het bestand is geen UTF-8-tekst; er is niets geïmporteerd.") from err
    except json.JSONDecodeError as err:
        raise ImportFileError(
            f"Het bestand is geen geldige JSON (regel {err.lineno}, kolom {err.colno}); "
            "er is niets geïmporteerd."
        ) from err
    except RecursionError as err:
        raise ImportFileError(
            "Het bestand is te diep genest om te lezen; er is niets geïmporteerd."
        ) from err
    except OSError as err:
        raise ImportFileError(
            f"Het bestand {source} kan niet worden gelezen ({err.strerror}); er is niets "
            "geïmporteerd."
        ) from err
    data, cleaned = clean_tree(data, limit=None)
    if changes is not None:
        changes.add(cleaned)
    if not isinstance(data, dict) or data.get("formaat") != FILE_FORMAT:
        raise ImportFileError(
            "Dit is geen bestand met eigen interventies uit de Drugspreventie Werkbank; "
            "er is niets geïmporteerd."
        )
    if data.get("versie") != FILE_VERSION:
        raise ImportFileError(
            f"Dit bestand heeft versie {data.get('versie')!r}; deze Werkbank leest versie "
            f"{FILE_VERSION}. Er is niets geïmporteerd."
        )
    entries = data.get("interventies")
    if not isinstance(entries, list) or not entries:
        raise ImportFileError("Het bestand bevat geen interventies; er is niets geïmporteerd.")
    if len(entries) > MAX_IMPORT_ITEMS:
        raise ImportFileError(f"Het bestand bevat meer dan {MAX_IMPORT_ITEMS} interventies.")
    problems: list[str] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"Interventie {number}: geen geldig record.")
            continue
        unknown = set(entry) - {"id", "lokaal", "bijgewerkt", *FIELDS}
        if unknown:
            problems.append(f"Interventie {number}: onbekende velden {', '.join(sorted(unknown))}.")
        name = entry.get("naam") if isinstance(entry.get("naam"), str) else f"nr. {number}"
        problems += [f"Interventie '{name[:60]}': {p}" for p in validate_local(entry)]
    if problems:
        shown = "\n".join(problems[:15])
        more = f"\n… en nog {len(problems) - 15} problemen." if len(problems) > 15 else ""
        raise ImportFileError(f"Er is niets geïmporteerd. Problemen in het bestand:\n{shown}{more}")
    return entries
