"""The three everyday tasks of issue 14, end to end in the window, typed and clicked as a user
would (dialogs answered by the recorder). They must run without a dead end."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QWidget

from drugspreventie_app.domain.age_range import AgeRange
from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.profile import HelpContact
from drugspreventie_app.storage.profile_repository import ProfileRepository
from drugspreventie_app.ui.main_window import MainWindow
from drugspreventie_app.ui.plan.new_plan_dialog import NewPlanDialog
from drugspreventie_app.ui.settings_dialog import SettingsDialog


@pytest.fixture
def window(qtbot, db) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    return win


def named(parent: QWidget, name: str) -> QWidget:
    (widget,) = [w for w in parent.findChildren(QWidget) if w.accessibleName() == name]
    return widget


def type_into(qtbot, widget: QWidget, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # as with the mouse: click, type
    widget.setFocus()
    QApplication.processEvents()
    qtbot.keyClicks(widget, text)


def fill_row(qtbot, table, values: list[str]) -> None:
    """Add a row and type its cells, Tab from one to the next, Enter at the end."""
    table.add_button.click()
    for n, value in enumerate(values):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        editor = QApplication.focusWidget()
        qtbot.keyClicks(editor, value)
        key = Qt.Key.Key_Tab if n < len(values) - 1 else Qt.Key.Key_Return
        qtbot.keyClick(editor, key)
        qtbot.waitUntil(lambda ed=editor: QApplication.focusWidget() is not ed)


def test_a_parents_handout_about_3mmc_with_the_school_on_it(
    qtbot, window, db, fake_dialogs, monkeypatch, tmp_path: Path
) -> None:
    middelen = window.show_tab("middelen")
    type_into(qtbot, middelen.search, "3mmc")
    assert middelen.current_sheet().slug == "3-mmc"

    def fill_settings(dialog: SettingsDialog) -> int:
        dialog.organisatie.setText("Sint-Jozefschool Aalten")
        dialog.contacts.setRowCount(1)
        from PySide6.QtWidgets import QTableWidgetItem

        for col, text in enumerate(("Tactus Verslavingszorg", "preventie", "088 3822888")):
            dialog.contacts.setItem(0, col, QTableWidgetItem(text))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", fill_settings)
    fake_dialogs.choose_answer = None  # first only look: nothing filled in yet
    middelen.print_button.click()
    dialog = fake_dialogs.handout_dialogs[-1]
    assert "Nog geen organisatie ingevuld" in dialog.profile_label.text()
    dialog.edit_button.click()  # straight to the settings, from the handout dialog
    assert "Tactus Verslavingszorg" in dialog.profile_label.text()

    fake_dialogs.choose_answer = list(Audience).index(Audience.OUDERS)
    fake_dialogs.printed_to = tmp_path / "printer.pdf"
    middelen.print_button.click()
    assert (tmp_path / "printer.pdf").exists()
    fake_dialogs.save_answer = str(tmp_path / "ouders.pdf")
    middelen.handout_button.click()
    qtbot.waitUntil((tmp_path / "ouders.pdf").exists)
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "ouders.pdf").pages)
    assert "Sint-Jozefschool Aalten" in text and "Tactus Verslavingszorg" in text
    assert ProfileRepository(db).load().hulpcontacten == [
        HelpContact("Tactus Verslavingszorg", "preventie", "088 3822888")
    ]


def test_b_interventions_for_13_to_15_in_secondary_school_two_into_a_plan(
    qtbot, window, fake_dialogs, monkeypatch
) -> None:
    def fill(dialog: NewPlanDialog) -> int:
        dialog.gemeente.setText("Gemeente Aalten")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    finder = window.show_tab("interventies")
    finder.filters.boxes["settings"]["voortgezet_onderwijs"].click()
    type_into(qtbot, finder.filters.age, "13")
    type_into(qtbot, finder.filters.age_to, "15")
    assert finder.criteria().leeftijd == AgeRange(13, 15)
    combo = finder.filters.erkenning
    combo.setCurrentIndex(combo.findData("Goed onderbouwd"))
    found = [finder.model.item_at(r) for r in range(finder.model.rowCount())]
    assert found and all(i.fits_age(13) or i.fits_age(14) or i.fits_age(15) for i in found)
    for row in (0, 1):
        finder.select_row(row)
        finder.plan_button.click()  # the first add makes the plan; the second asks nothing
    assert fake_dialogs.kinds() == ["confirm"]
    plan = window.plan_tab.session.plan
    assert [a.interventie_id for a in plan.acties] == [i.id for i in found[:2]]
    assert {a.setting for a in plan.acties} == {"voortgezet_onderwijs"}
    assert window.tabs.currentIndex() == 1  # never thrown out of the finder


def test_c_a_plan_for_aalten_filled_checked_closed_reopened_exported(
    qtbot, db, fake_dialogs, monkeypatch, tmp_path: Path
) -> None:
    from docx import Document

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()

    def fill(dialog: NewPlanDialog) -> int:
        dialog.titel.setText("Preventie- en Handhavingsplan Aalten 2027-2030")
        dialog.gemeente.setText("Gemeente Aalten")
        dialog.start.setValue(2027)
        dialog.organisatie.setText("Gemeente Aalten")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    plan_tab = window.show_tab("plan")
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(plan_tab.isVisible)  # a tab is built (and shown) when first opened
    plan_tab.new_button.click()
    pages = plan_tab.page_by_section

    plan_tab.show_section("beleidsfocus")
    named(pages["beleidsfocus"], "Model").setCurrentIndex(1)

    plan_tab.show_section("lokale_situatie")
    figures, stakeholders = pages["lokale_situatie"].tables
    fill_row(qtbot, figures, ["Ooit 3-MMC gebruikt", "scholieren 12-16", "2%", "2023", "GGD"])
    fill_row(qtbot, figures, ["Meldingen", "jongeren", "14", "twintig", "politie"])
    for name, text in (
        ("Bevindingen van professionals", "Jongerenwerk ziet gebruik in groepen."),
        ("Duiding", "Een kleine groep gebruikt; vroeg signaleren helpt."),
    ):
        type_into(qtbot, named(pages["lokale_situatie"], name), text)
    fill_row(qtbot, stakeholders, ["Tactus Verslavingszorg"])
    stakeholders.table.item(0, 4).setCheckState(Qt.CheckState.Checked)

    plan_tab.show_section("doelen")
    goals, subgoals = pages["doelen"].tables
    fill_row(qtbot, goals, ["Minder jongeren gebruiken drugs"])
    fill_row(qtbot, subgoals, ["Later beginnen", "% ooit gebruik", "2%", "1%"])

    plan_tab.show_section("acties")
    actions = pages["acties"].tables[0]
    fill_row(qtbot, actions, ["Ouderavond over 3-MMC"])
    detail = pages["acties"].action_detail
    detail.subdoelen.item(0).setCheckState(Qt.CheckState.Checked)

    plan_tab.show_section("handhaving")
    fill_row(qtbot, pages["handhaving"].tables[0], ["Controle leeftijdsgrens"])

    plan_tab.show_section("evaluatie")
    for name in ("Jaarlijkse check", "Tussentijds", "Eindevaluatie"):
        type_into(qtbot, named(pages["evaluatie"], name), "Met de werkgroep")

    findings = plan_tab.run_check()
    assert [f.key for f in findings if f.severity == "waarschuwing"][:1] == [
        "cijfer_jaar_ongeldig"
    ]  # 'twintig' is not a year
    figures.table.item(1, 3).setText("2024")
    findings = plan_tab.run_check()
    assert [f.key for f in findings if f.severity == "fout"] == []
    assert "cijfer_jaar_ongeldig" not in {f.key for f in findings}

    # mid-edit: typed, autosave not yet run, window closed
    communicatie = named(pages["communicatie"], "Kanalen")
    assert isinstance(communicatie, QPlainTextEdit)
    plan_tab.show_section("communicatie")
    type_into(qtbot, communicatie, "Nieuwsbrief van de school")
    assert plan_tab.session.dirty
    window.close()

    reopened = MainWindow(db)
    qtbot.addWidget(reopened)
    reopened.show()
    again = reopened.show_tab("plan")
    plan = again.session.plan
    assert plan.titel == "Preventie- en Handhavingsplan Aalten 2027-2030"
    assert plan.communicatie.kanalen == "Nieuwsbrief van de school"
    assert len(plan.lokale_situatie.cijfers) == 2 and plan.acties[0].subdoelen

    fake_dialogs.ask_answer = 0  # with the plan check appendix
    fake_dialogs.save_answer = str(tmp_path / "aalten.pdf")
    again.pdf_button.click()
    fake_dialogs.save_answer = str(tmp_path / "aalten.docx")
    again.docx_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "aalten.pdf").exists())
    qtbot.waitUntil(lambda: (tmp_path / "aalten.docx").exists())
    cover = PdfReader(tmp_path / "aalten.pdf").pages[0].extract_text()
    assert "Gemeente Aalten" in cover
    assert any(
        "Ouderavond over 3-MMC" in p.text for p in Document(tmp_path / "aalten.docx").paragraphs
    ) or any(
        "Ouderavond over 3-MMC" in c.text
        for t in Document(tmp_path / "aalten.docx").tables
        for r in t.rows
        for c in r.cells
    )
    assert isinstance(named(pages["beleidsfocus"], "Model"), QComboBox)
