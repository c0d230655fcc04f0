"""Mouse wheel, undo/redo inside text fields, Ctrl+F, Ctrl+P, F1, mnemonics, splitters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.ui import mnemonics
from drugspreventie_app.ui.main_window import MainWindow
from drugspreventie_app.ui.plan import plan_session
from drugspreventie_app.ui.plan.plan_session import PlanSession


@pytest.fixture
def window(qtbot, db) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


@pytest.fixture
def plan_window(window: MainWindow) -> MainWindow:
    window.show_tab("plan")
    window.plan_tab._add_and_open(new_plan("PHP alcohol en drugs", "Gemeente Aalten"), "nieuw")
    return window


def _field(page: QWidget, name: str, kind: type = QWidget) -> QWidget:
    (found,) = [w for w in page.findChildren(kind) if w.accessibleName() == name]
    return found


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of the mouse wheel over `widget` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


# -- the mouse wheel -------------------------------------------------------------------------


def test_wheel_over_an_unfocused_combo_scrolls_the_page_not_the_model(plan_window) -> None:
    tab = plan_window.plan_tab
    tab.show_section("beleidsfocus")
    page = tab.page_by_section["beleidsfocus"]
    model = _field(page, "Model", QComboBox)
    model.setCurrentIndex(model.findData("rivm"))
    plan_window.resize(700, 420)  # a short window, so the page can scroll
    QApplication.processEvents()
    assert page.verticalScrollBar().maximum() > 0
    tab.navigator.setFocus()
    before = page.verticalScrollBar().value()
    for _ in range(3):
        _wheel(model)
    assert tab.session.plan.beleidsfocus.model == "rivm"  # once silently became OKO
    assert model.currentData() == "rivm"
    assert page.verticalScrollBar().value() > before  # the page scrolled instead


def test_wheel_changes_a_combo_that_has_the_focus(plan_window) -> None:
    tab = plan_window.plan_tab
    tab.show_section("beleidsfocus")
    model = _field(tab.page_by_section["beleidsfocus"], "Model", QComboBox)
    model.setFocus()
    QApplication.processEvents()
    _wheel(model)
    assert model.currentIndex() == 1


def test_combo_and_spin_boxes_do_not_take_focus_from_the_wheel(window) -> None:
    inter = window.show_tab("interventies")
    assert inter.filters.age.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert inter.filters.erkenning.focusPolicy() == Qt.FocusPolicy.StrongFocus
    _wheel(inter.filters.age, steps=1)
    assert inter.filters.age.value() == inter.filters.age.minimum()


# -- undo and redo inside text fields ------------------------------------------------------


def test_ctrl_z_and_ctrl_y_in_a_text_field_use_the_plan_history(qtbot, plan_window) -> None:
    tab = plan_window.plan_tab
    tab.show_section("beleidsfocus")
    visie = _field(tab.page_by_section["beleidsfocus"], "Visie", QPlainTextEdit)
    visie.setFocus()
    qtbot.keyClicks(visie, "Gezond opgroeien")
    assert tab.session.plan.beleidsfocus.visie == "Gezond opgroeien"

    qtbot.keyClick(visie, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.session.plan.beleidsfocus.visie == ""
    assert visie.toPlainText() == ""
    assert tab.redo_button.isEnabled()  # "Opnieuw" once stayed disabled

    qtbot.keyClick(visie, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert tab.session.plan.beleidsfocus.visie == "Gezond opgroeien"
    assert visie.toPlainText() == "Gezond opgroeien"
    assert visie.hasFocus()


def test_ctrl_z_in_a_one_line_field_undoes_the_plan_too(qtbot, plan_window) -> None:
    tab = plan_window.plan_tab
    tab.show_section("algemeen")
    gemeente = _field(tab.page_by_section["algemeen"], "Gemeente")
    gemeente.setFocus()
    gemeente.end(False)
    qtbot.keyClicks(gemeente, " (Gld)")
    assert tab.session.plan.gemeente == "Gemeente Aalten (Gld)"
    qtbot.keyClick(gemeente, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.session.plan.gemeente == "Gemeente Aalten"
    assert gemeente.text() == "Gemeente Aalten"


def test_one_undo_step_is_a_few_seconds_of_typing(monkeypatch, db) -> None:
    """Typing without pauses for a long time used to be one step: one Ctrl+Z then removed
    text typed long before."""
    from drugspreventie_app.storage.plan_repository import PlanRepository

    clock = iter(float(n) for n in range(100))
    monkeypatch.setattr(plan_session.time, "monotonic", lambda: next(clock))
    session = PlanSession(PlanRepository(db))
    session.open(new_plan("Plan", "Gemeente"))
    text = ""
    words = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")
    for word in words:
        text += word + " "  # one word a second, never a pause longer than two seconds
        session.edit("visie", lambda p, t=text: setattr(p.beleidsfocus, "visie", t), "visie")
    assert 1 < session.undo_stack.count() <= 3
    session.undo_stack.undo()
    assert session.plan.beleidsfocus.visie.startswith("een twee drie")


# -- Ctrl+F, Ctrl+P, F1 ----------------------------------------------------------------------


def test_ctrl_f_goes_to_the_search_field_of_each_tab(qtbot, window) -> None:
    middelen = window.middelen_tab
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert middelen.search.hasFocus()
    inter = window.show_tab("interventies")
    inter.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert inter.search.hasFocus()
    plan = window.show_tab("plan")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert plan.search.hasFocus()


def test_search_in_the_plan_goes_to_the_field_with_the_text(qtbot, plan_window) -> None:
    tab = plan_window.plan_tab
    tab.session.edit("visie", lambda p: setattr(p.beleidsfocus, "visie", "Jongeren gezond"))
    tab.session.edit("duiding", lambda p: setattr(p.lokale_situatie, "duiding", "Gezond? Nee."))
    tab._load_pages()
    qtbot.keyClick(plan_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.search, "gezond")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.current_section() == "beleidsfocus"
    assert QApplication.focusWidget().accessibleName() == "Visie"
    assert QApplication.focusWidget().textCursor().selectedText() == "gezond"
    tab.search.setFocus()
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.current_section() == "lokale_situatie"
    assert not tab.find_next() or tab.current_section() == "beleidsfocus"  # and round again


def test_ctrl_p_prints_what_the_tab_shows(qtbot, plan_window, fake_dialogs) -> None:
    fake_dialogs.print_answer = False  # the print dialog is cancelled
    plan_window.middelen_tab.select_slug("3-mmc")
    for name in ("middelen", "interventies", "plan"):
        plan_window.show_tab(name)
        qtbot.keyClick(plan_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs.kinds().count("print") == 3


def test_ctrl_p_in_the_plan_tab_prints_the_plan(qtbot, plan_window, fake_dialogs, tmp_path):
    from pypdf import PdfReader

    fake_dialogs.printed_to = tmp_path / "afgedrukt.pdf"
    plan_window.show_tab("plan")
    qtbot.keyClick(plan_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    printed = PdfReader(fake_dialogs.printed_to)
    assert len(printed.pages) >= 3  # cover, contents, sections


def test_f1_opens_the_manual_at_the_tab_in_use(qtbot, plan_window) -> None:
    qtbot.keyClick(plan_window, Qt.Key.Key_F1)
    help_window = plan_window._help_window
    assert help_window.isVisible()
    assert help_window.topic == "plan#algemeen"
    plan_window.plan_tab.show_section("acties")
    qtbot.keyClick(plan_window, Qt.Key.Key_F1)
    assert help_window.topic == "plan#acties"
    assert "5. Acties" in help_window.text.toPlainText()
    plan_window.show_tab("middelen")
    qtbot.keyClick(plan_window, Qt.Key.Key_F1)
    assert help_window.topic == "middelen"
    help_window.close()


def test_f1_in_a_dialog_opens_the_part_about_that_dialog(qtbot, window) -> None:
    from drugspreventie_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.open()  # modal like exec(), without waiting
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.organisatie, Qt.Key.Key_F1)
    assert dialog._help_window.isVisible()
    assert dialog._help_window.topic == "instellingen"
    dialog._help_window.close()


def test_help_menu_has_manual_and_licences(window) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    texts = [a.text() for a in help_menu.actions() if a.text()]
    assert texts[:3] == ["&Handleiding", "&Sneltoetsen", "&Licenties"]
    assert window.action_help.shortcut().toString() == "F1"


# -- mnemonics -------------------------------------------------------------------------------


def test_no_mnemonic_collides_in_any_tab(qtbot, plan_window) -> None:
    for name in ("middelen", "interventies", "plan"):
        tab = plan_window.show_tab(name)

        def missing(tab=tab) -> list[str]:
            buttons = [
                b
                for b in tab.findChildren(QPushButton)
                if b.isVisible() and b.text() and not b.property(mnemonics.KEYS_PROPERTY)
            ]
            return [b.text() for b in buttons if mnemonics.mnemonic_of(b.text()) is None]

        qtbot.waitUntil(lambda: not missing(), timeout=2000)  # assigned once shown
        assert mnemonics.collisions(plan_window) == [], name


def test_help_menu_and_handout_no_longer_share_alt_h(plan_window) -> None:
    plan_window.show_tab("middelen")
    QApplication.processEvents()
    letters = {
        mnemonics.mnemonic_of(o.text): o.where for o in mnemonics.visible_owners(plan_window)
    }
    assert letters["h"] == "menu '&Help'"
    assert letters["b"] == "menu '&Bestand'"


def test_free_letters_go_to_buttons_without_one(qtbot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    first, second, keyed = QPushButton("&Opslaan", box), QPushButton("Openen", box), None
    keyed = QPushButton("Omhoog", box)
    keyed.setProperty(mnemonics.KEYS_PROPERTY, "Alt+Up")
    for n, button in enumerate((first, second, keyed)):
        button.move(0, 30 * n)
    box.show()
    mnemonics.assign_missing(box)
    assert second.text() == "O&penen"
    assert keyed.text() == "Omhoog"  # has its own keys, keeps the letters free
    assert mnemonics.collisions(box) == []


# -- splitters -------------------------------------------------------------------------------


def test_splitter_positions_survive_a_restart(qtbot, db) -> None:
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.resize(1000, 600)
    first.show()
    inter = first.show_tab("interventies")
    splitter = inter.findChild(QSplitter, "interventies_splitter")
    sizes = splitter.sizes()
    changed = [sizes[0] + 60, sizes[1] - 60, sizes[2]]
    splitter.setSizes(changed)
    moved = splitter.sizes()
    first.close()
    again = MainWindow(db)
    qtbot.addWidget(again)
    again.resize(1000, 600)
    again.show()
    inter = again.show_tab("interventies")
    assert inter.findChild(QSplitter, "interventies_splitter").sizes() == moved


def test_a_choice_inside_a_table_cell_is_reached_with_the_keyboard(qtbot, plan_window) -> None:
    tab = plan_window.plan_tab
    tab.show_section("acties")
    table = tab.page_by_section["acties"].tables[0]
    table.table.setFocus()
    qtbot.keyClick(table.table, Qt.Key.Key_Insert)  # "Vrije maatregel toevoegen"
    assert len(tab.session.plan.acties) == 1
    table.table.setCurrentCell(0, 1)  # the Niveau column
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    combo = table.table.cellWidget(0, 1)
    assert combo.view().isVisible()  # its list is open
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert tab.session.plan.acties[0].niveau != ""


def test_tab_leaves_a_table_instead_of_walking_its_cells(qtbot, window) -> None:
    inter = window.show_tab("interventies")
    inter.table.setFocus()
    qtbot.keyClick(inter.table, Qt.Key.Key_Tab)
    assert not inter.table.hasFocus()  # 67 rows x 5 columns once trapped Tab


def test_tab_order_follows_the_screen_in_interventies(qtbot, window) -> None:
    inter = window.show_tab("interventies")
    QApplication.processEvents()
    inter.search.setFocus()
    qtbot.keyClick(inter.search, Qt.Key.Key_Backtab)  # Shift+Tab
    assert inter.filters.clear_button.hasFocus()
    inter.search.setFocus()
    qtbot.keyClick(inter.search, Qt.Key.Key_Tab)
    assert inter.table.hasFocus()


def test_alt_letter_of_a_filter_group_goes_to_its_first_choice(qtbot, window) -> None:
    inter = window.show_tab("interventies")
    group = inter.filters.boxes["settings"]["gezin"].parentWidget()
    qtbot.waitUntil(lambda: mnemonics.mnemonic_of(group.title()) is not None, timeout=2000)
    letter = mnemonics.mnemonic_of(group.title())
    inter.search.setFocus()
    qtbot.keyClick(inter.search, letter, Qt.KeyboardModifier.AltModifier)
    assert inter.filters.boxes["settings"]["gezin"].hasFocus()
