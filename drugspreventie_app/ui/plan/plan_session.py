"""One open plan: every edit goes through here for undo/redo and autosave.

An edit is a function that changes the plan; the session keeps the plan as it was before and
after, so undo and redo simply put one of them back (also after a snapshot restore, which is
an edit like any other). Autosave writes the plan about a second after the last edit and on
close; a failed write keeps the plan in memory, says so, and tries again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.domain.text_policy import clean_tree
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.plan_repository import PlanRepository

AUTOSAVE_MS = 800
RETRY_MS = 5000
MERGE_WINDOW_S = 2.0  # typing in one field without a longer pause is one undo step...
STEP_MAX_S = 8.0  # ...but never more than this much typing, so Ctrl+Z undoes a sentence, not
# a whole paragraph written minutes ago


class _EditCommand(QUndoCommand):
    def __init__(
        self, session: PlanSession, text: str, before: dict, after: dict, merge_key: str | None
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.stamp = time.monotonic()
        self.started = self.stamp
        self._first = True

    def id(self) -> int:  # Qt: commands with the same id >= 0 may merge
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, _EditCommand)
            or other.merge_key != self.merge_key
            or other.stamp - self.stamp > MERGE_WINDOW_S
            or other.stamp - self.started > STEP_MAX_S
        ):
            return False
        self.after = other.after
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        if self._first:  # the edit itself already changed the plan
            self._first = False
            return
        self.session._replace(self.after)

    def undo(self) -> None:
        self.session._replace(self.before)


class PlanSession(QObject):
    plan_replaced = Signal()  # the whole plan changed (open, undo, redo): editors reload
    plan_changed = Signal()  # after every change: check, coverage, titles refresh
    save_status = Signal(str)  # Dutch text for the status bar
    save_failed = Signal(str)
    text_cleaned = Signal(str)  # Dutch: what the text rule changed in what was typed or pasted

    def __init__(self, repo: PlanRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.plan: Plan | None = None
        self.undo_stack = QUndoStack(self)
        self.dirty = False
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    # -- opening -----------------------------------------------------------------------------

    def open(self, plan: Plan | None) -> None:
        if self.plan is not None and plan is not None and self.plan.id == plan.id:
            return
        self.flush()
        self.plan = plan
        self.undo_stack.clear()
        if plan is not None:
            try:
                self.repo.ensure_daily_snapshot(plan)
            except StorageError as err:
                self.save_failed.emit(str(err))
        self.plan_replaced.emit()
        self.plan_changed.emit()

    # -- editing -----------------------------------------------------------------------------

    def edit(
        self, description: str, mutate: Callable[[Plan], None], merge_key: str | None = None
    ) -> None:
        if self.plan is None:
            return
        before = self.plan.to_dict()
        mutate(self.plan)
        after, changes = clean_tree(self.plan.to_dict())
        if changes:
            # whatever widget the text came through, the plan holds only what the text rule
            # accepts, so every save, export and plan file reads back
            self.plan = Plan.from_dict(after)
            self.text_cleaned.emit(changes.message())
        if before == after:
            return
        self.undo_stack.push(_EditCommand(self, description, before, after, merge_key))
        self._mark_dirty()
        self.plan_changed.emit()

    def _replace(self, data: dict) -> None:
        """Undo/redo: put a whole earlier state back."""
        self.plan = Plan.from_dict(data)
        self._mark_dirty()
        self.plan_replaced.emit()
        self.plan_changed.emit()

    def _mark_dirty(self) -> None:
        self.dirty = True
        # Not restarted on every keystroke: someone typing without pause still gets a save
        # within AUTOSAVE_MS of the first unsaved change.
        if not self._timer.isActive():
            self._timer.start(AUTOSAVE_MS)

    # -- saving ------------------------------------------------------------------------------

    def flush(self) -> bool:
        """Write now if there are unsaved changes. False when the write failed."""
        self._timer.stop()
        if not self.dirty or self.plan is None:
            return True
        try:
            self.repo.save(self.plan)
        except StorageError as err:
            self.last_error = str(err)
            self.save_failed.emit(self.last_error)
            self.save_status.emit(
                "Opslaan mislukt; uw wijzigingen staan nog in het programma. Nieuwe poging over "
                "5 seconden."
            )
            self._timer.start(RETRY_MS)
            return False
        self.dirty = False
        self.last_error = None
        self.save_status.emit(f"Plan opgeslagen om {time.strftime('%H:%M:%S')}")
        return True
