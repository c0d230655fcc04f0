"""Building blocks of the section editors: text fields, choice lists and row tables that
write every change through the PlanSession (so it is undoable and autosaved)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.domain.text_policy import clean_text
from drugspreventie_app.ui.mnemonics import KEYS_PROPERTY
from drugspreventie_app.ui.plan.plan_session import PlanSession
from drugspreventie_app.ui.wrapping_check import WrappingCheckBox

BUTTONS_PER_ROW = 2
FIXED_SHARE = 0.55  # at most this part of a table's width goes to its fixed-width columns
MIN_FIXED_COLUMN = 52


def _set_path(obj: Any, path: tuple[str, ...], value: Any) -> None:
    for name in path[:-1]:
        obj = getattr(obj, name)
    setattr(obj, path[-1], value)


def _get_path(obj: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        obj = getattr(obj, name)
    return obj


def set_plain_text_keeping_cursor(widget: QPlainTextEdit, value: str) -> None:
    """Replace the text (after undo/redo) without throwing the cursor back to the start."""
    position = widget.textCursor().position()
    widget.setPlainText(value)
    cursor = widget.textCursor()
    cursor.setPosition(min(position, len(value)))
    widget.setTextCursor(cursor)


def set_line_text_keeping_cursor(widget: QLineEdit, value: str) -> None:
    position = widget.cursorPosition()
    widget.setText(value)
    widget.setCursorPosition(min(position, len(value)))


def keep_to_text_rule(widget: QPlainTextEdit | QLineEdit, session: PlanSession) -> str:
    """The widget's text under the text rule; when typing or pasting brought in something the
    rule does not accept, the widget shows the cleaned text at once (cursor kept in place) and
    the status bar says what changed."""
    raw = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    value, changes = clean_text(raw)
    if value == raw:
        return value
    if changes:
        session.text_cleaned.emit(changes.message())
    with QSignalBlocker(widget):
        if isinstance(widget, QPlainTextEdit):
            set_plain_text_keeping_cursor(widget, value)
        else:
            set_line_text_keeping_cursor(widget, value)
    return value


class Binder:
    """Keeps a set of widgets in step with the open plan, in both directions."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self._loaders: list[Callable[[Plan], None]] = []

    def load(self, plan: Plan) -> None:
        for loader in self._loaders:
            loader(plan)

    def text(self, path: tuple[str, ...], label: str, *, multiline: bool = True) -> QWidget:
        widget: QPlainTextEdit | QLineEdit
        if multiline:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(70)
            widget.setAccessibleName(label)
            # the plan's history (Ctrl+Z/Ctrl+Y) is the only undo; see app_guards
            widget.setUndoRedoEnabled(False)

            def changed() -> None:
                value = keep_to_text_rule(widget, self.session)
                self.session.edit(
                    f"{label} gewijzigd",
                    lambda p: _set_path(p, path, value),
                    merge_key=".".join(path),
                )

            widget.textChanged.connect(changed)

            def load(plan: Plan) -> None:
                value = _get_path(plan, path)
                if widget.toPlainText() != value:
                    with QSignalBlocker(widget):
                        set_plain_text_keeping_cursor(widget, value)

        else:
            widget = QLineEdit()
            widget.setAccessibleName(label)

            def changed_line(value: str) -> None:
                value = keep_to_text_rule(widget, self.session)
                self.session.edit(
                    f"{label} gewijzigd",
                    lambda p: _set_path(p, path, value),
                    merge_key=".".join(path),
                )

            widget.textChanged.connect(changed_line)

            def load(plan: Plan) -> None:
                value = _get_path(plan, path)
                if widget.text() != value:
                    with QSignalBlocker(widget):
                        set_line_text_keeping_cursor(widget, value)

        self._loaders.append(load)
        return widget

    def lines(self, path: tuple[str, ...], label: str) -> QPlainTextEdit:
        """A list of short texts, one per line."""
        widget = QPlainTextEdit()
        widget.setTabChangesFocus(True)
        widget.setMinimumHeight(70)
        widget.setPlaceholderText("Eén per regel")
        widget.setAccessibleName(label)
        widget.setUndoRedoEnabled(False)

        def changed() -> None:
            text = keep_to_text_rule(widget, self.session)
            items = [line.strip() for line in text.splitlines() if line.strip()]
            self.session.edit(
                f"{label} gewijzigd", lambda p: _set_path(p, path, items), ".".join(path)
            )

        widget.textChanged.connect(changed)

        def load(plan: Plan) -> None:
            items = _get_path(plan, path)
            current = [x.strip() for x in widget.toPlainText().splitlines() if x.strip()]
            if current != items:
                with QSignalBlocker(widget):
                    set_plain_text_keeping_cursor(widget, "\n".join(items))

        self._loaders.append(load)
        return widget

    def choice(
        self, path: tuple[str, ...], label: str, options: dict[str, str], empty: str | None = None
    ) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(label)
        if empty is not None:
            combo.addItem(empty, "")
        for key, text in options.items():
            combo.addItem(text, key)

        def changed(_index: int) -> None:
            value = combo.currentData()
            self.session.edit(f"{label} gewijzigd", lambda p: _set_path(p, path, value))

        combo.currentIndexChanged.connect(changed)

        def load(plan: Plan) -> None:
            index = combo.findData(_get_path(plan, path))
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(index, 0))

        self._loaders.append(load)
        return combo

    def checks(
        self,
        path: tuple[str, ...],
        label: str,
        options: dict[str, str] | tuple[str, ...],
        columns: int = 2,
    ) -> QWidget:
        """Several checkboxes storing the chosen keys (or texts) as a list."""
        values = options if isinstance(options, dict) else {o: o for o in options}
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes: dict[str, WrappingCheckBox] = {}
        for n, (key, text) in enumerate(values.items()):
            check = WrappingCheckBox(text)
            boxes[key] = check
            grid.addWidget(check, n // columns, n % columns)

        def changed() -> None:
            chosen = [k for k, b in boxes.items() if b.isChecked()]
            self.session.edit(f"{label} gewijzigd", lambda p: _set_path(p, path, chosen))

        for check in boxes.values():
            check.toggled.connect(changed)

        def load(plan: Plan) -> None:
            chosen = set(_get_path(plan, path))
            for key, check in boxes.items():
                with QSignalBlocker(check):
                    check.setChecked(key in chosen)

        self._loaders.append(load)
        box.boxes = boxes  # type: ignore[attr-defined]  # for tests and keyboard users
        return box

    def add_loader(self, loader: Callable[[Plan], None]) -> None:
        self._loaders.append(loader)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text | int | bool | choice
    choices: dict[str, str] | None = None
    width: int = 0
    editable: bool = True


class RowTable(QWidget):
    """A table over one list of the plan (figures, stakeholders, ...) with add, remove and
    move buttons. Every change is one undoable edit."""

    current_row_changed = Signal(int)

    def __init__(
        self,
        session: PlanSession,
        title: str,
        rows: Callable[[Plan], list],
        factory: Callable[[], Any],
        columns: list[Column],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.title = title
        self.rows = rows
        self.factory = factory
        self.columns = columns
        self._loading = False

        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([c.label for c in columns])
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for i, col in enumerate(columns):
            if col.width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, col.width)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        # a choice inside a cell (niveau, setting, ...) is reached with F2 or Space
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)  # its width sets the column widths
        self.table.currentCellChanged.connect(lambda row, *_: self.current_row_changed.emit(row))

        # A page can hold several tables, so their buttons work with keys in the table rather
        # than Alt+letters (which would run out and collide): Insert, Delete, Alt+Up/Down.
        self.add_button = self._keyed_button("Toevoegen", "Insert", "Regel toevoegen")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = self._keyed_button(
            "Verwijderen", "Delete", "De gekozen regel verwijderen"
        )
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button = self._keyed_button("Omhoog", "Alt+Up", "De gekozen regel omhoog")
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button = self._keyed_button("Omlaag", "Alt+Down", "De gekozen regel omlaag")
        self.down_button.clicked.connect(lambda: self.move_row(1))
        # in rows of two: one long row made the page wider than its pane at 150%
        self._buttons = [self.add_button, self.remove_button, self.up_button, self.down_button]
        self._button_grid = QGridLayout()
        self._button_grid.setContentsMargins(0, 0, 0, 0)
        self._place_buttons()
        buttons = QHBoxLayout()
        buttons.addLayout(self._button_grid)
        buttons.addStretch()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # a plain bold heading with the table as buddy: Alt+letter goes to the table
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setBuddy(self.table)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Space)
        ):
            combo = self.table.cellWidget(self.table.currentRow(), self.table.currentColumn())
            if isinstance(combo, QComboBox) and combo.isEnabled():
                combo.setFocus(Qt.FocusReason.TabFocusReason)
                combo.showPopup()
                return True
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Narrow the fixed columns when the pane is narrow (150% scaling), so the column
        that holds the main text keeps about half of the width instead of wrapping its words
        letter by letter."""
        fixed = [(i, c.width) for i, c in enumerate(self.columns) if c.width]
        total = sum(width for _, width in fixed)
        room = self.table.viewport().width() * FIXED_SHARE
        factor = min(1.0, room / total) if total and room > 0 else 1.0
        header = self.table.horizontalHeader()
        for i, width in fixed:
            header.resizeSection(i, max(MIN_FIXED_COLUMN, int(width * factor)))

    def _place_buttons(self) -> None:
        for n, button in enumerate(self._buttons):
            self._button_grid.addWidget(button, n // BUTTONS_PER_ROW, n % BUTTONS_PER_ROW)

    def insert_button(self, index: int, button: QPushButton) -> None:
        """An extra button next to the table's own (such as 'Interventie uit catalogus')."""
        self._buttons.insert(index, button)
        for placed in self._buttons:
            self._button_grid.removeWidget(placed)
        self._place_buttons()

    def _keyed_button(self, text: str, keys: str, what: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty(KEYS_PROPERTY, keys)
        button.setToolTip(f"{what} ({keys} in de tabel)")
        action = QAction(what, self.table)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(button.click)
        self.table.addAction(action)
        return button

    # -- plan -> table -----------------------------------------------------------------------

    def _reload(self) -> None:
        if self.session.plan is not None:
            self.load(self.session.plan)

    def load(self, plan: Plan) -> None:
        self._loading = True
        current = self.table.currentRow()
        try:
            items = self.rows(plan)
            self.table.setRowCount(len(items))
            for r, item in enumerate(items):
                for c, col in enumerate(self.columns):
                    self._fill(r, c, col, getattr(item, col.key))
            self.table.resizeRowsToContents()
        finally:
            self._loading = False
        if items:
            self.table.setCurrentCell(min(max(current, 0), len(items) - 1), 0)
        self.current_row_changed.emit(self.table.currentRow())

    def _fill(self, r: int, c: int, col: Column, value: Any) -> None:
        if col.kind == "choice":
            combo = self.table.cellWidget(r, c)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                for key, text in (col.choices or {}).items():
                    combo.addItem(text, key)
                combo.currentIndexChanged.connect(
                    lambda _i, combo=combo, key=col.key: self._combo_changed(combo, key)
                )
                self.table.setCellWidget(r, c, combo)
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(combo.findData(value), 0))
            return
        item = QTableWidgetItem()
        if col.kind == "bool":
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        else:
            item.setText("" if value is None else str(value))
            if not col.editable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(r, c, item)

    # -- table -> plan -----------------------------------------------------------------------

    def _set(self, row: int, key: str, value: Any) -> None:
        def mutate(plan: Plan) -> None:
            items = self.rows(plan)
            if 0 <= row < len(items):
                setattr(items[row], key, value)

        self.session.edit(f"{self.title}: {key} gewijzigd", mutate, f"{self.title}.{row}.{key}")

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        col = self.columns[item.column()]
        if col.kind == "bool":
            self._set(item.row(), col.key, item.checkState() == Qt.CheckState.Checked)
        elif col.kind == "int":
            text = item.text().strip()
            self._set(item.row(), col.key, int(text) if text.isdigit() else None)
        else:
            self._set(item.row(), col.key, item.text())

    def _combo_changed(self, combo: QComboBox, key: str) -> None:
        if self._loading:
            return
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                if self.table.cellWidget(r, c) is combo:
                    self._set(r, key, combo.currentData())
                    return

    def add_row(self) -> None:
        new = self.factory()
        self.session.edit(f"{self.title}: regel toegevoegd", lambda p: self.rows(p).append(new))
        self._reload()
        self.start_typing(self.table.rowCount() - 1)

    def first_text_column(self) -> int:
        return next(
            (i for i, c in enumerate(self.columns) if c.kind in ("text", "int") and c.editable),
            0,
        )

    def start_typing(self, row: int) -> None:
        """Open the row's first text cell for typing: a new row is there to be filled in, and a
        choice column first (Handhaving) would otherwise take the typed letters."""
        column = self.first_text_column()
        self.table.setCurrentCell(row, column)
        item = self.table.item(row, column)
        if item is not None:
            self.table.setFocus()
            self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.session.edit(
            f"{self.title}: regel verwijderd",
            lambda p: self.rows(p).pop(row) if row < len(self.rows(p)) else None,
        )
        self._reload()

    def move_row(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta

        def mutate(plan: Plan) -> None:
            items = self.rows(plan)
            if 0 <= row < len(items) and 0 <= target < len(items):
                items[row], items[target] = items[target], items[row]

        self.session.edit(f"{self.title}: volgorde gewijzigd", mutate)
        self._reload()
        if 0 <= target < self.table.rowCount():
            self.table.setCurrentCell(target, 0)
