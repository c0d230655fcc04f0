from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.storage.profile_repository import ProfileRepository
from drugspreventie_app.ui.middelen.middelen_tab import MiddelenTab


@pytest.fixture
def tab(qtbot, db) -> MiddelenTab:
    widget = MiddelenTab(db)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_model(qtmodeltester, tab: MiddelenTab) -> None:
    qtmodeltester.check(tab.model)


def test_search_cocaine_without_accent_selects_cocaine(qtbot, tab: MiddelenTab) -> None:
    qtbot.keyClicks(tab.search, "cocaine")
    assert tab.current_sheet().slug == "cocaine"
    assert tab.title.text() == "Cocaïne"
    assert "Opiumwet lijst I" in tab.status_label.text()
    assert tab.peildatum_label.text().startswith("Peildatum: ")
    assert "Kernpunten" in tab.detail.toPlainText()


def test_street_name_and_werking_filter(qtbot, tab: MiddelenTab) -> None:
    tab.search.setText("miauw")
    assert tab.model.sheet_at(0).slug == "3-mmc"
    tab.werking_boxes["verdovend"].setChecked(True)
    assert tab.model.rowCount() == 0
    assert "zet een werking-filter uit" in tab.empty_label.text()
    assert tab.empty_label.isVisible()
    assert not tab.handout_button.isEnabled()
    tab.search.clear()
    assert tab.model.rowCount() > 0
    assert all("verdovend" in tab.model.sheet_at(r).werking for r in range(tab.model.rowCount()))


def test_outdated_notice_is_shown(tab: MiddelenTab) -> None:
    from datetime import date

    tab.today = date(2031, 1, 1)
    tab.select_slug("lsd")
    assert tab.outdated_label.isVisible()
    assert "twaalf maanden" in tab.outdated_label.text()


def test_parents_handout_is_written(tab: MiddelenTab, fake_dialogs, tmp_path: Path) -> None:
    tab.select_slug("cannabis")
    fake_dialogs.choose_answer = list(Audience).index(Audience.OUDERS)
    fake_dialogs.save_answer = str(tmp_path / "ouders")  # no extension typed
    tab.make_handout()
    target = tmp_path / "ouders.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Informatie voor ouders en verzorgers" in text
    assert "confirm" not in fake_dialogs.kinds()


def test_youth_handout_for_flagged_substance_asks_first(
    tab: MiddelenTab, fake_dialogs, tmp_path: Path
) -> None:
    tab.select_slug("3-mmc")
    fake_dialogs.choose_answer = list(Audience).index(Audience.JONGEREN)
    fake_dialogs.save_answer = str(tmp_path / "jongeren.pdf")
    fake_dialogs.confirm_answer = False
    tab.make_handout()
    (question,) = fake_dialogs.texts("confirm")
    assert "Trimbos" in question and "Toch" not in question  # the reason, then the question
    assert not (tmp_path / "jongeren.pdf").exists()
    assert "save_file" not in fake_dialogs.kinds()

    fake_dialogs.confirm_answer = True
    tab.make_handout()
    assert (tmp_path / "jongeren.pdf").exists()


def test_youth_guard_defaults_to_the_safe_choice(tab: MiddelenTab, fake_dialogs) -> None:
    """Regression: the default button was 'Toch maken'; and 'jongeren die Lachgas ...'."""
    tab.select_slug("lachgas")
    fake_dialogs.choose_answer = list(Audience).index(Audience.JONGEREN)
    fake_dialogs.confirm_answer = False
    tab.make_handout()
    assert fake_dialogs.confirm_defaults == [False]
    (question,) = fake_dialogs.texts("confirm")
    assert "jongeren die lachgas al gebruiken" in question


def test_handout_carries_the_profile_from_settings(tab, db, fake_dialogs, tmp_path) -> None:
    from drugspreventie_app.domain.profile import OrganisationProfile
    from drugspreventie_app.storage.profile_repository import ProfileRepository

    ProfileRepository(db).save(OrganisationProfile(organisatie="Gemeente Voorbeeld <ZC>"))
    tab.select_slug("alcohol")
    fake_dialogs.choose_answer = 0
    fake_dialogs.save_answer = str(tmp_path / "prof.pdf")
    tab.make_handout()
    assert "Gemeente Voorbeeld <ZC>" in PdfReader(tmp_path / "prof.pdf").pages[0].extract_text()


