from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from drugspreventie_app import paths
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.profile_repository import ProfileRepository
from drugspreventie_app.ui.main_window import MainWindow
from drugspreventie_app.ui.settings_dialog import SettingsDialog

HOSTILE = '<b>&amp; "quotes" ë 😀'


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_window_has_title_tabs_and_menus(qtbot, db) -> None:
    window = _window(qtbot, db)
    assert window.windowTitle() == "Drugspreventie Werkbank"
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == ["Middelen", "Interventies", "Preventie- en Handhavingsplan"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Bestand", "Be&werken", "&Help"]
    bestand = window.menuBar().actions()[0].menu()
    assert [a.text() for a in bestand.actions() if a.text()] == [
        "Af&drukken…",
        "&Instellingen…",
        "&Gegevensmap openen",
        "&Afsluiten",
    ]
    assert str(paths.user_data_dir()) in window.statusBar().currentMessage()


def test_about_names_version_data_folder_and_peildatum(qtbot, db, fake_dialogs) -> None:
    window = _window(qtbot, db)
    window.show_about()
    (text,) = fake_dialogs.texts("inform")
    assert "Versie 0.1.0" in text
    assert str(paths.user_data_dir()) in text
    assert "Peildatum inhoud:" in text


def test_settings_profile_with_hostile_text_saves_and_reloads(qtbot, db) -> None:
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.organisatie.setText(HOSTILE)
    dialog.afdeling.setText("Preventie & Jeugd")
    dialog.email.setText("preventie@voorbeeld.nl")
    dialog.telefoon.setText("088 123 45 67")
    dialog.add_contact()
    dialog.contacts.item(0, 0).setText("Jeugdpreventiewerker <Ans>")
    dialog.contacts.item(0, 1).setText("IVZ preventie")
    dialog.contacts.item(0, 2).setText("ans@ivz.nl")
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    again = SettingsDialog(db)
    qtbot.addWidget(again)
    assert again.organisatie.text() == HOSTILE
    assert again.contacts.rowCount() == 1
    assert again.contacts.item(0, 0).text() == "Jeugdpreventiewerker <Ans>"
    # and it is really in the database file, not only in memory
    db.close()
    reopened = open_database()
    try:
        assert ProfileRepository(reopened).load().organisatie == HOSTILE
    finally:
        reopened.close()


def test_invalid_input_keeps_dialog_open_with_dutch_message(qtbot, db) -> None:
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.organisatie.setText("GGD")
    dialog.email.setText("geen e-mail")
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "E-mail is geen geldig e-mailadres" in dialog.problems.text()
    assert dialog.organisatie.text() == "GGD"  # nothing the user typed is lost
    assert ProfileRepository(db).load().organisatie == ""


def test_failed_save_keeps_everything_and_retry_works(qtbot, db, fake_dialogs, monkeypatch):
    from drugspreventie_app.storage import atomic

    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.organisatie.setText("Gemeente Voorbeeld")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    real_fsync = atomic.os.fsync
    monkeypatch.setattr(atomic.os, "fsync", full)
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "schijf is vol" in fake_dialogs.texts("error")[0]
    assert dialog.organisatie.text() == "Gemeente Voorbeeld"

    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert ProfileRepository(db).load().organisatie == "Gemeente Voorbeeld"


def test_logo_must_be_a_real_image(qtbot, db, fake_dialogs, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    fake = tmp_path / "logo.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n dit is geen afbeelding")
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    fake_dialogs.open_answer = str(fake)
    dialog.choose_logo()
    assert "geen leesbare PNG- of JPEG-afbeelding" in fake_dialogs.texts("warn")[0]

    real = tmp_path / "echt.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(real))
    fake_dialogs.open_answer = str(real)
    dialog.organisatie.setText("GGD")
    dialog.choose_logo()
    dialog.save()
    profile = ProfileRepository(db).load()
    assert profile.logo == "logo.png"
    assert (paths.user_data_dir() / "logo.png").read_bytes() == real.read_bytes()


def test_window_geometry_is_remembered(qtbot, db) -> None:
    window = _window(qtbot, db)
    window.resize(777, 555)
    window.close()
    again = _window(qtbot, db)
    assert (again.width(), again.height()) == (777, 555)


def test_recovery_is_reported_in_a_dialog(qtbot, data_dir: Path, fake_dialogs) -> None:
    first = open_database()
    first.table("notities").insert({"id": "a"})
    first.table("notities").insert({"id": "b"})
    first.close()
    paths.database_path().write_text("kapot")
    db = open_database()
    try:
        window = _window(qtbot, db)
        window.report_startup_notices()
        (text,) = fake_dialogs.texts("notify")  # never blocks (see --exit-when-ready)
        assert "beschadigd" in text and "reservekopie" in text
    finally:
        db.close()


def test_closing_mid_edit_saves_the_plan_first(qtbot, db) -> None:
    from drugspreventie_app.domain.plan.model import new_plan
    from drugspreventie_app.storage.plan_repository import PlanRepository

    window = _window(qtbot, db)
    tab = window.plan_tab
    tab._add_and_open(new_plan("Plan Zonnedal", "Gemeente Zonnedal"), "nieuw")
    tab.session.edit("visie", lambda p: setattr(p.beleidsfocus, "visie", "net getypt"))
    assert tab.session.dirty  # autosave has not run yet
    window.close()
    assert PlanRepository(db).get(tab.session.plan.id).beleidsfocus.visie == "net getypt"


def test_close_is_refused_when_the_last_save_fails(qtbot, db, fake_dialogs, monkeypatch):
    from drugspreventie_app.domain.plan.model import new_plan
    from drugspreventie_app.storage import atomic

    window = _window(qtbot, db)
    tab = window.plan_tab
    tab._add_and_open(new_plan("Plan", "Gemeente"), "nieuw")
    tab.session.edit("visie", lambda p: setattr(p.beleidsfocus, "visie", "niet kwijtraken"))

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    fake_dialogs.confirm_answer = False
    assert not window.close()
    assert window.isVisible()
    assert tab.session.plan.beleidsfocus.visie == "niet kwijtraken"
