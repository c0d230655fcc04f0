"""Choose an intervention from the catalogue (and the user's local ones) for a plan action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder
from drugspreventie_app.ui import dialogs


class InterventionPicker(QDialog):
    def __init__(self, finder: InterventionFinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Interventie kiezen")
        self.setProperty("help_topic", "plan-acties")  # F1 opens the manual here
        self.resize(560, 520)
        self.finder = finder
        self.chosen: Intervention | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam (typefouten mogen)…")
        self.search.setAccessibleName("Zoek een interventie")
        self.search.textChanged.connect(self.refresh)
        self.list = QListWidget()
        self.list.setAccessibleName("Interventies")
        self.list.itemDoubleClicked.connect(lambda _i: self.accept_current())
        buttons = dialogs.action_buttons("Toevoegen als actie", self.accept_current, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Sterkste bewijs eerst. Eigen (lokale) interventies staan erbij."))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for item in self.finder.filter(Criteria(tekst=self.search.text())):
            local = " (lokaal)" if item.lokaal else ""
            row = QListWidgetItem(f"{item.naam}{local} — {item.erkenning}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
        if self.list.count():
            self.list.setCurrentRow(0)

    def accept_current(self) -> None:
        row = self.list.currentItem()
        if row is None:
            return
        self.chosen = self.finder.by_id.get(row.data(Qt.ItemDataRole.UserRole))
        self.accept()
