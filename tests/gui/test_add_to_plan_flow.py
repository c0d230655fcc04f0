"""Task (b) of issue 14 in the window: find interventions for 13-15-year-olds in secondary
school with good evidence and add two to a plan, without a dead end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from drugspreventie_app.domain.age_range import AgeRange
from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.storage.plan_repository import PlanRepository
from drugspreventie_app.ui.main_window import MainWindow
from drugspreventie_app.ui.plan.new_plan_dialog import NewPlanDialog


@pytest.fixture
def window(qtbot, db) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    return win


def _filter_secondary_school_13_15(tab) -> None:
    tab.filters.boxes["settings"]["voortgezet_onderwijs"].setChecked(True)
    tab.filters.age.setValue(13)
    tab.filters.age_to.setValue(15)


def _select(tab, name: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.item_at(r).naam == name)
    tab.select_row(row)


def test_age_range_filter_is_one_search(window: MainWindow) -> None:
    tab = window.show_tab("interventies")
    _filter_secondary_school_13_15(tab)
    assert tab.criteria().leeftijd == AgeRange(13, 15)
    assert "Voortgezet onderwijs, 13-15 jaar" in tab.advice_view.toPlainText()
    ranged = {tab.model.item_at(r).id for r in range(tab.model.rowCount())}
    single: set[str] = set()
    for age in (13, 14, 15):
        tab.filters.set_ages(AgeRange(age, age))
        single |= {tab.model.item_at(r).id for r in range(tab.model.rowCount())}
    assert ranged == single


def test_no_plan_offers_to_make_one_and_stays(qtbot, window, fake_dialogs, monkeypatch):
    """Regression: 'Er is nog geen plan' was a dead end."""

    def fill(dialog: NewPlanDialog) -> int:
        dialog.gemeente.setText("Gemeente Aalten")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    tab = window.show_tab("interventies")
    _filter_secondary_school_13_15(tab)
    _select(tab, "Moti-4")
    tab.plan_button.click()
    assert fake_dialogs.kinds() == ["confirm"]  # "Nieuw plan maken"
    assert "nog geen plan" in fake_dialogs.texts("confirm")[0]
    assert window.tabs.currentIndex() == 1  # still in Interventies
    assert tab.added_box.isVisibleTo(tab)
    assert "Gemeente Aalten" in tab.added_label.text()
    assert [p.gemeente for p in PlanRepository(window.db).list()] == ["Gemeente Aalten"]
    assert window.plan_tab.session.plan.acties[0].naam == "Moti-4"
    assert tab.model.data(tab.model.index(tab.model.row_of("moti-4"), 0)).startswith("✓ ")


def test_action_takes_the_filtered_setting_and_ages(window, fake_dialogs, db) -> None:
    """Regression: Moti-4 landed under 'Zorg en sociaal domein' for a school search."""
    PlanRepository(db).save(new_plan("PHP", "Gemeente Aalten", start=2027))
    tab = window.show_tab("interventies")
    _filter_secondary_school_13_15(tab)
    _select(tab, "Moti-4")
    tab.plan_button.click()
    assert "choose" not in fake_dialogs.kinds()  # one plan: no question
    action = window.plan_tab.session.plan.acties[-1]
    assert action.setting == "voortgezet_onderwijs"
    assert (action.leeftijd_van, action.leeftijd_tot) == (14, 15)  # Moti-4 starts at 14
    assert "(Voortgezet onderwijs, 14-15 jaar)" in tab.added_label.text()


def test_two_adds_in_a_row_and_the_marks(qtbot, window, fake_dialogs, db) -> None:
    PlanRepository(db).save(new_plan("PHP", "Gemeente Aalten", start=2027))
    tab = window.show_tab("interventies")
    _filter_secondary_school_13_15(tab)
    tab.filters.erkenning.setCurrentIndex(tab.filters.erkenning.findData("Goed onderbouwd"))
    names = [tab.model.item_at(r).naam for r in range(tab.model.rowCount())]
    assert len(names) >= 2
    for name in names[:2]:
        _select(tab, name)
        tab.plan_button.click()
    plan = window.plan_tab.session.plan
    assert [a.naam for a in plan.acties] == names[:2]
    marked = [
        tab.model.data(tab.model.index(r, 0))
        for r in range(tab.model.rowCount())
        if tab.model.data(tab.model.index(r, 0)).startswith("✓ ")
    ]
    assert marked == [f"✓ {n}" for n in names[:2]]
    assert tab.plan_label.text() == "✓ = staat al in het plan ‘Gemeente Aalten · 2027-2030’"

    # the same one again: asked first, and 'no' is the default
    fake_dialogs.confirm_answer = False
    tab.plan_button.click()
    assert fake_dialogs.confirm_defaults[-1] is False
    assert len(window.plan_tab.session.plan.acties) == 2

    # "Naar het plan" opens the actions of that plan
    tab.to_plan_button.click()
    assert window.tabs.currentIndex() == 2
    assert window.plan_tab.current_section() == "acties"


def test_several_plans_are_offered_with_the_open_one_first(window, fake_dialogs, db) -> None:
    repo = PlanRepository(db)
    repo.save(new_plan("PHP", "Gemeente Aalten", start=2027))
    repo.save(new_plan("PHP", "Gemeente Winterswijk", start=2027))
    open_id = window.plan_tab.session.plan.id
    tab = window.show_tab("interventies")
    _select(tab, "Moti-4")
    fake_dialogs.choose_answer = 0
    tab.plan_button.click()
    (options,) = fake_dialogs.texts("choose")
    assert len(options.split("|")) == 2
    assert window.plan_tab.session.plan.id == open_id


def test_keyboard_only(qtbot, window, fake_dialogs, db) -> None:
    """Filter by keyboard, add with the button's Alt+letter, keep the focus in the list."""
    from drugspreventie_app.ui import mnemonics

    PlanRepository(db).save(new_plan("PHP", "Gemeente Aalten", start=2027))
    tab = window.show_tab("interventies")
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(tab.isVisible)  # a lazily built tab is shown a moment later
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "moti")
    tab.table.setFocus()
    qtbot.waitUntil(lambda: mnemonics.mnemonic_of(tab.plan_button.text()) is not None)
    letter = mnemonics.mnemonic_of(tab.plan_button.text())
    key = Qt.Key(ord(letter.upper()))
    qtbot.keyClick(tab.table, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(tab.added_box.isVisible)  # a mnemonic "animates" the click first
    assert window.plan_tab.session.plan.acties[-1].naam == "Moti-4"
    assert tab.table.hasFocus()


def test_plan_coverage_matrix_is_clickable(qtbot, window, fake_dialogs, db) -> None:
    """Regression: the matrix in the plan tab did nothing on a click."""
    from drugspreventie_app.domain.intervention import NIVEAUS, SETTINGS
    from drugspreventie_app.domain.plan.model import Actie

    PlanRepository(db).save(new_plan("PHP", "Gemeente Aalten", start=2027))
    plan_tab = window.show_tab("plan")
    actions = [
        Actie(naam="Vrije maatregel", setting="gezin", niveau="U"),
        Actie(naam="Ouderavond <i>Fris</i>", setting="voortgezet_onderwijs", niveau="U"),
    ]
    plan_tab.session.edit("acties", lambda p: p.acties.extend(actions))
    plan_tab.run_check()
    panel = plan_tab.check_panel
    row, col = list(SETTINGS).index("voortgezet_onderwijs"), list(NIVEAUS).index("U")
    rect = panel.coverage.visualRect(panel.coverage.model().index(row, col))
    qtbot.mouseClick(panel.coverage.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.cell_info.text() == (
        "Voortgezet onderwijs, universeel: 1 actie: Ouderavond <i>Fris</i>"
    )
    panel.show_actions_button.click()
    assert plan_tab.current_section() == "acties"
    assert plan_tab.page_by_section["acties"].tables[0].table.currentRow() == 1

    empty = list(NIVEAUS).index("HR")
    panel.choose_cell(row, empty)  # what Enter on a cell does
    assert "nog geen acties" in panel.cell_info.text()
    assert not panel.show_actions_button.isEnabled()
    panel.find_button.click()
    assert window.tabs.currentIndex() == 1
    finder = window.interventies_tab
    assert finder.filters.boxes["settings"]["voortgezet_onderwijs"].isChecked()
    assert finder.filters.boxes["niveaus"]["HR"].isChecked()
