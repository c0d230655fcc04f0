from __future__ import annotations

from PySide6.QtCore import QUrl

from drugspreventie_app.content.licences import third_party_components
from drugspreventie_app.ui.help_window import HelpWindow
from drugspreventie_app.ui.licences_dialog import LicencesDialog


def test_licences_dialog_lists_components_and_shows_their_text(qtbot) -> None:
    dialog = LicencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(third_party_components())
    names = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    row = next(n for n, text in enumerate(names) if text.startswith("reportlab"))
    dialog.list.setCurrentRow(row)
    assert "Licentie:" in dialog.text.toPlainText()
    assert "Redistribution" in dialog.text.toPlainText()


def test_manual_window_follows_links_and_contents(qtbot) -> None:
    window = HelpWindow()
    qtbot.addWidget(window)
    window.open_topic("start")
    assert "Zo werkt de Werkbank" in window.text.toPlainText()
    window.text.anchorClicked.emit(QUrl("plan.html"))
    assert window.topic == "plan"
    window.contents.setCurrentRow(window.contents.count() - 1)
    assert window.topic == "toetsenbord"
    assert "Ctrl+F" in window.text.toPlainText()
