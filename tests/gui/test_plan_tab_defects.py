"""Regressions of the small defects in the plan editor (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from drugspreventie_app.domain.plan.model import Doel, PlanOrganisatie, Subdoel, new_plan
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.storage.profile_repository import ProfileRepository
from drugspreventie_app.ui.plan.new_plan_dialog import NewPlanDialog
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
    tab._add_and_open(
        new_plan("Preventie- en Handhavingsplan 2027-2030", "Gemeente Aalten", start=2027),
        "nieuw",
    )
    return tab


def test_no_plan_is_not_reported_as_passing(tab: PlanTab) -> None:
    """Regression: with no plan the check said 'het plan voldoet aan alle controles'."""
    assert tab.session.plan is None
    tab.run_check()
    assert "Geen plan gekozen" in tab.check_panel.summary.text()
    assert "voldoet" not in tab.check_panel.summary.text()


def test_summary_uses_singular_and_plural(opened: PlanTab) -> None:
    opened.run_check()
    text = opened.check_panel.summary.text()
    assert "fouten" in text and "1 waarschuwingen" not in text and "0 " not in text


def test_next_period_replaces_the_period_in_the_title(opened: PlanTab) -> None:
    """Regression: 'Volgende periode' made '…2027-2030 (2031-2034)'."""
    opened.duplicate_plan()
    assert opened.session.plan.titel == "Preventie- en Handhavingsplan 2031-2034"


def test_plan_list_tells_plans_apart(opened: PlanTab) -> None:
    """Three Aalten plans with the same long title: the period comes first in the list."""
    opened.duplicate_plan()
    texts = sorted(opened.plan_list.item(r).text() for r in range(opened.plan_list.count()))
    assert [t.splitlines()[0] for t in texts] == [
        "Gemeente Aalten · 2027-2030",
        "Gemeente Aalten · 2031-2034",
    ]
    assert opened.plan_list.wordWrap()


def test_new_subdoel_shows_in_the_actions_at_once(qtbot, opened: PlanTab) -> None:
    """Regression: a subdoel added in section 4 appeared in 'Dient subdoelen' only after
    choosing another action."""
    opened.show_section("acties")
    acties = opened.page_by_section["acties"]
    acties.tables[0].add_row()
    detail = acties.action_detail
    texts = lambda: [detail.subdoelen.item(n).text() for n in range(detail.subdoelen.count())]  # noqa: E731
    assert texts() == ["(nog geen subdoelen: vul eerst de doelen in)"]
    opened.show_section("doelen")
    doel = Doel(omschrijving="Minder gebruik", subdoelen=[Subdoel(omschrijving="Later starten")])
    opened.session.edit("doel", lambda p: p.doelen.append(doel))
    opened.show_section("acties")
    assert texts() == ["Later starten"]
    item = detail.subdoelen.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    assert opened.session.plan.acties[0].subdoelen == [doel.subdoelen[0].id]
    assert detail.subdoelen.item(0) is item  # ticking does not rebuild the list


def test_question_label_has_no_colon(opened: PlanTab) -> None:
    detail = opened.page_by_section["acties"].action_detail
    labels = [w.text() for w in detail.findChildren(type(opened.empty_label))]
    assert "Hoe koppelt de uitvoerder terug?" in labels
    assert not [t for t in labels if t.endswith("?:")]


@pytest.mark.parametrize(("section", "column"), [("handhaving", 1), ("lokale_situatie", 0)])
def test_new_row_opens_for_typing(qtbot, opened: PlanTab, section: str, column: int) -> None:
    """Regression: a new row did not open for typing, and in Handhaving the choice in the
    first column took the typed letters."""
    opened.show_section(section)
    table = opened.page_by_section[section].tables[0]
    table.add_button.click()
    assert (table.table.currentRow(), table.table.currentColumn()) == (0, column)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Controle in sportkantines")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits a queued moment later
    key = table.columns[column].key
    qtbot.waitUntil(
        lambda: getattr(table.rows(opened.session.plan)[0], key) == "Controle in sportkantines"
    )


def test_plan_has_its_own_author_organisation(
    qtbot, tab: PlanTab, db, fake_dialogs, monkeypatch, tmp_path: Path
) -> None:
    """Regression: the school in the settings was printed on the municipality's plan."""
    from pypdf import PdfReader

    ProfileRepository(db).save(
        OrganisationProfile(organisatie="Sint-Jozefschool", telefoon="0543 123456")
    )

    def fill(dialog: NewPlanDialog) -> int:
        assert dialog.organisatie.text() == "Sint-Jozefschool"  # filled from the settings
        dialog.gemeente.setText("Gemeente Aalten")
        dialog.organisatie.setText("Gemeente Aalten")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    tab.new_plan()
    plan = tab.session.plan
    assert plan.organisatie == PlanOrganisatie(naam="Gemeente Aalten")
    fake_dialogs.ask_answer = 1
    fake_dialogs.save_answer = str(tmp_path / "plan.pdf")
    tab.export_pdf()
    cover = PdfReader(tmp_path / "plan.pdf").pages[0].extract_text()
    assert "Gemeente Aalten" in cover
    assert "Sint-Jozefschool" not in cover and "0543" not in cover

    tab.show_section("algemeen")
    page = tab.page_by_section["algemeen"]
    page.copy_organisation_button.click()  # take the settings over after all
    assert tab.session.plan.organisatie.naam == "Sint-Jozefschool"
    assert tab.session.plan.organisatie.telefoon == "0543 123456"
    tab.session.undo_stack.undo()
    assert tab.session.plan.organisatie.naam == "Gemeente Aalten"
