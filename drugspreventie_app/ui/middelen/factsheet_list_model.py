"""List model of the factsheets shown in the Middelen tab (already searched and filtered)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from drugspreventie_app.domain.factsheet import Factsheet


class FactsheetRole(IntEnum):
    SLUG = Qt.ItemDataRole.UserRole + 1
    SHEET = Qt.ItemDataRole.UserRole + 2


class FactsheetListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._sheets: list[Factsheet] = []

    def set_sheets(self, sheets: list[Factsheet]) -> None:
        self.beginResetModel()
        self._sheets = list(sheets)
        self.endResetModel()

    def sheet_at(self, row: int) -> Factsheet | None:
        return self._sheets[row] if 0 <= row < len(self._sheets) else None

    def row_of(self, slug: str) -> int:
        return next((i for i, s in enumerate(self._sheets) if s.slug == slug), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sheets)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._sheets):
            return None
        sheet = self._sheets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return sheet.naam
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{sheet.stofgroep} · {sheet.status.short}"
        if role == FactsheetRole.SLUG:
            return sheet.slug
        if role == FactsheetRole.SHEET:
            return sheet
        return None
