"""Versions of plans, kept apart from the database that every keystroke rewrites.

A save never touches this store: a version is written only when one is taken (by the user, or
the first time a plan is opened on a day). Each plan has a folder `versies/<key>/` with one
compressed file per version, numbered by a counter (never by the clock), and an index of the
labels so listing does not open every file. The index is only a shortcut: a version file
carries its own metadata, and files the index misses (a crash between the two writes) are
read and added back.

Retention, as in other versioning tools: every version the user took is kept; automatic ones
daily for 30 days, weekly for a year and monthly after that, counted back from the newest
moment known (the clock or the newest version, whichever is later, so a clock set back does
not prune what is new).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from drugspreventie_app.domain.plan.model import Plan, new_id
from drugspreventie_app.domain.text_policy import clean
from drugspreventie_app.storage.atomic import atomic_write_bytes, fsync_dir
from drugspreventie_app.storage.errors import ReadOnlyError, StorageError

INDEX = "index.json"
DAILY_DAYS = 30
WEEKLY_DAYS = 365
MAX_LABEL = 200
_FILE = re.compile(r"^(?P<seq>\d{6,})-(?P<kind>[ah])\.json\.gz$")


@dataclass(frozen=True)
class Snapshot:
    """One version of a plan: metadata here, the plan itself read when asked for."""

    id: str
    plan_id: str
    label: str
    created: str  # ISO timestamp, for display and retention
    automatic: bool
    seq: int
    path: Path

    def plan(self) -> Plan:
        return Plan.from_dict(read_version_file(self.path)["data"])

    def meta(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "plan_id": self.plan_id,
            "label": self.label,
            "created": self.created,
            "automatic": self.automatic,
            "seq": self.seq,
        }


class HistoryError(StorageError):
    """A version could not be read."""


def read_version_file(path: Path) -> dict[str, Any]:
    try:
        data = orjson.loads(gzip.decompress(path.read_bytes()))
    except (OSError, EOFError, gzip.BadGzipFile, orjson.JSONDecodeError) as err:
        raise HistoryError(f"De versie {path.name} kan niet worden gelezen.") from err
    if not isinstance(data, dict) or not isinstance(data.get("data"), dict):
        raise HistoryError(f"De versie {path.name} heeft een onverwachte vorm.")
    return data


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def plan_folder_name(plan_id: str) -> str:
    # plan ids come from plan files too; a hash makes any id a safe folder name
    return hashlib.sha256(plan_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class PlanHistory:
    def __init__(self, root: Path, *, read_only: bool = False) -> None:
        self.root = Path(root)
        self.read_only = read_only

    def _folder(self, plan_id: str) -> Path:
        return self.root / plan_folder_name(plan_id)

    # -- reading -----------------------------------------------------------------------------

    def versions(self, plan_id: str) -> list[Snapshot]:
        """Every version of the plan, newest first."""
        folder = self._folder(plan_id)
        if not folder.is_dir():
            return []
        files = {}
        for entry in folder.iterdir():
            m = _FILE.match(entry.name)
            if m:
                files[entry.name] = entry
        index = self._read_index(folder)
        found: list[Snapshot] = []
        missing = False
        for name, path in files.items():
            meta = index.get(name)
            if meta is None:
                missing = True
                try:
                    meta = {k: v for k, v in read_version_file(path).items() if k != "data"}
                except HistoryError:
                    continue  # a version file cut short by a crash: never acknowledged
            found.append(_snapshot(meta, path, plan_id))
        if missing and not self.read_only:
            with contextlib.suppress(OSError):
                self._write_index(folder, found)
        return sorted(found, key=lambda s: s.seq, reverse=True)

    def _read_index(self, folder: Path) -> dict[str, dict[str, Any]]:
        try:
            data = orjson.loads((folder / INDEX).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        if not isinstance(data, dict) or not isinstance(data.get("versies"), dict):
            return {}
        return {k: v for k, v in data["versies"].items() if isinstance(v, dict)}

    # -- writing -----------------------------------------------------------------------------

    def take(
        self,
        plan: Plan,
        label: str,
        *,
        automatic: bool = False,
        when: datetime | None = None,
        version_id: str | None = None,
    ) -> Snapshot:
        """Write a version of `plan`; returns once it is durable on disk."""
        if self.read_only:
            raise ReadOnlyError("De gegevens zijn alleen-lezen; er is geen versie bewaard.")
        folder = self._folder(plan.id)
        existing = self.versions(plan.id)
        seq = (existing[0].seq if existing else 0) + 1
        snapshot = _write_version(folder, plan.id, plan, version_id, label, automatic, when, seq)
        self._write_index(folder, [snapshot, *existing])
        if automatic:
            self.prune(plan.id, versions=[snapshot, *existing])
        return snapshot

    def import_versions(
        self,
        plan_id: str,
        items: list[tuple[str, Plan, str, bool, datetime | None]],
    ) -> int:
        """Add many versions at once, oldest first (a migration): one index write, one prune.
        Items are (id, plan, label, automatic, created); ids already present are skipped."""
        folder = self._folder(plan_id)
        existing = self.versions(plan_id)
        known = {s.id for s in existing}
        seq = existing[0].seq if existing else 0
        added: list[Snapshot] = []
        for version_id, plan, label, automatic, when in items:
            if version_id and version_id in known:
                continue
            seq += 1
            added.append(
                _write_version(folder, plan_id, plan, version_id, label, automatic, when, seq)
            )
        if added:
            versions = [*reversed(added), *existing]
            self._write_index(folder, versions)
            self.prune(plan_id, versions=versions)
        return len(added)

    def ensure_daily(self, plan: Plan, today: date | None = None) -> Snapshot | None:
        """One automatic version per plan per day, taken the first time it is opened."""
        day = (today or date.today()).isoformat()
        for snap in self.versions(plan.id):
            if snap.automatic and snap.created.startswith(day):
                return None
        when = datetime.combine(date.fromisoformat(day), _now().time())
        return self.take(plan, f"Automatisch, {day}", automatic=True, when=when)

    def prune(self, plan_id: str, *, versions: list[Snapshot] | None = None) -> int:
        versions = versions if versions is not None else self.versions(plan_id)
        keep = retained(versions, _now())
        gone = [s for s in versions if s.id not in keep]
        if not gone:
            return 0
        folder = self._folder(plan_id)
        # index first: a crash after it leaves files the index misses, which listing re-adds
        # and the next prune removes; never an index entry without its file
        self._write_index(folder, [s for s in versions if s.id in keep])
        for snap in gone:
            with contextlib.suppress(OSError):
                snap.path.unlink()
        with contextlib.suppress(OSError):
            fsync_dir(folder)
        return len(gone)

    def _write_index(self, folder: Path, versions: list[Snapshot]) -> None:
        data = {"versies": {s.path.name: s.meta() for s in versions}}
        atomic_write_bytes(folder / INDEX, orjson.dumps(data))


def _write_version(
    folder: Path,
    plan_id: str,
    plan: Plan,
    version_id: str | None,
    label: str,
    automatic: bool,
    when: datetime | None,
    seq: int,
) -> Snapshot:
    """One compressed version file, durable before this returns."""
    meta = {
        "id": version_id or new_id(),
        "plan_id": plan_id,
        "label": clean(label.strip(), MAX_LABEL),
        "created": (when or _now()).isoformat(timespec="seconds"),
        "automatic": automatic,
        "seq": seq,
    }
    path = folder / f"{seq:06d}-{'a' if automatic else 'h'}.json.gz"
    payload = gzip.compress(orjson.dumps({**meta, "data": plan.to_dict()}), 6, mtime=0)
    atomic_write_bytes(path, payload)
    return _snapshot(meta, path, plan_id)


def _snapshot(meta: dict[str, Any], path: Path, plan_id: str) -> Snapshot:
    m = _FILE.match(path.name)
    seq = int(m.group("seq")) if m else 0
    return Snapshot(
        id=str(meta.get("id") or path.name),
        plan_id=str(meta.get("plan_id") or plan_id),
        label=str(meta.get("label") or ""),
        created=str(meta.get("created") or ""),
        automatic=bool(meta.get("automatic")) if m is None else m.group("kind") == "a",
        seq=seq,
        path=path,
    )


def retained(versions: list[Snapshot], now: datetime) -> set[str]:
    """Ids of the versions the retention keeps (see the module docstring)."""
    keep = {s.id for s in versions if not s.automatic}
    automatic = sorted((s for s in versions if s.automatic), key=lambda s: s.seq, reverse=True)
    if not automatic:
        return keep
    keep.add(automatic[0].id)  # the newest automatic version, whatever its date
    stamps = [_parse(s.created) for s in automatic]
    reference = max([now, *[t for t in stamps if t is not None]])
    buckets: set[tuple[str, int, int]] = set()
    for snap, created in zip(automatic, stamps, strict=True):
        if created is None:
            keep.add(snap.id)  # cannot be placed in time: keep rather than guess
            continue
        age = (reference - created).days
        if age <= DAILY_DAYS:
            bucket = ("d", created.toordinal(), 0)
        elif age <= WEEKLY_DAYS:
            iso = created.isocalendar()
            bucket = ("w", iso[0], iso[1])
        else:
            bucket = ("m", created.year, created.month)
        if bucket not in buckets:  # newest first: the first in each bucket is its newest
            buckets.add(bucket)
            keep.add(snap.id)
    return keep


def _parse(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return None


def history_root(database_path: Path) -> Path:
    return Path(database_path).parent / "versies"


__all__ = ["PlanHistory", "Snapshot", "history_root", "retained"]
