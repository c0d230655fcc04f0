"""Help > Licenties: the third-party components the Werkbank ships and their licence texts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app import APP_NAME
from drugspreventie_app.content.licences import Component, third_party_components
from drugspreventie_app.ui import screen_fit


class LicencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Licenties")
        self.setProperty("help_topic", "start")
        self.components: tuple[Component, ...] = third_party_components()
        intro = QLabel(
            f"{APP_NAME} gebruikt de volgende onderdelen van anderen. Kies een onderdeel om "
            "de licentie te lezen."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Onderdelen van derden")
        for n, component in enumerate(self.components):
            item = QListWidgetItem(
                f"{component.name} {component.version}\n{component.kind} · {component.licence}"
            )
            item.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(item)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Licentietekst")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.list.currentRowChanged.connect(self._show)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        limit = screen_fit.usable_size(self)
        self.resize(min(860, limit.width()), min(600, limit.height()))
        if self.components:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            return
        component = self.components[row]
        header = (
            f"{component.name} {component.version}\nLicentie: {component.licence}\n"
            + "-" * 60
            + "\n\n"
        )
        body = component.text or (
            "De licentietekst staat niet in de pakketgegevens van dit onderdeel. De licentie "
            f"is: {component.licence}."
        )
        self.text.setPlainText(header + body)
        self.text.setAccessibleDescription(f"Licentie van {component.name}")
