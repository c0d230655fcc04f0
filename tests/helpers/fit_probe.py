"""Open the main window and every dialog on a simulated laptop screen and list what does not
fit, cannot be reached, has no accessible name or shares its Alt+letter.

Run in its own process (QT_SCALE_FACTOR must be set before Qt starts), with
QT_QPA_PLATFORM=offscreen:configfile=<screen.json>; prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drugspreventie_app.ui import mnemonics  # noqa: E402


def _part_of_another_control(widget: QWidget) -> bool:
    """Cell editors and cell widgets (their view scrolls to them itself) and the line edit
    inside a spin or combo box (the box is what a screen reader names)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractItemView, QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def _visible_rect(widget: QWidget) -> QRect:
    """The part of `widget` its ancestors do not clip away, in window coordinates."""
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(QRect(QPoint(0, 0), window.size()))


def _scroll_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            # the whole widget, not only its text cursor as ensureWidgetVisible does
            at = widget.mapTo(parent.widget(), QPoint(0, 0))
            half_w, half_h = widget.width() // 2, widget.height() // 2
            parent.ensureVisible(at.x() + half_w, at.y() + half_h, half_w, half_h)
        parent = parent.parentWidget()
    QApplication.processEvents()


def _accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _describe(widget: QWidget) -> str:
    name = _accessible_name(widget) or widget.objectName()
    return f"{type(widget).__name__} {name!r}"


def check_window(window: QWidget, label: str) -> list[str]:
    """Everything wrong with `window` as it is shown now."""
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()
    problems: list[str] = []
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not available.contains(frame):
        problems.append(
            f"{label}: venster {frame.width()}x{frame.height()} op {frame.x()},{frame.y()} "
            f"past niet op het scherm {available.width()}x{available.height()}"
        )
    for widget in window.findChildren(QWidget):
        if (
            not widget.isVisible()
            or widget.window() is not window
            or not widget.isEnabled()
            or not (widget.focusPolicy().value & 0x1)  # Qt.TabFocus
            or _part_of_another_control(widget)
        ):
            continue
        what = _describe(widget)
        if not _accessible_name(widget).strip():
            problems.append(f"{label}: {what} heeft geen toegankelijke naam")
        _scroll_into_view(widget)
        seen = _visible_rect(widget)
        full = QRect(0, 0, widget.width(), widget.height())
        if seen.isEmpty():
            problems.append(f"{label}: {what} ligt buiten beeld en is niet in beeld te scrollen")
        elif seen.width() < full.width() - 1:
            problems.append(
                f"{label}: {what} valt rechts of links weg ({seen.width()} van {full.width()})"
            )
        elif seen.height() < min(full.height(), 40) - 1:
            problems.append(f"{label}: {what} valt onder of boven weg")
        if (
            isinstance(widget, (QAbstractButton, QLineEdit))
            and widget.width() < widget.minimumSizeHint().width() - 1
        ):
            problems.append(f"{label}: {what} is smaller dan nodig; de tekst valt weg")
        if (
            isinstance(widget, QPushButton)
            and widget.text()
            and mnemonics.mnemonic_of(widget.text()) is None
            and not widget.property(mnemonics.KEYS_PROPERTY)
        ):
            problems.append(f"{label}: knop {widget.text()!r} heeft geen Alt-letter")
    for letter, who in mnemonics.collisions(window):
        problems.append(f"{label}: Alt+{letter.upper()} dubbel: {', '.join(who)}")
    return problems


def _sample_csv() -> Path:
    """A small export as GGD and CBS tables look, for the CSV import dialog."""
    import tempfile

    path = Path(tempfile.mkdtemp()) / "gezondheidsmonitor.csv"
    path.write_text(
        "Indicator;Jaar;Waarde\nAlcohol gedronken afgelopen 4 weken, klas 4;2023;38\n",
        encoding="utf-8",
    )
    return path


def main() -> None:
    from drugspreventie_app.content.example_plan import example_plan
    from drugspreventie_app.domain.plan.model import new_id
    from drugspreventie_app.domain.plan.sections import SECTIONS
    from drugspreventie_app.storage.database import open_database
    from drugspreventie_app.storage.plan_repository import PlanRepository
    from drugspreventie_app.ui.app import install_dutch_translations
    from drugspreventie_app.ui.main_window import MainWindow

    app = QApplication([])
    install_dutch_translations(app)
    db = open_database()
    plan = example_plan()
    plan.id = new_id()
    PlanRepository(db).save(plan)
    PlanRepository(db).save_snapshot(plan, "Eerste versie")

    problems: list[str] = []
    checked: list[str] = []

    def check(window: QWidget, label: str) -> None:
        checked.append(label)
        problems.extend(check_window(window, label))

    window = MainWindow(db)
    window.show()
    check(window, "Middelen")
    inter = window.show_tab("interventies")
    inter.filters.age.setValue(14)  # typing an age once slid the filter panel sideways
    for n in range(inter.side_tabs.count()):
        inter.side_tabs.setCurrentIndex(n)
        check(window, f"Interventies/{inter.side_tabs.tabText(n)}")
    plan_tab = window.show_tab("plan")
    plan_tab.open_plan_id(plan.id)
    for section in SECTIONS:
        plan_tab.show_section(section.id)
        check(window, f"Plan/{section.title}")
    plan_tab.show_section("voortgang")  # the plan cycle view (issue 15)
    check(window, "Plan/Voortgang")

    from drugspreventie_app.domain.intervention_filter import InterventionFinder
    from drugspreventie_app.ui.help_window import HelpWindow
    from drugspreventie_app.ui.interventies.local_intervention_dialog import (
        LocalInterventionDialog,
    )
    from drugspreventie_app.ui.licences_dialog import LicencesDialog
    from drugspreventie_app.ui.plan.csv_import_dialog import CsvImportDialog
    from drugspreventie_app.ui.plan.intervention_picker import InterventionPicker
    from drugspreventie_app.ui.plan.new_plan_dialog import NewPlanDialog
    from drugspreventie_app.ui.plan.versions_dialog import VersionsDialog
    from drugspreventie_app.ui.settings_dialog import SettingsDialog

    dialogs = {
        "Instellingen": lambda: SettingsDialog(db, window),
        "Nieuw plan": lambda: NewPlanDialog(window),
        "Eigen interventie": lambda: LocalInterventionDialog(inter.repo, None, window),
        "Versies": lambda: VersionsDialog(PlanRepository(db).snapshots(plan.id), window),
        "Interventie kiezen": lambda: InterventionPicker(
            InterventionFinder(plan_tab.interventions_by_id().values()), window
        ),
        "Cijfers uit CSV": lambda: CsvImportDialog(plan, _sample_csv(), window),
        "Handleiding": lambda: HelpWindow(window),
        "Licenties": lambda: LicencesDialog(window),
    }
    for label, make in dialogs.items():
        dialog = make()
        dialog.show()
        check(dialog, label)
        dialog.close()
        dialog.deleteLater()
    window.close()
    db.close()
    print(json.dumps({"checked": checked, "problems": problems}, ensure_ascii=False))


if __name__ == "__main__":
    main()
