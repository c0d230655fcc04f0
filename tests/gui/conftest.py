"""GUI tests: every dialog of the app is replaced by a recorder that answers at once."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from drugspreventie_app.ui import dialogs


@dataclass
class DialogRecorder:
    calls: list[tuple[str, str, str]] = field(default_factory=list)
    confirm_answer: bool = True
    open_answer: str = ""
    save_answer: str = ""

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.calls]

    def texts(self, kind: str) -> list[str]:
        return [text for k, _, text in self.calls if k == kind]


@pytest.fixture(autouse=True)
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    rec = DialogRecorder()

    def record(kind: str):
        def _show(parent, title, text, *args, **kwargs):
            rec.calls.append((kind, title, text))

        return _show

    for kind in ("inform", "warn", "error"):
        monkeypatch.setattr(dialogs, kind, record(kind))

    def _confirm(parent, title, text, *args, **kwargs):
        rec.calls.append(("confirm", title, text))
        return rec.confirm_answer

    def _open(parent, title, *args, **kwargs):
        rec.calls.append(("open_file", title, ""))
        return rec.open_answer

    def _save(parent, title, *args, **kwargs):
        rec.calls.append(("save_file", title, ""))
        return rec.save_answer

    monkeypatch.setattr(dialogs, "confirm", _confirm)
    monkeypatch.setattr(dialogs, "open_file", _open)
    monkeypatch.setattr(dialogs, "save_file", _save)
    return rec
