"""Application-wide guards installed once on the QApplication, so that every widget, also
the ones other parts of the program add later, gets the same behaviour:

* Tab moves on from lists and tables instead of through every cell;
* the mouse wheel scrolls the page instead of changing a combo or spin box the pointer
  happens to pass over (a plan's model once changed from RIVM to OKO that way); those boxes
  react to the wheel only once they have the keyboard focus;
* every dialog fits the available screen when it opens;
* visible push buttons without an Alt+letter get a free one (see mnemonics.py);
* inside a widget marked as an undo scope (the plan tab), Ctrl+Z and Ctrl+Y go to that
  widget's own undo history, not to the text field that has the focus: a field's private
  undo knows nothing of autosave, and left "Opnieuw" disabled;
* F1 in a dialog opens the manual at the part about that dialog (its `help_topic`
  property); in the main window F1 is a menu shortcut.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QWidget,
)

from drugspreventie_app.ui import mnemonics
from drugspreventie_app.ui.screen_fit import fit_dialog

WHEEL_SHY = (QComboBox, QAbstractSpinBox)
UNDO_SCOPE_PROPERTY = "werkbank_undo_scope"
HELP_TOPIC_PROPERTY = "help_topic"


def is_undo_or_redo(event: QKeyEvent) -> bool:
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        )
    )


def undo_scope_of(widget: QObject) -> QWidget | None:
    while widget is not None:
        if isinstance(widget, QWidget) and widget.property(UNDO_SCOPE_PROPERTY):
            return widget
        if isinstance(widget, QWidget) and widget.isWindow():
            return None
        widget = widget.parent()
    return None


def scrollable_ancestor(widget: QWidget, vertical: bool) -> QAbstractScrollArea | None:
    """The nearest enclosing scroll area that can still scroll in that direction."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            bar = parent.verticalScrollBar() if vertical else parent.horizontalScrollBar()
            if bar.maximum() > bar.minimum():
                return parent
        parent = parent.parentWidget()
    return None


def fit_combo_box(combo: QComboBox) -> None:
    """A combo box as wide as its longest choice made whole plan pages wider than their
    pane (the RIVM model reads over 100 characters); it now takes the width it is given and
    its open list shows the full texts."""
    if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)


class AppGuards(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: weakref.WeakSet[QWidget] = weakref.WeakSet()
        self.help_opener: Callable[[str, QWidget], object] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            return self._wheel(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.ShortcutOverride:
            # Not accepting the override lets the key reach the scope's undo action.
            return is_undo_or_redo(event) and undo_scope_of(watched) is not None  # type: ignore[arg-type]
        if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F1:  # type: ignore[attr-defined]
            return self._dialog_help(watched)
        if kind == QEvent.Type.Polish and isinstance(watched, WHEEL_SHY):
            # WheelFocus would let the wheel take the focus and then change the value.
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if isinstance(watched, QComboBox):
                fit_combo_box(watched)
        elif kind == QEvent.Type.Polish and isinstance(watched, QAbstractItemView):
            # Tab leaves a list or table instead of walking through every cell (a keyboard
            # trap in a table of 67 rows); the arrow keys move between cells, and Tab still
            # goes to the next cell while one is being edited.
            watched.setTabKeyNavigation(False)
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget):
            if isinstance(watched, QDialog):
                fit_dialog(watched)
            self._schedule_mnemonics(watched.window())
        return False

    def _wheel(self, watched: QObject, event: QWheelEvent) -> bool:
        if not isinstance(watched, WHEEL_SHY) or watched.hasFocus():
            return False
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False  # the open list of a combo box scrolls as usual
        delta = event.angleDelta()
        vertical = abs(delta.y()) >= abs(delta.x())
        area = scrollable_ancestor(watched, vertical)
        if area is not None:
            bar = area.verticalScrollBar() if vertical else area.horizontalScrollBar()
            QApplication.sendEvent(bar, event)
        return True

    def _dialog_help(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget) or self.help_opener is None:
            return False
        window = watched.window()
        topic = window.property(HELP_TOPIC_PROPERTY)
        if not isinstance(window, QDialog) or not topic:
            return False
        self.help_opener(str(topic), window)
        return True

    def _schedule_mnemonics(self, window: QWidget) -> None:
        if window in self._pending:
            return
        self._pending.add(window)
        ref = weakref.ref(window)

        def run() -> None:
            target = ref()
            if target is None:
                return
            self._pending.discard(target)
            try:
                if target.isVisible():
                    mnemonics.assign_missing(target)
            except RuntimeError:
                pass  # the window was deleted by Qt in the meantime

        QTimer.singleShot(0, run)


def install(app: QApplication | None = None) -> AppGuards:
    """Install the guards once; later calls return the installed ones."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    existing = getattr(app, "_werkbank_guards", None)
    if existing is not None:
        return existing
    guards = AppGuards(app)
    app.installEventFilter(guards)
    app._werkbank_guards = guards  # type: ignore[attr-defined]
    return guards
