"""Every message box and file dialog of the app goes through here.

One place to patch in tests (no test may wait on a modal dialog) and one place that fixes the
Dutch button texts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from drugspreventie_app.ui import file_folders


def _message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box that shows its text literally: what the user typed ('Ouderavond
    <i>Fris</i>') must not turn into markup (Qt's default guesses rich text from tags)."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = _message_box(parent, icon, title, text)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, QMessageBox.Icon.Warning, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, QMessageBox.Icon.Critical, title, text)


def notify(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A warning that does not block: start-up and storage notices must not hold up the
    program (or a scripted `--exit-when-ready`) until someone clicks OK. User text in `text`
    is shown literally, never as markup."""
    box = _message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.open()
    return box


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    yes_text: str = "Doorgaan",
    *,
    no_text: str = "Annuleren",
    default_yes: bool = True,
) -> bool:
    """Two buttons that say what they do; `default_yes=False` where going ahead is the risky
    choice, so Enter takes the safe one."""
    return ask(parent, title, text, [yes_text, no_text], default=0 if default_yes else 1) == 0


def ask(
    parent: QWidget | None, title: str, text: str, buttons: list[str], default: int = 0
) -> int | None:
    """A question with one button per answer (the last one cancels, as Esc does); returns
    the index of the answer, or None when the dialog was closed without one."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text)
    made = []
    for n, label in enumerate(buttons):
        last = n == len(buttons) - 1
        role = QMessageBox.ButtonRole.RejectRole if last else QMessageBox.ButtonRole.AcceptRole
        made.append(box.addButton(label, role))
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else None


def open_file(parent: QWidget | None, title: str, file_filter: str, folder: str = "") -> str:
    kind = file_folders.kind_of(file_filter)
    start = folder or str(file_folders.start_folder(kind))
    path, _ = QFileDialog.getOpenFileName(parent, title, start, file_filter)
    file_folders.remember(kind, path)
    return path


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str:
    """Opens in Documents the first time, then where this kind of file was saved last."""
    kind = file_folders.kind_of(file_filter, suggested)
    start = file_folders.initial_path(suggested, kind)
    path, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    file_folders.remember(kind, path)
    return path


def choose(
    parent: QWidget | None, title: str, label: str, options: list[str], current: int = 0
) -> int | None:
    """Let the user pick one option; returns its index, or None on cancel."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getItem(parent, title, label, options, current, False)
    return options.index(text) if ok and text in options else None


def print_setup(parent: QWidget | None, printer: object, page_count: int = 0) -> bool:
    """The system print dialog, with the page range offered when the page count is known;
    True when the user chose to print."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Afdrukken")
    if page_count > 0:
        dialog.setMinMax(1, page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user, or None on cancel."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def action_buttons(
    ok_text: str,
    on_ok: Callable[[], object],
    on_cancel: Callable[[], object],
    ok_button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
) -> QDialogButtonBox:
    """The OK/Annuleren row of our own dialogs, with Dutch texts whatever Qt's locale."""
    box = QDialogButtonBox(ok_button | QDialogButtonBox.StandardButton.Cancel)
    box.button(ok_button).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
    box.accepted.connect(on_ok)
    box.rejected.connect(on_cancel)
    return box
