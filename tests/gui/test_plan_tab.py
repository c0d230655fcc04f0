from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.storage.plan_repository import PlanRepository
from drugspreventie_app.ui.plan.new_plan_dialog import NewPlanDialog
from drugspreventie_app.ui.plan.plan_session import PlanSession
from drugspreventie_app.ui.plan.plan_tab import PlanTab


@pytest.fixture
def tab(qtbot, db) -> PlanTab:
    widget = PlanTab(db)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    return widget


@pytest.fixture
def opened(tab: PlanTab) -> PlanTab:
    tab._add_and_open(new_plan("PHP alcohol en drugs", "Gemeente Test"), "nieuw")
    return tab


def findings(tab: PlanTab) -> set[str]:
    return {f.key for f in tab.run_check()}


def test_new_plan_from_template(qtbot, tab, monkeypatch) -> None:
    def fill(dialog: NewPlanDialog) -> int:
        dialog.gemeente.setText("Gemeente Zonnedal")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    tab.new_plan()
    plan = tab.session.plan
    assert plan.gemeente == "Gemeente Zonnedal"
    assert plan.periode_eind - plan.periode_start == 3
    assert tab.plan_list.count() == 1
    assert [w.naam for w in plan.inleiding.wetten][:2] == ["Opiumwet", "Alcoholwet"]
    assert tab.navigator.count() == 10  # nine chapters and Voortgang


def test_sections_show_guiding_questions(opened) -> None:
    opened.show_section("doelen")
    page = opened.pages.currentWidget()
    assert page.section.id == "doelen"
    text = " ".join(label.text() for label in page.widget().findChildren(type(opened.empty_label)))
    assert "Wat wil je bereiken?" in text


