"""Save dialogs open in Documents first, then where that kind of file was saved last."""

from __future__ import annotations

from pathlib import Path

import pytest

from drugspreventie_app.ui import dialogs, file_folders


class Store(dict):
    def get(self, key, default=None):  # the UiStateRepository interface
        return super().get(key, default)

    def set(self, key, value) -> None:
        self[key] = value


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    documents = tmp_path / "Documenten"
    documents.mkdir()
    monkeypatch.setattr(file_folders, "documents_folder", lambda: documents)
    file_folders.install(Store())
    yield documents
    file_folders.install(None)


def test_first_save_dialog_opens_in_documents(folders: Path, monkeypatch) -> None:
    seen = {}

    def fake(parent, title, start, file_filter):
        seen["start"] = start
        return "", ""

    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", fake)
    dialogs.save_file(None, "Handout opslaan", "handout-3-mmc-ouders.pdf", "PDF (*.pdf)")
    assert seen["start"] == str(folders / "handout-3-mmc-ouders.pdf")


def test_next_dialog_opens_where_that_kind_was_saved_last(
    folders: Path, tmp_path: Path, monkeypatch
) -> None:
    school = tmp_path / "school"
    school.mkdir()
    answers = iter([str(school / "a.pdf"), "", ""])
    starts = []

    def fake(parent, title, start, file_filter):
        starts.append(start)
        return next(answers), file_filter

    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", fake)
    dialogs.save_file(None, "PDF", "a.pdf", "PDF-bestanden (*.pdf)")
    dialogs.save_file(None, "PDF", "b.pdf", "PDF-bestanden (*.pdf)")
    dialogs.save_file(None, "Word", "b.docx", "Word-documenten (*.docx)")
    assert starts[1] == str(school / "b.pdf")  # the folder of the last PDF
    assert starts[2] == str(folders / "b.docx")  # Word has not been saved anywhere yet


def test_a_folder_that_is_gone_falls_back_to_documents(folders: Path, tmp_path: Path) -> None:
    file_folders.remember("pdf", str(tmp_path / "usb-stick" / "a.pdf"))
    assert file_folders.start_folder("pdf") == folders


def test_kind_comes_from_the_filter() -> None:
    assert file_folders.kind_of("Word-documenten (*.docx)") == "docx"
    assert file_folders.kind_of("Planbestanden (*.json)") == "json"
    assert file_folders.kind_of("", "x.pdf") == "pdf"
