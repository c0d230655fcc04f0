"""What the window does with hostile text, bad import files, read-only data and notices
(issue 10, defects 7, 8 and 10)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPlainTextEdit

from drugspreventie_app import paths
from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.domain.plan.plan_file import parse_plan_file
from drugspreventie_app.domain.text_policy import MAX_TEXT
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.plan_files import export_plan, read_plan_file
from drugspreventie_app.storage.plan_repository import PlanRepository
from drugspreventie_app.ui.main_window import MainWindow
from drugspreventie_app.ui.plan.plan_tab import PlanTab


def _visie(tab: PlanTab) -> QPlainTextEdit:
    (widget,) = [w for w in tab.findChildren(QPlainTextEdit) if w.accessibleName() == "Visie"]
    return widget


def _opened(qtbot, db) -> PlanTab:
    tab = PlanTab(db)
    qtbot.addWidget(tab)
    tab.show()
    tab._add_and_open(new_plan("Plan Aalten", "Aalten"), "nieuw")
    return tab


def _paste(widget: QPlainTextEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    widget.paste()


def test_pasted_control_characters_are_removed_and_the_plan_file_reads_back(
    qtbot, db, tmp_path: Path
) -> None:
    tab = _opened(qtbot, db)
    with qtbot.waitSignal(tab.status_message) as told:
        _paste(_visie(tab), "Samen\x00 met\x1b de scholen\x0c.")
    assert told.args[0] == "3 onzichtbare stuurtekens verwijderd."
    assert _visie(tab).toPlainText() == "Samen met de scholen."
    assert tab.session.plan.beleidsfocus.visie == "Samen met de scholen."
    assert tab.flush()
    export_plan(tab.session.plan, tmp_path / "plan.json")
    assert read_plan_file(tmp_path / "plan.json").beleidsfocus.visie == "Samen met de scholen."


def test_pasting_150000_characters_keeps_the_field_within_what_a_plan_file_holds(
    qtbot, db, tmp_path: Path
) -> None:
    tab = _opened(qtbot, db)
    with qtbot.waitSignal(tab.status_message) as told:
        _paste(_visie(tab), "x" * 150_000)
    assert "ingekort tot 100.000 tekens" in told.args[0]
    assert len(tab.session.plan.beleidsfocus.visie) == MAX_TEXT
    assert tab.flush()
    export_plan(tab.session.plan, tmp_path / "plan.json")
    parse_plan_file((tmp_path / "plan.json").read_text("utf-8"))  # imports again


def test_a_folder_or_a_deeply_nested_file_gives_a_dutch_message(
    qtbot, db, fake_dialogs, tmp_path: Path
) -> None:
    from drugspreventie_app.ui.interventies.interventions_tab import InterventiesTab

    tab = InterventiesTab(db)
    qtbot.addWidget(tab)
    fake_dialogs.open_answer = str(tmp_path)  # a folder chosen in the file dialog
    tab.import_local()
    nested = tmp_path / "genest.json"
    nested.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, "utf-8")
    fake_dialogs.open_answer = str(nested)
    tab.import_local()
    first, second = fake_dialogs.texts("error")
    assert "is een map" in first and "te diep genest" in second

    plan_tab = _opened(qtbot, db)
    fake_dialogs.open_answer = str(tmp_path)
    plan_tab.import_plan()
    assert "geen bestand maar een map" in fake_dialogs.texts("error")[-1]


def test_a_read_only_second_window_reports_no_failed_save(qtbot, db, fake_dialogs) -> None:
    PlanRepository(db).save(new_plan("Plan Aalten", "Aalten"))
    second = open_database()  # the first one holds the lock
    try:
        assert second.read_only
        window = MainWindow(second)
        qtbot.addWidget(window)
        window.show()
        window.report_startup_notices()
        window.tabs.setCurrentIndex(2)
        tab = window.plan_tab
        tab.open_plan_id(PlanRepository(second).list()[0].id)
        qtbot.wait(50)
        assert not fake_dialogs.texts("error"), fake_dialogs.calls
        window.close()
        assert not fake_dialogs.texts("error"), fake_dialogs.calls
    finally:
        second.close()


def test_a_storage_notice_reaches_the_open_window(qtbot, db, fake_dialogs) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.report_startup_notices()
    repo = PlanRepository(db)
    plan = new_plan("Plan van het venster", "Aalten")
    repo.save(plan)
    tables = json.loads(paths.database_path().read_text("utf-8"))
    tables["plannen"]["7"] = {**tables["plannen"]["1"], "id": "van-elders", "titel": "Elders"}
    paths.database_path().write_text(json.dumps(tables), "utf-8")
    plan.titel = "Verder"
    repo.save(plan)
    (text,) = fake_dialogs.texts("notify")
    assert "door een ander programma gewijzigd" in text
    assert {p.titel for p in repo.list()} == {"Verder", "Elders"}


def test_a_long_export_keeps_the_window_responsive_and_can_be_cancelled(
    qtbot, tmp_path: Path
) -> None:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

    from drugspreventie_app.ui.background_export import export_in_background, partial_path

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"het bestand dat de gebruiker al had")
    release = threading.Event()

    def slow_write(path: Path) -> str:
        path.write_bytes(b"half")
        release.wait(10)  # layout of an enormous plan
        path.write_bytes(b"nieuw")
        return "klaar"

    ticks = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(20)

    def cancel_when_shown() -> None:
        dialogs_shown = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs_shown:
            (button,) = [
                b
                for b in dialogs_shown[0].findChildren(QPushButton)
                if b.text().replace("&", "") == "Annuleren"
            ]
            button.click()  # as the user does
        else:
            QTimer.singleShot(50, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    finished, result = export_in_background(parent, "Bezig…", target, slow_write)
    assert (finished, result) == (False, None)
    assert len(ticks) >= 5  # the event loop kept running while the export worked
    assert target.read_bytes() == b"het bestand dat de gebruiker al had"
    release.set()
    qtbot.waitUntil(lambda: not partial_path(target).exists(), timeout=5000)
    assert target.read_bytes() == b"het bestand dat de gebruiker al had"

    finished, result = export_in_background(
        parent, "Bezig…", target, lambda p: p.write_bytes(b"ok")
    )
    assert finished and target.read_bytes() == b"ok"
    ticker.stop()


def test_the_plan_export_goes_through_the_background_export(qtbot, db, fake_dialogs, tmp_path):
    tab = _opened(qtbot, db)
    tab.session.edit("visie", lambda p: setattr(p.beleidsfocus, "visie", "x " * 40_000))
    fake_dialogs.save_answer = str(tmp_path / "plan.pdf")
    fake_dialogs.confirm_answer = False
    tab.export_pdf()
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*wordt-gemaakt*"))
