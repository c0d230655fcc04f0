"""Interventies: find interventions by facets and text, read the guidance, see the gaps."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.guidance import Advice
from drugspreventie_app.domain.intervention import SETTINGS, Intervention
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder
from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.domain.text import age_range_text
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.local_interventions_repository import (
    LocalInterventionsRepository,
)
from drugspreventie_app.ui import dialogs
from drugspreventie_app.ui.interventies.coverage_view import CoverageView
from drugspreventie_app.ui.interventies.filter_panel import FilterPanel
from drugspreventie_app.ui.interventies.guidance_html import (
    advice_html,
    intervention_html,
    niet_doen_html,
)
from drugspreventie_app.ui.interventies.intervention_table_model import InterventionTableModel
from drugspreventie_app.ui.interventies.local_intervention_dialog import LocalInterventionDialog
from drugspreventie_app.ui.screen_fit import VerticalScrollArea

# label in the format question, file suffix, filter of the save dialog
EXPORT_FORMATS = (
    ("PDF", ".pdf", "PDF-bestanden (*.pdf)"),
    ("Word (.docx)", ".docx", "Word-documenten (*.docx)"),
)

JSON_FILTER = "Werkbank-bestanden (*.json)"

# adds an intervention to a plan with the finder's filters; returns that plan, or None
AddToPlan = Callable[[Intervention, Criteria], "Plan | None"]


def _plan_label(plan: Plan) -> str:
    return " · ".join(x for x in (plan.gemeente.strip(), plan.periode_text()) if x)


class InterventiesTab(QWidget):
    status_message = Signal(str)
    open_plan_requested = Signal()  # "Naar het plan" after adding an intervention

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.repo = LocalInterventionsRepository(db)
        self.guidance = guidance()
        self._catalogue = catalogue()
        self._last_deleted: dict | None = None
        self._add_to_plan: AddToPlan | None = None
        self._chosen_plan: Callable[[], Plan | None] = lambda: None
        self.finder = InterventionFinder(self._catalogue)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek interventies (naam, doelgroep, beschrijving)…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Zoek interventies")
        self.search.textChanged.connect(self.refresh)
        self.filters = FilterPanel()
        self.filters.changed.connect(self.refresh)
        self.filters.setAccessibleName("Filters")
        # Never narrower than the panel: a narrower pane cut off the right edge of the age
        # and erkenning fields, and typing an age slid the whole panel sideways.
        filter_scroll = VerticalScrollArea(self.filters)
        filter_scroll.setAccessibleName("Filters")
        self.filter_scroll = filter_scroll

        self.niet_doen_banner = QLabel()
        self.niet_doen_banner.setWordWrap(True)
        self.niet_doen_banner.setTextFormat(Qt.TextFormat.RichText)
        self.niet_doen_banner.setStyleSheet(
            "border: 2px solid #8a1c00; background: #fff1ee; padding: 6px;"
        )
        self.niet_doen_banner.hide()
        # At most a few lines high (it scrolls): the full list once pushed the results table
        # down to a single row at 150% scaling. The whole advice is in the Wat werkt tab.
        self.niet_doen_scroll = VerticalScrollArea(self.niet_doen_banner)
        self.niet_doen_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.niet_doen_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.niet_doen_scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.niet_doen_scroll.hide()
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.plan_label = QLabel()  # which plan the ✓ marks refer to
        self.plan_label.setWordWrap(True)
        self.plan_label.setStyleSheet("color: #444;")
        self.plan_label.hide()
        self.added_label = QLabel()  # the confirmation after 'Toevoegen aan plan'
        self.added_label.setWordWrap(True)
        self.added_label.setTextFormat(Qt.TextFormat.PlainText)
        self.to_plan_button = QPushButton("&Naar het plan")
        self.to_plan_button.clicked.connect(self.open_plan_requested)
        self.added_box = QWidget()
        added_row = QHBoxLayout(self.added_box)
        added_row.setContentsMargins(6, 4, 6, 4)
        added_row.addWidget(self.added_label, 1)
        added_row.addWidget(self.to_plan_button)
        self.added_box.setStyleSheet("background: #e8f4e8; border-radius: 3px;")
        self.added_box.hide()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-weight: bold; padding: 8px;")
        self.empty_label.hide()

        self.model = InterventionTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 170)
        header.resizeSection(2, 90)
        header.resizeSection(3, 65)
        header.resizeSection(4, 70)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setAccessibleName("Interventies")

        # The user's own interventions in one menu button, export and add-to-plan beside it:
        # one row of buttons leaves the results table room on a laptop at 150%.
        self.local_menu = QMenu(self)
        self.add_action = self._local_action("Eigen interventie &toevoegen…", self.add_local)
        self.edit_action = self._local_action("&Bewerken…", self.edit_local)
        self.delete_action = self._local_action("&Verwijderen", self.delete_local)
        self.local_menu.addSeparator()
        self.import_action = self._local_action("&Importeren…", self.import_local)
        self.export_local_action = self._local_action(
            "Eigen interventies &delen…", self.export_local
        )
        self.local_button = QPushButton("Eigen interventies")
        self.local_button.setMenu(self.local_menu)
        self.local_button.setToolTip("Toevoegen, bewerken, verwijderen, importeren en delen")
        self.undo_button = QPushButton("Verwijderen ongedaan maken")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.export_button = QPushButton("Selectie exporteren…")
        self.export_button.clicked.connect(self.export_selection)
        self.plan_button = QPushButton("Toevoegen aan plan…")
        self.plan_button.clicked.connect(self._request_add_to_plan)
        self.plan_button.hide()  # shown once the plan editor connects itself
        button_rows = QVBoxLayout()
        for group in (
            (self.plan_button, self.export_button),
            (self.local_button, self.undo_button),
        ):
            row = QHBoxLayout()
            for b in group:
                row.addWidget(b)
            row.addStretch()
            button_rows.addLayout(row)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.search)
        center_layout.addWidget(self.niet_doen_scroll)
        center_layout.addWidget(self.count_label)
        center_layout.addWidget(self.plan_label)
        center_layout.addWidget(self.added_box)
        center_layout.addWidget(self.empty_label)
        center_layout.addWidget(self.table, 1)
        center_layout.addLayout(button_rows)

        self.details = QTextBrowser()
        self.details.setAccessibleName("Details van de gekozen interventie")
        self.advice_view = QTextBrowser()
        self.advice_view.setAccessibleName("Wat werkt en wat niet: richtlijnen")
        self.coverage = CoverageView()
        self.coverage.cell_chosen.connect(self.filter_on_cell)
        self.side_tabs = QTabWidget()
        self.side_tabs.setAccessibleName("Details, wat werkt en dekking")
        self.side_tabs.tabBar().setAccessibleName("Details, wat werkt en dekking")
        self.side_tabs.addTab(self.details, "Details")
        self.side_tabs.addTab(self.advice_view, "Wat werkt")
        self.side_tabs.addTab(self.coverage, "Dekking")
        self.side_tabs.currentChanged.connect(lambda _i: self._refresh_coverage())
        # all three tabs stay readable, without scroll arrows
        self.side_tabs.setMinimumWidth(self.side_tabs.tabBar().sizeHint().width() + 8)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("interventies_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(filter_scroll)
        splitter.addWidget(center)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([230, 560, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._tab_order_done = False
        self.reload_local()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # the plan may have changed in the plan tab since this tab was last shown
        self.refresh_plan_marks()
        if not self._tab_order_done:
            # Only once the tab sits in its window: a tab order set before that is lost
            # when the tab is moved into the main window.
            self._tab_order_done = True
            self._apply_tab_order()

    def _apply_tab_order(self) -> None:
        """Tab follows the screen: filters, search, results, buttons, then the side pane."""
        chain = [
            *self.filters.focus_order(),
            self.search,
            self.to_plan_button,  # in the confirmation above the results, when shown
            self.table,
            self.plan_button,
            self.export_button,
            self.local_button,
            self.undo_button,
            self.side_tabs.tabBar(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- data --------------------------------------------------------------------------------

    def reload_local(self) -> None:
        """Rebuild the finder with the catalogue plus the user's current local entries."""
        self.finder = InterventionFinder([*self._catalogue, *self.repo.all()])
        self.refresh()

    def criteria(self) -> Criteria:
        return self.filters.criteria(self.search.text())

    def refresh(self) -> None:
        criteria = self.criteria()
        current = self.current_item()
        results, counts = self.finder.evaluate(criteria)
        self.model.set_items(results)
        self.filters.set_counts(counts)
        self.count_label.setText(
            f"{len(results)} van {len(self.finder.items)} interventies, sterkste bewijs eerst"
        )
        if results:
            self.empty_label.hide()
        else:
            self.empty_label.setText(self.finder.loosen_hint(criteria))
            self.empty_label.show()
        row = self.model.row_of(current.id) if current else -1
        self.select_row(row if row >= 0 else 0)
        self._refresh_advice(criteria)
        self._refresh_coverage()

    def _refresh_coverage(self) -> None:
        if self.side_tabs.currentWidget() is self.coverage:
            self.coverage.set_counts(self.finder.coverage(self.criteria()))

    def advice_for(self, criteria: Criteria) -> list[tuple[str, Advice]]:
        return [
            (SETTINGS[s], self.guidance.advice(s, criteria.leeftijd))
            for s in SETTINGS
            if s in criteria.settings
        ]

    def _refresh_advice(self, criteria: Criteria) -> None:
        advices = self.advice_for(criteria)
        if not advices:
            self.advice_view.setHtml(
                "<p>Kies een setting (en eventueel een leeftijd) om te zien wat werkt, wat niet "
                "werkt en wat u beter niet kunt doen.</p>"
            )
            self.niet_doen_banner.hide()
            self.niet_doen_scroll.hide()
            return
        self.advice_view.setHtml(
            "<hr>".join(advice_html(a, label, criteria.leeftijd) for label, a in advices)
        )
        banner = "".join(niet_doen_html(a) for _, a in advices if a.niet_doen)
        if banner:
            age = f" voor {criteria.leeftijd.text()}" if criteria.leeftijd is not None else ""
            self.niet_doen_banner.setText(
                f"<b>Let op: volgens de richtlijnen{age} niet doen</b> "
                "(zie het tabblad Wat werkt)" + _compact_niet_doen(advices)
            )
        self.niet_doen_banner.setVisible(bool(banner))
        self.niet_doen_scroll.setVisible(bool(banner))

    # -- selection ---------------------------------------------------------------------------

    def current_item(self) -> Intervention | None:
        return self.model.item_at(self.table.currentIndex().row())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show(self.model.item_at(row))

    def select_id(self, item_id: str) -> None:
        self.select_row(self.model.row_of(item_id))

    def _current_changed(self, current, _previous) -> None:
        self._show(self.model.item_at(current.row()))

    def _show(self, item: Intervention | None) -> None:
        self.details.setHtml(
            intervention_html(item) if item else "<p>Geen interventie gekozen.</p>"
        )
        is_local = bool(item and item.lokaal)
        self.edit_action.setEnabled(is_local)
        self.delete_action.setEnabled(is_local)
        self.plan_button.setEnabled(item is not None)

    def _local_action(self, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        self.local_menu.addAction(action)
        return action

    # -- keys of the main window -------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def print_current(self) -> None:
        """Print the overview of the interventions the filters show, as the PDF export."""
        from drugspreventie_app.ui.printing import print_document

        try:
            with tempfile.TemporaryDirectory() as folder:
                target = Path(folder) / "overzicht.pdf"
                self._write_overview_pdf(target)
                pdf = target.read_bytes()
        except (OSError, StorageError) as err:
            dialogs.error(self, "Afdrukken mislukt", str(err))
            return
        message = print_document(self, pdf, "Overzicht interventies")
        if message:
            self.status_message.emit(message)

    def _overview_args(self, target: Path) -> tuple:
        from drugspreventie_app.export.handout import HandoutContext
        from drugspreventie_app.storage.profile_access import profile_and_logo

        criteria = self.criteria()
        advices = self.advice_for(criteria)
        profile, logo = profile_and_logo(self.db)
        return (
            target,
            self.finder.filter(criteria),
            criteria,
            advices[0][1] if advices else None,
            HandoutContext(profile=profile, logo=logo, today=date.today()),
        )

    def _write_overview_pdf(self, target: Path) -> None:
        from drugspreventie_app.export.interventions_overview import write_overview

        write_overview(*self._overview_args(target))

    def help_topic(self) -> str:
        return "interventies"

    def filter_on_cell(self, setting: str, niveau: str) -> None:
        self.filters.set_checked("niveaus", {niveau})
        self.filters.set_checked("settings", {setting})

    # -- the hook for the plan editor --------------------------------------------------------

    def connect_add_to_plan(
        self, handler: AddToPlan, chosen_plan: Callable[[], Plan | None]
    ) -> None:
        """The main window calls this once; the button then appears. `handler` adds an
        intervention (with the current filters) and returns the plan it went to;
        `chosen_plan` names the plan whose interventions are marked ✓ in the list."""
        self._add_to_plan = handler
        self._chosen_plan = chosen_plan
        self.plan_button.show()
        self.refresh_plan_marks()

    def refresh_plan_marks(self) -> None:
        plan = self._chosen_plan()
        ids = {a.interventie_id for a in plan.acties if a.interventie_id} if plan else set()
        self.model.set_in_plan(ids)
        if plan is not None:
            self.plan_label.setText(f"✓ = staat al in het plan ‘{_plan_label(plan)}’")
        self.plan_label.setVisible(plan is not None)

    def _request_add_to_plan(self) -> None:
        item = self.current_item()
        if item is None or self._add_to_plan is None:
            return
        plan = self._add_to_plan(item, self.criteria())
        if plan is None:
            return
        self.refresh_plan_marks()
        action = plan.acties[-1]
        where = ", ".join(
            x
            for x in (
                SETTINGS.get(action.setting, ""),
                age_range_text(action.leeftijd_van, action.leeftijd_tot, ""),
            )
            if x
        )
        self.added_label.setText(
            f"‘{item.naam}’ staat nu als actie in het plan ‘{_plan_label(plan)}’"
            + (f" ({where})" if where else "")
            + ". Vul daar de uitvoerder, planning en het budget aan."
        )
        self.added_box.show()
        self.status_message.emit(f"Toegevoegd aan het plan: {item.naam}")
        self.table.setFocus()  # keep working in the list: the next one is a key press away

    # -- local interventions -----------------------------------------------------------------

    def _run_dialog(self, existing: Intervention | None) -> None:
        dialog = LocalInterventionDialog(self.repo, existing, self)
        if dialog.exec() and dialog.saved is not None:
            self.reload_local()
            self.select_id(dialog.saved.id)
            self.status_message.emit(f"Opgeslagen: {dialog.saved.naam}")

    def add_local(self) -> None:
        self._run_dialog(None)

    def edit_local(self) -> None:
        item = self.current_item()
        if item is not None and item.lokaal:
            self._run_dialog(item)

    def delete_local(self) -> None:
        item = self.current_item()
        if item is None or not item.lokaal:
            return
        if not dialogs.confirm(
            self, "Verwijderen", f"Eigen interventie '{item.naam}' verwijderen?", "Verwijderen"
        ):
            return
        try:
            self._last_deleted = self.repo.delete(item.id)
        except StorageError as err:
            dialogs.error(self, "Verwijderen mislukt", str(err))
            return
        self.undo_button.show()
        self.reload_local()
        self.status_message.emit(f"Verwijderd: {item.naam}")

    def undo_delete(self) -> None:
        if self._last_deleted is None:
            return
        try:
            self.repo.restore(self._last_deleted)
        except StorageError as err:
            dialogs.error(self, "Terugzetten mislukt", str(err))
            return
        restored_id = self._last_deleted["id"]
        self._last_deleted = None
        self.undo_button.hide()
        self.reload_local()
        self.select_id(restored_id)

    def import_local(self) -> None:
        path = dialogs.open_file(self, "Eigen interventies importeren", JSON_FILTER)
        if not path:
            return
        try:
            result = self.repo.import_file(Path(path))
        except StorageError as err:
            dialogs.error(self, "Importeren mislukt", str(err))
            return
        self.reload_local()
        dialogs.inform(self, "Importeren", result.message())

    def export_local(self) -> None:
        if not any(i.lokaal for i in self.finder.items):
            dialogs.inform(self, "Delen", "U heeft nog geen eigen interventies.")
            return
        path = dialogs.save_file(
            self, "Eigen interventies delen", "eigen-interventies.json", JSON_FILTER
        )
        if not path:
            return
        try:
            count = self.repo.export_file(Path(path))
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        self.status_message.emit(f"{count} eigen interventie(s) opgeslagen in {path}")

    def export_selection(self) -> None:
        """The current selection as PDF or as an editable Word document: the user picks the
        format; a file name typed with .pdf or .docx decides as well."""
        index = dialogs.choose(
            self, "Selectie exporteren", "Exporteren als:", [label for label, *_ in EXPORT_FORMATS]
        )
        if index is None:
            return
        _, suffix, file_filter = EXPORT_FORMATS[index]
        path = dialogs.save_file(
            self, "Selectie exporteren", f"overzicht-interventies{suffix}", file_filter
        )
        if not path:
            return
        typed = Path(path).suffix.lower()
        if typed in (".pdf", ".docx"):
            suffix, target = typed, Path(path)
        else:
            target = Path(path + suffix)
        from drugspreventie_app.export.interventions_overview import write_overview

        try:
            summary = write_overview(*self._overview_args(target)).summary()
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        if summary:
            dialogs.inform(self, "Overzicht opgeslagen", f"Opgeslagen: {target}\n\n{summary}")
        self.status_message.emit(f"Opgeslagen: {target}")


def _compact_niet_doen(advices: list[tuple[str, Advice]]) -> str:
    seen: dict[str, str] = {}
    for _, advice in advices:
        for item in advice.niet_doen:
            seen.setdefault(item.id, item.tekst)
    return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in seen.values()) + "</ul>"
