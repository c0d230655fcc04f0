"""The real message boxes (not the recorder): literal text, buttons that say what they do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from drugspreventie_app.ui import dialogs


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, qtbot) -> list[QMessageBox]:
    """Capture each box instead of showing it; it answers with its default button."""
    boxes: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        boxes.append(box)
        box.defaultButton() and box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


@pytest.fixture(autouse=True)
def fake_dialogs():  # the gui conftest would replace the very functions tested here
    return None


def test_user_text_is_shown_literally(shown) -> None:
    """Regression: 'Ouderavond Aalten <i>Fris</i>' showed in italics."""
    dialogs.confirm(None, "Verwijderen", "Actie 'Ouderavond Aalten <i>Fris</i>' verwijderen?")
    dialogs.inform(None, "Opgeslagen", "<b>vet</b>")
    dialogs.error(None, "Fout", "<u>x</u>")
    assert [b.textFormat() for b in shown] == [Qt.TextFormat.PlainText] * 3
    assert "<i>Fris</i>" in shown[0].text()


def test_confirm_default_can_be_the_safe_choice(shown) -> None:
    assert dialogs.confirm(None, "t", "x", "Toch maken", default_yes=False) is False
    assert shown[-1].defaultButton().text() == "Annuleren"
    assert dialogs.confirm(None, "t", "x", "Doorgaan") is True


def test_ask_returns_the_answer_and_escape_cancels(shown) -> None:
    answer = dialogs.ask(None, "t", "x", ["Met", "Zonder", "Annuleren"], default=1)
    assert answer == 1
    assert shown[-1].escapeButton().text() == "Annuleren"
    assert [b.text() for b in shown[-1].buttons()] == ["Met", "Zonder", "Annuleren"]
