"""Run a long export beside the window, with a progress dialog that can cancel it.

A plan with very long fields can take many seconds to lay out; the window must keep
repainting and the user must be able to stop. The export writes to a temporary file next to
the target in a worker thread (reportlab and python-docx need no Qt); only when it finishes
and the user did not cancel is that file put in place. After a cancel the worker is left to
finish on its own (layout cannot be interrupted halfway) and its temporary file is removed, so
a cancelled export never replaces the file the user already had.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from drugspreventie_app.storage.atomic import replace_retrying

T = TypeVar("T")
SHOW_AFTER_MS = 400  # a quick export shows no dialog at all
POLL_MS = 50


class _Worker(Generic[T]):
    def __init__(self, work: Callable[[Path], T], partial: Path) -> None:
        self.result: T | None = None
        self.error: BaseException | None = None
        self.cancelled = False
        self.partial = partial
        self.done = threading.Event()
        self._lock = threading.Lock()
        self._work = work
        threading.Thread(target=self._run, daemon=True, name="export").start()

    def _run(self) -> None:
        try:
            self.result = self._work(self.partial)
        except BaseException as err:  # handed to the caller's thread, never lost here
            self.error = err
        with self._lock:
            self.done.set()
            if self.cancelled:
                self.discard()

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self.done.is_set():
                self.discard()

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.partial.unlink()


def partial_path(target: Path) -> Path:
    """The worker's file: beside the target (so the final rename stays on one disk), hidden."""
    return target.with_name(f".{target.stem}.wordt-gemaakt{target.suffix}")


def export_in_background(
    parent: QWidget | None, label: str, target: Path, write: Callable[[Path], T]
) -> tuple[bool, T | None]:
    """Run `write(path)` off the UI thread and put its file at `target`.

    Returns (True, result) when done, (False, None) when the user cancelled. An exception
    of `write` is raised here, in the caller's thread, as if it had been called directly."""
    worker: _Worker[T] = _Worker(write, partial_path(target))
    dialog = QProgressDialog(label, "Annuleren", 0, 0, parent)
    dialog.setWindowTitle("Bezig met exporteren")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()
    loop = QEventLoop()
    started = time.monotonic()

    def check() -> None:
        if worker.done.is_set() or dialog.wasCanceled():
            loop.quit()
        elif not dialog.isVisible() and time.monotonic() - started > SHOW_AFTER_MS / 1000:
            dialog.show()

    poll = QTimer()  # owned here and stopped below: nothing fires after this returns
    poll.setInterval(POLL_MS)
    poll.timeout.connect(check)
    dialog.canceled.connect(loop.quit)
    poll.start()
    if not worker.done.is_set():
        loop.exec()
    poll.stop()
    cancelled = dialog.wasCanceled() and not worker.done.is_set()
    dialog.hide()
    dialog.deleteLater()
    if cancelled:
        worker.cancel()
        return False, None
    if worker.error is not None:
        worker.discard()
        raise worker.error
    if worker.partial.exists():
        replace_retrying(str(worker.partial), target)
    return True, worker.result
