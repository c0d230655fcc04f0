"""Table model of the filtered interventions (already sorted strongest evidence first)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from drugspreventie_app.domain.intervention import NIVEAUS, Intervention

# Settings are left to the detail pane: with them the name column got too narrow to read.
COLUMNS = ("Naam", "Erkenning", "Leeftijd", "Niveaus", "Soort")


class InterventionRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    ITEM = Qt.ItemDataRole.UserRole + 2


class InterventionTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[Intervention] = []
        self._in_plan: set[str] = set()
        self._local_font = QFont()
        self._local_font.setItalic(True)

    def set_items(self, items: list[Intervention]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def set_in_plan(self, ids: set[str]) -> None:
        """Mark these interventions (already actions in the chosen plan) with a ✓."""
        if ids != self._in_plan:
            self._in_plan = set(ids)
            if self._items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 0))

    def item_at(self, row: int) -> Intervention | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: str) -> int:
        return next((r for r, i in enumerate(self._items) if i.id == item_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        item = self.item_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(item, index.column())
            return f"✓ {text}" if index.column() == 0 and item.id in self._in_plan else text
        if role == Qt.ItemDataRole.ToolTipRole:
            mark = "\n(staat al in het plan)" if item.id in self._in_plan else ""
            return f"{item.naam}{mark}\n{item.erkenning}\n\n{item.beschrijving}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and item.id in self._in_plan:
            return "staat al in het plan"
        if role == Qt.ItemDataRole.FontRole and item.lokaal:
            return self._local_font
        if role == InterventionRole.ID:
            return item.id
        if role == InterventionRole.ITEM:
            return item
        return None

    @staticmethod
    def _display(item: Intervention, column: int) -> str:
        if column == 0:
            return item.naam
        if column == 1:
            return item.erkenning
        if column == 2:
            return item.age_text()
        if column == 3:
            return ", ".join(n for n in NIVEAUS if n in item.niveaus)
        return "lokaal" if item.lokaal else "catalogus"