def test_print_sends_the_same_handout_to_the_printer(qtbot, tab, fake_dialogs, tmp_path) -> None:
    tab.select_slug("ghb")
    fake_dialogs.choose_answer = list(Audience).index(Audience.OUDERS)
    fake_dialogs.printed_to = tmp_path / "printer.pdf"
    with qtbot.waitSignal(tab.status_message) as blocker:
        tab.print_handout()
    assert "pagina's naar de printer gestuurd" in blocker.args[0]
    printed = PdfReader(tmp_path / "printer.pdf")
    fake_dialogs.save_answer = str(tmp_path / "saved.pdf")
    tab.make_handout()
    assert len(printed.pages) == len(PdfReader(tmp_path / "saved.pdf").pages)


def test_print_cancelled_prints_nothing(tab, fake_dialogs, tmp_path) -> None:
    fake_dialogs.print_answer = False
    fake_dialogs.printed_to = tmp_path / "printer.pdf"
    tab.print_handout()
    assert not (tmp_path / "printer.pdf").exists()


def test_bundle(tab, fake_dialogs, tmp_path) -> None:
    fake_dialogs.save_answer = str(tmp_path / "bundel.pdf")
    tab.make_bundle()
    assert len(PdfReader(tmp_path / "bundel.pdf").outline) == 18


def test_professional_handout_as_word(tab: MiddelenTab, fake_dialogs, tmp_path: Path) -> None:
    from docx import Document

    tab.select_slug("cocaine")
    assert tab.docx_button.isEnabled()
    fake_dialogs.save_answer = str(tmp_path / "coke")  # no extension typed
    tab.docx_button.click()
    doc = Document(tmp_path / "coke.docx")
    assert [p.text for p in doc.paragraphs if p.style.name == "Subtitle"] == [
        "Factsheet voor professionals"
    ]
    assert "Kernpunten" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert fake_dialogs.kinds() == ["choose", "save_file"]  # the handout dialog, Word chosen
    assert fake_dialogs.handout_dialogs[-1].suffix() == ".docx"
    assert "inform" not in fake_dialogs.kinds()

    tab.search.setText("bestaat niet")
    assert not tab.docx_button.isEnabled()


def test_handout_dialog_shows_and_reaches_the_profile(tab, db, fake_dialogs, monkeypatch):
    """Regression: the dialog did not show where the organisation block and local contacts
    come from, nor offer a way to change them."""
    from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
    from drugspreventie_app.ui.settings_dialog import SettingsDialog

    ProfileRepository(db).save(
        OrganisationProfile(
            organisatie="Sint-Jozefschool",
            telefoon="0543 123456",
            hulpcontacten=[HelpContact("Tactus Verslavingszorg", "preventie", "088 3822888")],
        )
    )
    tab.select_slug("3-mmc")
    fake_dialogs.choose_answer = None  # look, then cancel
    tab.make_handout()
    dialog = fake_dialogs.handout_dialogs[-1]
    shown = dialog.profile_label.text()
    assert "Sint-Jozefschool" in shown and "0543 123456" in shown
    assert "Tactus Verslavingszorg – preventie – 088 3822888" in shown
    assert "Regionale verslavingszorg: nog niet gekozen" in shown

    def change(settings: SettingsDialog) -> int:
        settings.organisatie.setText("Sint-Jozefschool Aalten")
        settings.save()
        return settings.result()

    monkeypatch.setattr(SettingsDialog, "exec", change)
    dialog.edit_button.click()
    assert "Sint-Jozefschool Aalten" in dialog.profile_label.text()
    assert ProfileRepository(db).load().organisatie == "Sint-Jozefschool Aalten"


@pytest.mark.parametrize("audience", list(Audience))
def test_every_audience_as_word(tab, fake_dialogs, tmp_path: Path, audience: Audience) -> None:
    """Regression: only the professional handout existed as Word."""
    from docx import Document

    tab.select_slug("3-mmc")
    fake_dialogs.choose_answer = list(Audience).index(audience)
    fake_dialogs.format_answer = ".docx"
    fake_dialogs.save_answer = str(tmp_path / "handout")
    tab.make_handout()
    doc = Document(tmp_path / "handout.docx")
    assert audience.label.split()[0].lower() in " ".join(p.text for p in doc.paragraphs).lower()
