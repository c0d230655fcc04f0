"""The plan cycle in the plan tab: overview with lights, typing measurements and statuses,
CSV import through the preview, and the progress report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from drugspreventie_app.content.example_plan import fresh_example_plan
from drugspreventie_app.domain.plan.model import Doel, Subdoel, new_plan
from drugspreventie_app.domain.plan.progress import ACHTER, OP_KOERS
from drugspreventie_app.ui.plan import progress_page
from drugspreventie_app.ui.plan.csv_import_dialog import CsvImportDialog
from drugspreventie_app.ui.plan.plan_tab import PlanTab
from tests.conftest import REPO_ROOT

SAMPLES = REPO_ROOT / "data" / "voorbeelden"


@pytest.fixture
def tab(qtbot, db) -> PlanTab:
    widget = PlanTab(db)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


@pytest.fixture
def example(tab: PlanTab) -> PlanTab:
    tab._add_and_open(fresh_example_plan(), "voorbeeld")
    tab.show_section("voortgang")
    return tab


@pytest.fixture
def fresh(tab: PlanTab) -> PlanTab:
    plan = new_plan("Cyclus", "Gemeente Voorbeeld", start=2026)
    plan.doelen = [
        Doel(
            omschrijving="Minder alcohol onder jongeren",
            subdoelen=[
                Subdoel(
                    omschrijving="Minder drinken in klas 4",
                    indicator="Percentage scholieren in klas 4 dat in de afgelopen vier weken "
                    "alcohol dronk",
                    nulmeting="38% (2023)",
                    streefwaarde="30%",
                    streefjaar=2027,
                )
            ],
        )
    ]
    tab._add_and_open(plan, "nieuw")
    tab.show_section("voortgang")
    return tab


def test_voortgang_is_in_the_navigator_and_shows_lights(qtbot, example: PlanTab) -> None:
    page = example.pages.currentWidget()
    assert page is example.progress_page
    lights = [p.light for p in page.overview.progress_items()]
    assert len(lights) == 6 and set(lights) == {OP_KOERS, ACHTER}
    assert page.year == 2027  # the last year with data
    assert "Achter: 2" in page.counts.text() and "Op koers: 4" in page.counts.text()
    qtbot.waitUntil(lambda: page.overview.accessibleDescription() != "")
    description = page.overview.accessibleDescription()
    assert "Doel Jongeren onder 18 jaar beginnen later" in description
    assert "Gemeten: 2027: 33." in description


def test_an_earlier_year_changes_the_lights(example: PlanTab) -> None:
    page = example.progress_page
    page.year_box.setCurrentIndex(page.year_box.findData(2026))
    assert "(tot en met 2026)" in page.counts.text()
    assert page.actions.year == 2026


def test_keyboard_opens_a_cards_measurements(qtbot, example: PlanTab) -> None:
    page = example.progress_page
    page.overview.setFocus()
    qtbot.keyClick(page.overview, Qt.Key.Key_Right)
    qtbot.keyClick(page.overview, Qt.Key.Key_Right)
    qtbot.keyClick(page.overview, Qt.Key.Key_Return)
    assert page.tabs.currentWidget() is page.measurements
    second = page.overview.progress_items()[1].subdoel
    assert page.measurements.subdoel_id == second.id
    assert page.measurements.table.table.rowCount() == 2


def test_click_on_a_card_opens_its_measurements(qtbot, example: PlanTab) -> None:
    page = example.progress_page
    card = page.overview._cards[0]
    qtbot.mouseClick(page.overview, Qt.MouseButton.LeftButton, pos=card.rect.center())
    assert page.measurements.subdoel_id == card.progress.subdoel.id


def test_typing_a_measurement_turns_the_light_and_can_be_undone(qtbot, fresh: PlanTab) -> None:
    page = fresh.progress_page
    assert [p.light for p in page.overview.progress_items()] == ["geen_gegevens"]
    page.tabs.setCurrentWidget(page.measurements)
    editor = page.measurements
    editor.table.add_button.click()
    table = editor.table.table
    assert table.item(0, 0).text() == "2026"  # the first year of the period
    table.item(0, 1).setText("32%")
    table.item(0, 2).setText("GGD Gezondheidsmonitor Jeugd")
    sub = fresh.session.plan.all_subdoelen()[0]
    assert (sub.metingen[0].jaar, sub.metingen[0].waarde) == (2026, "32%")
    page.tabs.setCurrentIndex(0)
    assert [p.light for p in page.overview.progress_items()] == [OP_KOERS]
    fresh.session.undo_stack.undo()
    fresh.session.undo_stack.undo()
    assert fresh.session.plan.all_subdoelen()[0].metingen[0].waarde == ""


def test_action_status_per_year(qtbot, example: PlanTab) -> None:
    page = example.progress_page
    page.tabs.setCurrentWidget(page.actions)
    page.actions.set_year(2028)
    table = page.actions.table
    assert table.item(0, 0).text().startswith("Helder op School")
    combo = table.cellWidget(0, 2)
    assert isinstance(combo, QComboBox) and combo.currentData() == ""
    combo.setCurrentIndex(combo.findData("afgerond"))
    table.item(0, 3).setText("1.250")
    table.item(0, 5).setText("€ 17.800")
    actie = example.session.plan.acties[0]
    entry = next(s for s in actie.voortgang if s.jaar == 2028)
    assert (entry.status, entry.bereik, entry.uitgegeven) == ("afgerond", 1250, 17800)
    assert table.item(0, 5).text() == "17800"


def _import(monkeypatch, fake_dialogs, tab: PlanTab, path: Path, answer: bool, setup=None):
    fake_dialogs.open_answer = str(path)
    seen: list[CsvImportDialog] = []

    def run(dialog: CsvImportDialog) -> bool:
        seen.append(dialog)
        if setup:
            setup(dialog)
        return answer

    monkeypatch.setattr(progress_page, "run_dialog", run)
    tab.progress_page.import_csv()
    return seen[0]


def test_csv_import_adds_nothing_until_confirmed(monkeypatch, fake_dialogs, fresh) -> None:
    before = fresh.session.plan.to_dict()
    dialog = _import(
        monkeypatch, fake_dialogs, fresh, SAMPLES / "gezondheidsmonitor-jeugd-voorbeeld.csv", False
    )
    assert dialog.region_edit.text() == "Gemeente Voorbeeld"  # the plan's own municipality
    assert dialog.preview is not None and dialog.preview.count == 6
    assert "1 metingen bij subdoelen" in dialog.summary.text()
    assert fresh.session.plan.to_dict() == before


def test_csv_import_confirmed_is_one_undoable_step(monkeypatch, fake_dialogs, fresh) -> None:
    _import(
        monkeypatch, fake_dialogs, fresh, SAMPLES / "gezondheidsmonitor-jeugd-voorbeeld.csv", True
    )
    plan = fresh.session.plan
    assert [(m.jaar, m.waarde) for m in plan.all_subdoelen()[0].metingen] == [(2027, "33%")]
    assert len(plan.lokale_situatie.cijfers) == 5
    fresh.session.undo_stack.undo()
    assert fresh.session.plan.all_subdoelen()[0].metingen == []


def test_csv_series_can_be_sent_elsewhere(monkeypatch, fake_dialogs, fresh) -> None:
    from drugspreventie_app.domain.plan.csv_import import SKIP

    def skip_all_but_alcohol(dialog: CsvImportDialog) -> None:
        for series in dialog.result.series():
            if series != ("Alcohol gedronken in de afgelopen 4 weken", "Klas 4"):
                dialog.set_target(series, SKIP)

    _import(monkeypatch, fake_dialogs, fresh, SAMPLES / "gezondheidsmonitor-jeugd-voorbeeld.csv",
            True, skip_all_but_alcohol)  # fmt: skip
    assert fresh.session.plan.lokale_situatie.cijfers == []
    assert len(fresh.session.plan.all_subdoelen()[0].metingen) == 1


def test_malformed_csv_shows_the_line_and_adds_nothing(
    monkeypatch, fake_dialogs, fresh, tmp_path
) -> None:
    bad = tmp_path / "fout.csv"
    bad.write_text("Indicator;Jaar;Waarde;Bron\nCannabis;2027;veel;GGD\n", encoding="utf-8")
    before = fresh.session.plan.to_dict()
    dialog = _import(monkeypatch, fake_dialogs, fresh, bad, True)
    assert "Regel 2: in de kolom 'Waarde' staat 'veel' is geen getal." in dialog.message.text()
    assert not dialog.add_button.isEnabled()
    assert fresh.session.plan.to_dict() == before


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_progress_report_from_the_page(fake_dialogs, example: PlanTab, tmp_path, fmt) -> None:
    target = tmp_path / f"rapport.{fmt}"
    fake_dialogs.save_answer = str(target)
    button = example.progress_page.pdf_button if fmt == "pdf" else example.progress_page.docx_button
    button.click()
    assert target.exists() and target.stat().st_size > 5000
    assert "error" not in fake_dialogs.kinds()


def test_statline_file_asks_for_a_source_then_reads(
    qtbot, monkeypatch, fake_dialogs, fresh
) -> None:
    def fill_source(dialog: CsvImportDialog) -> None:
        assert "Elk cijfer heeft een bron nodig" in dialog.message.text()
        dialog.source_edit.setText("CBS StatLine 2027")
        qtbot.keyClick(dialog.source_edit, Qt.Key.Key_Return)

    dialog = _import(
        monkeypatch, fake_dialogs, fresh, SAMPLES / "statline-voorbeeld.csv", True, fill_source
    )
    assert dialog.result is not None and dialog.result.other_region == 2
    cijfers = fresh.session.plan.lokale_situatie.cijfers
    assert {c.bron for c in cijfers} == {"CBS StatLine 2027"}
    assert [c.waarde for c in cijfers if c.indicator.startswith("Zware")] == ["8,4", "8,1"]