def test_editing_updates_check_and_is_undoable(qtbot, opened) -> None:
    keys = findings(opened)
    assert "geen_model" in keys and "geen_cijfers" in keys
    from PySide6.QtWidgets import QComboBox

    page = opened.page_by_section["beleidsfocus"]
    # choose the RIVM model through the page's own combo box
    (combo,) = [c for c in page.findChildren(QComboBox) if c.accessibleName() == "Model"]
    combo.setCurrentIndex(combo.findData("rivm"))
    assert opened.session.plan.beleidsfocus.model == "rivm"
    assert "geen_model" not in findings(opened)

    qtbot.keyClick(opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.session.plan.beleidsfocus.model == ""
    assert "geen_model" in findings(opened)
    qtbot.keyClick(opened, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert opened.session.plan.beleidsfocus.model == "rivm"


def test_typing_is_one_undo_step_and_reaches_the_database(qtbot, opened, db) -> None:
    page = opened.page_by_section["beleidsfocus"]
    visie = next(
        w
        for w in page.widget().findChildren(object)
        if getattr(w, "accessibleName", None) and w.accessibleName() == "Visie"
    )
    qtbot.keyClicks(visie, "Gezond opgroeien")
    assert opened.session.plan.beleidsfocus.visie == "Gezond opgroeien"
    assert opened.session.undo_stack.count() == 1
    qtbot.waitUntil(lambda: not opened.session.dirty, timeout=3000)
    stored = PlanRepository(db).get(opened.session.plan.id)
    assert stored.beleidsfocus.visie == "Gezond opgroeien"


def test_tables_add_remove_and_figures(qtbot, opened) -> None:
    opened.show_section("lokale_situatie")
    table = opened.page_by_section["lokale_situatie"].tables[0]
    table.add_row()
    table.table.item(0, 0).setText("Ooit gebruik 3-MMC")
    table.table.item(0, 2).setText("4%")
    plan = opened.session.plan
    assert plan.lokale_situatie.cijfers[0].indicator == "Ooit gebruik 3-MMC"
    keys = findings(opened)
    assert "geen_cijfers" not in keys and "cijfer_onvolledig" in keys  # no bron / jaar yet
    table.remove_row()
    assert plan is not opened.session.plan or not opened.session.plan.lokale_situatie.cijfers


def test_add_intervention_from_interventies_tab(qtbot, opened, fake_dialogs) -> None:
    from drugspreventie_app.content.interventions import catalogue

    moti = next(i for i in catalogue() if i.naam == "Moti-4")
    fake_dialogs.choose_answer = 0
    assert opened.add_intervention(moti)
    action = opened.session.plan.acties[-1]
    assert action.naam == "Moti-4" and action.interventie_id == moti.id
    assert action.niveau == moti.niveaus[0] and action.setting == moti.settings[0]
    assert opened.current_section() == "acties"
    assert "geen_acties" not in findings(opened)


def test_guideline_violation_is_flagged_in_the_check(qtbot, opened, fake_dialogs) -> None:
    from drugspreventie_app.content.interventions import catalogue

    unity = next(i for i in catalogue() if i.naam == "Unity")
    opened.add_intervention(unity)

    def make_school_action(p):
        a = p.acties[-1]
        a.setting, a.leeftijd_van, a.leeftijd_tot = "voortgezet_onderwijs", 13, 15

    opened.session.edit("test", make_school_action)
    assert "niet_doen_richtlijn" in findings(opened)
    item = opened.check_panel.findings.item(0)
    opened.check_panel._open(item)
    assert opened.current_section() == item.data(Qt.ItemDataRole.UserRole)


def test_snapshot_restore_is_undoable(qtbot, opened, fake_dialogs) -> None:
    opened.session.edit("visie", lambda p: setattr(p.beleidsfocus, "visie", "eerste"))
    fake_dialogs.text_answer = "Voor de raad"
    opened.save_snapshot()
    opened.session.edit("visie", lambda p: setattr(p.beleidsfocus, "visie", "tweede"))
    (snap,) = [s for s in opened.repo.snapshots(opened.session.plan.id) if not s.automatic]
    assert snap.label == "Voor de raad"
    opened.restore_snapshot(snap.plan(), snap.label)
    assert opened.session.plan.beleidsfocus.visie == "eerste"
    opened.session.undo_stack.undo()
    assert opened.session.plan.beleidsfocus.visie == "tweede"
    # one automatic snapshot a day was made when the plan was opened
    assert any(s.automatic for s in opened.repo.snapshots(opened.session.plan.id))


def test_delete_to_trash_and_restore(qtbot, opened, fake_dialogs) -> None:
    plan_id = opened.session.plan.id
    opened.delete_plan()
    assert opened.plan_list.count() == 0 and opened.session.plan is None
    fake_dialogs.choose_answer = 0
    opened.restore_from_trash()
    assert opened.session.plan.id == plan_id


def test_duplicate_for_next_period(opened) -> None:
    first = opened.session.plan
    opened.duplicate_plan()
    second = opened.session.plan
    assert second.id != first.id and second.periode_start == first.periode_eind + 1
    assert opened.plan_list.count() == 2


def test_failed_autosave_keeps_changes_and_retries(qtbot, opened, fake_dialogs, monkeypatch):
    from drugspreventie_app.storage import atomic

    real = atomic.os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    opened.session.edit("visie", lambda p: setattr(p.beleidsfocus, "visie", "bewaar mij"))
    assert not opened.flush()
    assert "schijf is vol" in fake_dialogs.texts("error")[0]
    assert opened.session.plan.beleidsfocus.visie == "bewaar mij" and opened.session.dirty
    monkeypatch.setattr(atomic.os, "fsync", real)
    assert opened.flush()
    assert opened.repo.get(opened.session.plan.id).beleidsfocus.visie == "bewaar mij"


def test_export_pdf_and_plan_file_roundtrip(qtbot, opened, fake_dialogs, tmp_path: Path):
    from pypdf import PdfReader

    fake_dialogs.save_answer = str(tmp_path / "plan.pdf")
    fake_dialogs.ask_answer = 0  # Met plancheck exporteren
    opened.export_pdf()
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "plan.pdf").pages)
    assert "Gemeente Test" in text and "Plancheck" in text

    fake_dialogs.save_answer = str(tmp_path / "plan.json")
    opened.export_file()
    fake_dialogs.open_answer = str(tmp_path / "plan.json")
    opened.import_plan()
    assert opened.plan_list.count() == 2  # imported as a copy: the id already existed


