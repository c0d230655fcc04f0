"""The gap matrix: settings x niveaus with the number of interventions in each cell."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.intervention import NIVEAUS, SETTINGS

SETTING_IDS = list(SETTINGS)
NIVEAU_IDS = list(NIVEAUS)


def cell_colour(count: int) -> QColor:
    """Empty cells stand out; the more interventions, the darker the blue."""
    if count == 0:
        return QColor("#f6d7d2")
    if count <= 2:
        return QColor("#e3ecf7")
    if count <= 5:
        return QColor("#bcd2ec")
    return QColor("#8fb3de")


class CoverageView(QWidget):
    cell_chosen = Signal(str, str)  # setting id, niveau id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Aantal interventies per setting en preventieniveau, met de andere filters zoals ze "
            "staan. Lege (rode) cellen laten zien waar het aanbod dun is. Klik op een cel om "
            "daarop te filteren.\nU = universeel, S = selectief, I = geïndiceerd, "
            "Z = zorggerelateerd, HR = harm reduction."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(SETTING_IDS), len(NIVEAU_IDS))
        # Short headers: the full names do not fit a narrow side pane (legend above).
        self.table.setHorizontalHeaderLabels(list(NIVEAUS))
        for col, name in enumerate(NIVEAUS.values()):
            self.table.horizontalHeaderItem(col).setToolTip(name)
        self.table.setVerticalHeaderLabels([SETTINGS[s] for s in SETTING_IDS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellClicked.connect(self._clicked)
        self.table.setAccessibleName("Dekkingsmatrix")
        layout.addWidget(self.table)

    def set_counts(self, cells: dict[tuple[str, str], int]) -> None:
        for row, setting in enumerate(SETTING_IDS):
            for col, niveau in enumerate(NIVEAU_IDS):
                count = cells.get((setting, niveau), 0)
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(cell_colour(count)))
                item.setForeground(QBrush(QColor("black")))
                item.setToolTip(f"{SETTINGS[setting]}, {NIVEAUS[niveau]}: {count}")
                self.table.setItem(row, col, item)

    def count_at(self, setting: str, niveau: str) -> int:
        item = self.table.item(SETTING_IDS.index(setting), NIVEAU_IDS.index(niveau))
        return int(item.text()) if item else 0

    def _clicked(self, row: int, col: int) -> None:
        self.cell_chosen.emit(SETTING_IDS[row], NIVEAU_IDS[col])
