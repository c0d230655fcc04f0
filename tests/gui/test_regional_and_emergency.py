"""From the region chosen in Instellingen to the printed handout and the plan's stakeholders;
the emergency section in the factsheet view."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.storage.profile_repository import ProfileRepository
from drugspreventie_app.ui.middelen.middelen_tab import MiddelenTab
from drugspreventie_app.ui.plan.plan_tab import PlanTab
from drugspreventie_app.ui.settings_dialog import SettingsDialog


def _settings(qtbot, db) -> SettingsDialog:
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    return dialog


def _save(dialog: SettingsDialog) -> None:
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()


def test_choosing_a_municipality_shows_and_stores_its_institution(qtbot, db) -> None:
    dialog = _settings(qtbot, db)
    dialog.regio.setCurrentText("Tilburg")
    assert "Novadic-Kentron" in dialog.regional_result.text()
    _save(dialog)
    profile = ProfileRepository(db).load()
    assert profile.regio == "Tilburg"
    assert profile.regionale_instelling.naam == "Novadic-Kentron"
    again = _settings(qtbot, db)
    assert again.regio.currentText() == "Tilburg"
    assert "Novadic-Kentron" in again.regional_result.text()


def test_a_municipality_not_in_the_directory_says_so(qtbot, db) -> None:
    dialog = _settings(qtbot, db)
    dialog.regio.setCurrentText("Aalten")
    assert "staat niet in de lijst" in dialog.regional_result.text()
    dialog.add_contact()  # the user types the contact as before
    dialog.contacts.item(0, 0).setText("Verslavingszorg Achterhoek")
    _save(dialog)
    profile = ProfileRepository(db).load()
    assert profile.regio == "Aalten" and profile.regionale_instelling is None
    assert profile.hulpcontacten[0].naam == "Verslavingszorg Achterhoek"


def test_handout_prints_the_chosen_institution(qtbot, db, fake_dialogs, tmp_path: Path) -> None:
    dialog = _settings(qtbot, db)
    dialog.regio.setCurrentText("Overijssel")
    _save(dialog)
    tab = MiddelenTab(db)
    qtbot.addWidget(tab)
    tab.select_slug("ghb")
    fake_dialogs.choose_answer = 1  # ouders
    fake_dialogs.save_answer = str(tmp_path / "ouders.pdf")
    tab.make_handout()
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "ouders.pdf").pages)
    text = " ".join(text.split())
    assert "Tactus Verslavingszorg (tactus.nl)" in text
    assert "Wat te doen bij een noodgeval" in text


def test_factsheet_view_shows_the_emergency_section(qtbot, db) -> None:
    tab = MiddelenTab(db)
    qtbot.addWidget(tab)
    tab.select_slug("heroine")
    text = tab.detail.toPlainText()
    assert "Wat te doen bij een noodgeval" in text
    assert "naloxon" in text
    assert "Drug, set en setting" in text


def _regional_button(tab: PlanTab) -> QPushButton:
    page = tab.page_by_section["lokale_situatie"]
    return next(
        b
        for b in page.findChildren(QPushButton)
        if "Regionale verslavingszorg" in b.text().replace("&", "")
    )


def test_plan_adds_the_regional_institution_in_one_step(qtbot, db, fake_dialogs) -> None:
    tab = PlanTab(db)
    qtbot.addWidget(tab)
    tab._add_and_open(new_plan("PHP", "Gemeente Test"), "nieuw")
    tab.show_section("lokale_situatie")

    _regional_button(tab).click()  # no region chosen yet
    assert fake_dialogs.kinds() == ["inform"]
    assert not tab.session.plan.lokale_situatie.stakeholders

    dialog = _settings(qtbot, db)
    dialog.regio.setCurrentText("Maastricht")
    _save(dialog)
    _regional_button(tab).click()
    stakeholders = tab.session.plan.lokale_situatie.stakeholders
    assert [s.organisatie for s in stakeholders] == ["Mondriaan"]
    assert stakeholders[0].verslavingspreventie
    assert "geen_verslavingszorg" not in {f.key for f in tab.run_check()}
    _regional_button(tab).click()  # twice does not add it twice
    assert len(tab.session.plan.lokale_situatie.stakeholders) == 1
    tab.session.undo_stack.undo()
    assert not tab.session.plan.lokale_situatie.stakeholders