def test_example_plan_opens_and_passes_the_check(opened) -> None:
    opened.open_example()
    assert opened.session.plan.gemeente == "Gemeente Voorbeeld"
    severities = {f.severity for f in opened.run_check()}
    assert severities <= {"tip"}


def test_session_without_ui(qtbot, db) -> None:
    repo = PlanRepository(db)
    session = PlanSession(repo)
    plan = repo.save(new_plan("Los", "Gemeente"))
    session.open(plan)
    session.edit("a", lambda p: setattr(p, "auteur", "A"))
    session.edit("b", lambda p: setattr(p, "auteur", "B"))
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.plan.auteur == "A"
    assert session.flush() and repo.get(plan.id).auteur == "A"


def test_export_word_with_plan_check(opened, fake_dialogs, tmp_path: Path) -> None:
    from docx import Document

    assert opened.docx_button.isEnabled()
    fake_dialogs.save_answer = str(tmp_path / "plan")  # no extension typed
    fake_dialogs.ask_answer = 0
    opened.docx_button.click()
    doc = Document(tmp_path / "plan.docx")
    chapters = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert chapters[0] == "1 Inleiding" and chapters[-1] == "Bijlage B: Plancheck"
    assert doc.core_properties.title == "PHP alcohol en drugs"
    assert "inform" not in fake_dialogs.kinds()  # nothing had to be replaced
    assert fake_dialogs.kinds() == ["ask", "save_file"]


def test_export_word_reports_replaced_characters(qtbot, opened, fake_dialogs, tmp_path: Path):
    from docx import Document

    # the control character never reaches the plan (the text rule removes it as it is typed);
    # U+FFFF is allowed text but cannot stand in Word's XML
    with qtbot.waitSignal(opened.session.text_cleaned) as cleaned:
        opened.session.edit(
            "visie", lambda p: setattr(p.beleidsfocus, "visie", "bel\x07 en \uffff")
        )
    assert cleaned.args[0] == "1 onzichtbaar stuurteken verwijderd."
    fake_dialogs.save_answer = str(tmp_path / "plan.docx")
    fake_dialogs.ask_answer = 1  # Zonder plancheck exporteren
    done = f"Opgeslagen: {tmp_path / 'plan.docx'}"
    # autosave may report in between: the window keeps working while the export runs
    with qtbot.waitSignal(opened.status_message, check_params_cb=lambda text: text == done):
        opened.export_docx()
    (message,) = fake_dialogs.texts("inform")
    assert "1 teken kon niet in Word worden opgenomen" in message
    assert "U+FFFF in 'Beleidsfocus: visie'" in message
    doc = Document(tmp_path / "plan.docx")
    assert "bel en \ufffd" in [p.text for p in doc.paragraphs]
    assert not [p for p in doc.paragraphs if p.text == "Bijlage B: Plancheck"]


def test_export_word_cancelled_writes_nothing(opened, fake_dialogs, tmp_path: Path) -> None:
    fake_dialogs.save_answer = ""
    opened.export_docx()
    assert fake_dialogs.kinds() == ["ask", "save_file"]
    assert not list(tmp_path.glob("*.docx"))


def test_plan_check_question_says_what_each_answer_does(opened, fake_dialogs, tmp_path: Path):
    """Regression: 'Ja, toevoegen / Annuleren', and Annuleren still exported."""
    fake_dialogs.save_answer = str(tmp_path / "plan.pdf")
    fake_dialogs.ask_answer = 2  # Annuleren
    opened.export_pdf()
    assert fake_dialogs.kinds() == ["ask"]  # not even the save dialog
    (question,) = fake_dialogs.texts("ask")
    assert question.endswith("|Met plancheck exporteren|Zonder plancheck exporteren|Annuleren")
    assert not list(tmp_path.glob("*.pdf"))
    fake_dialogs.ask_answer = None  # closed with Esc or the window's cross
    opened.export_docx()
    assert not list(tmp_path.glob("*.docx"))
