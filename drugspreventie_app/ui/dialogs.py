"""Every message box and file dialog of the app goes through here.

One place to patch in tests (no test may wait on a modal dialog) and one place that fixes the
Dutch button texts.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str = "Doorgaan") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def open_file(parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
    return path


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path
