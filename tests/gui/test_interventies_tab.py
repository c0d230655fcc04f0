from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from drugspreventie_app.storage.local_interventions_repository import LocalInterventionsRepository
from drugspreventie_app.ui.interventies.coverage_view import NIVEAU_IDS, SETTING_IDS
from drugspreventie_app.ui.interventies.interventions_tab import InterventiesTab
from drugspreventie_app.ui.interventies.local_intervention_dialog import LocalInterventionDialog


@pytest.fixture
def tab(qtbot, db) -> InterventiesTab:
    widget = InterventiesTab(db)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    return widget


def shown_names(tab: InterventiesTab) -> list[str]:
    return [tab.model.item_at(r).naam for r in range(tab.model.rowCount())]


def test_model(qtmodeltester, tab) -> None:
    qtmodeltester.check(tab.model)


def test_school_coordinator_finds_interventions_for_14_year_olds(qtbot, tab) -> None:
    tab.filters.boxes["settings"]["voortgezet_onderwijs"].setChecked(True)
    tab.filters.age.setValue(14)
    tab.filters.boxes["niveaus"]["U"].setChecked(True)
    names = shown_names(tab)
    assert "Samen Fris" in names and "Frisse Start" not in names
    # live counts reflect the other filters
    assert tab.filters.boxes["niveaus"]["U"].text() == f"Universeel ({len(names)})"
    # guidance is prominent
    assert tab.niet_doen_banner.isVisible()
    assert "peer-educatie" in tab.niet_doen_banner.text().lower()
    assert "Wat werkt" in tab.advice_view.toPlainText()
    # detail pane for a chosen row
    tab.select_row(names.index("Samen Fris"))
    details = tab.details.toPlainText()
    assert "Samen Fris" in details and "Goed onderbouwd" in details and "13-15 jaar" in details


def test_typo_search_and_empty_state(qtbot, tab) -> None:
    qtbot.keyClicks(tab.search, "helder op scool")
    assert "Helder op School" in shown_names(tab)
    tab.search.setText("voorzorg")
    tab.filters.boxes["settings"]["uitgaansleven"].setChecked(True)
    assert tab.model.rowCount() == 0
    assert tab.empty_label.isVisible()
    # regression: it said "Zet het filter 'de zoekterm' uit"
    assert tab.empty_label.text() == "Geen interventies gevonden. Wis de zoekterm: dan zijn er 14."
    tab.filters.clear()
    tab.search.clear()
    assert tab.model.rowCount() == len(tab.finder.items)


def test_gap_matrix_click_filters_to_the_cell(qtbot, tab) -> None:
    tab.side_tabs.setCurrentWidget(tab.coverage)
    row, col = SETTING_IDS.index("uitgaansleven"), NIVEAU_IDS.index("HR")
    expected = int(tab.coverage.table.item(row, col).text())
    assert expected > 0
    rect = tab.coverage.table.visualRect(tab.coverage.table.model().index(row, col))
    qtbot.mouseClick(tab.coverage.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.filters.boxes["settings"]["uitgaansleven"].isChecked()
    assert tab.filters.boxes["niveaus"]["HR"].isChecked()
    assert tab.model.rowCount() == expected


def test_add_edit_delete_local_intervention(qtbot, tab, fake_dialogs, monkeypatch) -> None:
    def fill_and_save(dialog: LocalInterventionDialog) -> int:
        if dialog.existing is None:
            dialog.naam.setText("Zomeravond <jongerenwerk> & 😀")
            dialog.beschrijving.setPlainText("Gesprekken op straat.")
            dialog.leeftijd_van.setValue(14)
            dialog.leeftijd_tot.setValue(18)
            dialog.settings["gemeenschap"].setChecked(True)
            dialog.niveaus["S"].setChecked(True)
        else:
            dialog.naam.setText("Zomeravond 2.0")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(LocalInterventionDialog, "exec", fill_and_save)
    tab.add_local()
    assert tab.current_item().naam == "Zomeravond <jongerenwerk> & 😀"
    assert tab.current_item().lokaal
    assert tab.edit_action.isEnabled()
    tab.filters.local_only.setChecked(True)
    assert shown_names(tab) == ["Zomeravond <jongerenwerk> & 😀"]

    tab.edit_local()
    assert shown_names(tab) == ["Zomeravond 2.0"]

    tab.delete_local()
    assert shown_names(tab) == []
    assert tab.undo_button.isVisible()
    tab.undo_delete()
    assert shown_names(tab) == ["Zomeravond 2.0"]


def test_invalid_local_intervention_keeps_dialog_open(qtbot, db) -> None:
    dialog = LocalInterventionDialog(LocalInterventionsRepository(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.naam.setText("Alleen een naam")
    dialog.save()
    assert dialog.isVisible()
    assert "Beschrijving is verplicht" in dialog.problems.text()
    assert "Kies minstens één setting" in dialog.problems.text()


def test_malformed_import_shows_error_and_changes_nothing(tab, fake_dialogs, tmp_path) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet af", encoding="utf-8")
    fake_dialogs.open_answer = str(bad)
    before = tab.model.rowCount()
    tab.import_local()
    assert "niets geïmporteerd" in fake_dialogs.texts("error")[0]
    assert tab.model.rowCount() == before


def test_export_selection_writes_pdf(tab, fake_dialogs, tmp_path: Path) -> None:
    from pypdf import PdfReader

    tab.filters.boxes["settings"]["voortgezet_onderwijs"].setChecked(True)
    tab.filters.age.setValue(12)
    fake_dialogs.save_answer = str(tmp_path / "overzicht")
    tab.export_selection()
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "overzicht.pdf").pages)
    assert "Frisse Start" in text
    assert "Niet doen" in text or "NIET DOEN" in text.upper()


def test_add_to_plan_hook(tab) -> None:
    assert not tab.plan_button.isVisibleTo(tab)
    received = []
    tab.connect_add_to_plan(lambda item, criteria: received.append(item), lambda: None)
    assert tab.plan_button.isVisibleTo(tab)
    tab.search.setText("Moti-4")
    tab.plan_button.click()
    assert [i.naam for i in received] == ["Moti-4"]
    assert not tab.added_box.isVisibleTo(tab)  # nothing was added: no confirmation


def test_export_selection_asks_the_format_and_writes_word(tab, fake_dialogs, tmp_path: Path):
    from docx import Document

    tab.filters.boxes["settings"]["voortgezet_onderwijs"].setChecked(True)
    tab.filters.age.setValue(12)
    fake_dialogs.choose_answer = 1  # Word (.docx)
    fake_dialogs.save_answer = str(tmp_path / "overzicht")
    tab.export_selection()
    assert fake_dialogs.texts("choose") == ["PDF|Word (.docx)"]
    doc = Document(tmp_path / "overzicht.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Frisse Start" in headings
    assert any(t.rows[0].cells[0].text == "Niet doen" for t in doc.tables)
    assert not (tmp_path / "overzicht.pdf").exists()


def test_export_selection_typed_extension_wins_and_cancel(tab, fake_dialogs, tmp_path: Path):
    from pypdf import PdfReader

    fake_dialogs.choose_answer = 1
    fake_dialogs.save_answer = str(tmp_path / "toch-een.pdf")
    tab.export_selection()
    assert PdfReader(tmp_path / "toch-een.pdf").pages

    fake_dialogs.choose_answer = None  # the format question was cancelled
    fake_dialogs.calls.clear()
    tab.export_selection()
    assert fake_dialogs.kinds() == ["choose"]
