"""Export a plan to a plan file and import one into the user database.

Import reads and checks the whole file first (`parse_plan_file`); only a plan without any
problem is written, in one repository save. On any problem nothing changes.
"""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.domain.plan.model import Plan, new_id
from drugspreventie_app.domain.plan.plan_file import (
    MAX_FILE_BYTES,
    PlanFileError,
    parse_plan_file,
    plan_to_file_text,
)
from drugspreventie_app.domain.text_policy import TextChanges
from drugspreventie_app.storage.atomic import atomic_write_text
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.plan_repository import PlanRepository

COPY_SUFFIX = " (kopie)"


class PlanNotFoundError(StorageError):
    """No plan with this id in the database."""


def export_plan(source: Plan | PlanRepository, target: Path, plan_id: str | None = None) -> Plan:
    """Write one plan as a plan file (atomically). `source` is the plan itself, or the
    repository plus `plan_id`. Returns the plan written."""
    if isinstance(source, Plan):
        plan = source
    else:
        if plan_id is None:
            raise ValueError("plan_id is nodig bij export uit de repository")
        found = source.get(plan_id)
        if found is None:
            raise PlanNotFoundError(f"Er is geen plan met id {plan_id}.")
        plan = found
    atomic_write_text(Path(target), plan_to_file_text(plan), document=True)
    return plan


def read_plan_file(source: Path, changes: TextChanges | None = None) -> Plan:
    """The plan in the file, fully checked; `PlanFileError` (Dutch) on any problem. What the
    text rule changed is added to `changes`."""
    source = Path(source)
    try:
        size = source.stat().st_size
    except OSError:
        raise PlanFileError([f"Het bestand {source} kan niet worden geopend."]) from None
    if not source.is_file():
        raise PlanFileError([f"{source} is geen bestand maar een map."])
    if size > MAX_FILE_BYTES:
        raise PlanFileError(
            [f"Het bestand is te groot ({size / 1024 / 1024:.1f} MB; maximaal 20 MB)."]
        )
    try:
        payload = source.read_bytes()
    except OSError:
        raise PlanFileError([f"Het bestand {source} kan niet worden gelezen."]) from None
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as err:
        raise PlanFileError(
            [f"Het bestand is geen UTF-8-tekst (onleesbaar teken op positie {err.start})."]
        ) from None
    return parse_plan_file(text, changes)


def import_plan(repo: PlanRepository, source: Path, changes: TextChanges | None = None) -> Plan:
    """Import a plan file; returns the plan as saved.

    A plan whose id is already in use (also in the recycle bin, which would otherwise
    overwrite it on restore) is imported as a copy: a new plan id and " (kopie)" after the
    title. Ids inside the plan only need to be unique within it, so they stay.
    """
    plan = read_plan_file(source, changes)
    taken = {p.id for p in repo.list()} | {t.plan.id for t in repo.trash()}
    if plan.id in taken:
        plan.id = new_id()
        plan.titel = f"{plan.titel}{COPY_SUFFIX}"
    return repo.save(plan)
