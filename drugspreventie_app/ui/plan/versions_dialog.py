"""View and restore the saved versions (snapshots) of a plan."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.storage.plan_repository import Snapshot


class VersionsDialog(QDialog):
    def __init__(self, snapshots: list[Snapshot], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from drugspreventie_app.ui.plan.plan_tab import snapshot_html

        self._html = snapshot_html
        self.setWindowTitle("Versies van het plan")
        self.setProperty("help_topic", "plan-opslaan")  # F1 opens the manual here
        self.resize(760, 480)
        self.snapshots = snapshots
        self.restore: Snapshot | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Bewaarde versies")
        for snap in snapshots:
            kind = "automatisch" if snap.automatic else "bewaard"
            self.list.addItem(f"{snap.created.replace('T', ' ')} · {snap.label} ({kind})")
        self.view = QTextBrowser()
        self.view.setAccessibleName("Inhoud van de gekozen versie")
        self.list.currentRowChanged.connect(self._show)
        restore = QPushButton("Deze versie &terugzetten")
        restore.clicked.connect(self._restore)
        close = QPushButton("&Sluiten")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(restore)
        buttons.addWidget(close)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.snapshots):
            self.view.setHtml(self._html(self.snapshots[row].plan()))

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.snapshots):
            self.restore = self.snapshots[row]
            self.accept()
