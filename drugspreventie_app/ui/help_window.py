"""The manual window (F1): contents on the left, the chosen part on the right.

It is not modal, so the user can read while working; opened from a modal dialog it belongs to
that dialog, or the dialog would block it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.content.manual import manual_pages, resolve
from drugspreventie_app.ui import screen_fit

STYLE = "h1 { font-size: 15pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; }"


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Handleiding – Drugspreventie Werkbank")
        self.setModal(False)
        self.contents = QListWidget()
        self.contents.setAccessibleName("Inhoud van de handleiding")
        for page in manual_pages():
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.topic)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._chosen)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Tekst van de handleiding")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._link)
        self.text.document().setDefaultStyleSheet(STYLE)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        limit = screen_fit.usable_size(self)
        self.resize(min(820, limit.width()), min(600, limit.height()))
        self.topic = ""

    def open_topic(self, topic: str) -> None:
        page, anchor = resolve(topic)
        self.topic = page.topic + (f"#{anchor}" if anchor else "")
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page.topic:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
        self.text.setHtml(page.html)
        self.text.setAccessibleDescription(page.title)
        if anchor:
            self.text.scrollToAnchor(anchor)
        else:
            self.text.verticalScrollBar().setValue(0)

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.open_topic(item.data(Qt.ItemDataRole.UserRole))

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if url.scheme() in ("http", "https", "mailto"):
            return  # the manual never sends anyone online; the app has no network
        if target.startswith("#"):  # a link within the page shown
            target = self.topic.partition("#")[0] + target
        self.open_topic(target)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # scrolling to an anchor only works once the text has its real width
        _, anchor = resolve(self.topic) if self.topic else (None, "")
        if anchor:
            self.text.scrollToAnchor(anchor)


def show_help(topic: str, parent: QWidget) -> HelpWindow:
    """Show the manual at `topic`, reusing the window `parent` already has open."""
    window = getattr(parent, "_help_window", None)
    if not isinstance(window, HelpWindow):
        window = HelpWindow(parent)
        parent._help_window = window  # type: ignore[attr-defined]
    window.open_topic(topic)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
