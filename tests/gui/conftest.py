"""GUI tests: every dialog of the app is replaced by a recorder that answers at once."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from drugspreventie_app.ui import dialogs


@dataclass
class DialogRecorder:
    calls: list[tuple[str, str, str]] = field(default_factory=list)
    confirm_answer: bool = True
    confirm_defaults: list[bool] = field(default_factory=list)
    ask_answer: int | None = 0
    open_answer: str = ""
    save_answer: str = ""
    choose_answer: int | None = 0
    format_answer: str = ""  # ".pdf" or ".docx" in the handout dialog; "" leaves it
    text_answer: str | None = None
    print_answer: bool = True
    printed_to: object = None
    print_pages: tuple[int, int] | None = None  # what the user typed as page range
    print_copies: int = 1
    handout_dialogs: list = field(default_factory=list)
    print_page_count: int = 0  # what the dialog was told about the document

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

    for kind in ("inform", "warn", "error", "notify"):
        monkeypatch.setattr(dialogs, kind, record(kind))

    def _confirm(parent, title, text, *args, **kwargs):
        rec.calls.append(("confirm", title, text))
        rec.confirm_defaults.append(kwargs.get("default_yes", True))
        return rec.confirm_answer

    def _ask(parent, title, text, buttons, *args, **kwargs):
        rec.calls.append(("ask", title, text + "|" + "|".join(buttons)))
        return rec.ask_answer

    def _open(parent, title, *args, **kwargs):
        rec.calls.append(("open_file", title, ""))
        return rec.open_answer

    def _save(parent, title, *args, **kwargs):
        rec.calls.append(("save_file", title, ""))
        return rec.save_answer

    def _choose(parent, title, label, options, *args, **kwargs):
        rec.calls.append(("choose", title, "|".join(options)))
        return rec.choose_answer

    def _print_setup(parent, printer, page_count=0):
        rec.calls.append(("print", "Afdrukken", ""))
        rec.print_page_count = page_count
        if rec.print_answer and rec.printed_to:
            from PySide6.QtPrintSupport import QPrinter

            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(rec.printed_to))
            if rec.print_pages:
                printer.setFromTo(*rec.print_pages)
            printer.setCopyCount(rec.print_copies)
            # a modest printer keeps tests quick; test_printing checks the resolution itself
            printer.setResolution(150)
        return rec.print_answer

    def _ask_text(parent, title, label, text="", *args, **kwargs):
        rec.calls.append(("ask_text", title, label))
        return rec.text_answer

    from drugspreventie_app.ui.middelen.handout_dialog import AUDIENCES, HandoutDialog

    def _handout_exec(dialog: HandoutDialog) -> int:
        """The handout dialog answers like `choose` (audience index) plus `format_answer`."""
        labels = "|".join(a.label for a in AUDIENCES)
        rec.calls.append(("choose", dialog.windowTitle(), labels))
        rec.handout_dialogs.append(dialog)
        if rec.choose_answer is None:
            return 0
        dialog.set_audience(AUDIENCES[rec.choose_answer])
        if rec.format_answer:
            dialog.set_suffix(rec.format_answer)
        return 1

    monkeypatch.setattr(HandoutDialog, "exec", _handout_exec)
    monkeypatch.setattr(dialogs, "ask_text", _ask_text)
    monkeypatch.setattr(dialogs, "choose", _choose)
    monkeypatch.setattr(dialogs, "print_setup", _print_setup)
    monkeypatch.setattr(dialogs, "confirm", _confirm)
    monkeypatch.setattr(dialogs, "ask", _ask)
    monkeypatch.setattr(dialogs, "open_file", _open)
    monkeypatch.setattr(dialogs, "save_file", _save)
    return rec
