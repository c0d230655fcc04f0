"""Preventie- en Handhavingsplan: the plan list, the section editor and the live plan check."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.content.interventions import catalogue, guidance
from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.intervention_filter import Criteria, InterventionFinder
from drugspreventie_app.domain.plan.actions import action_from_intervention
from drugspreventie_app.domain.plan.model import (
    Actie,
    Plan,
    PlanOrganisatie,
    duplicate_for_next_period,
    new_id,
)
from drugspreventie_app.domain.plan.sections import SECTIONS
from drugspreventie_app.domain.profile import HelpContact
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.local_interventions_repository import (
    LocalInterventionsRepository,
)
from drugspreventie_app.storage.plan_repository import PlanRepository
from drugspreventie_app.storage.profile_repository import ProfileRepository
from drugspreventie_app.ui import app_guards, dialogs
from drugspreventie_app.ui.app_guards import UNDO_SCOPE_PROPERTY
from drugspreventie_app.ui.background_export import export_in_background
from drugspreventie_app.ui.mnemonics import KEYS_PROPERTY
from drugspreventie_app.ui.plan.check_panel import CheckPanel
from drugspreventie_app.ui.plan.intervention_picker import InterventionPicker
from drugspreventie_app.ui.plan.new_plan_dialog import NewPlanDialog
from drugspreventie_app.ui.plan.plan_session import PlanSession
from drugspreventie_app.ui.plan.progress_page import ProgressPage
from drugspreventie_app.ui.plan.section_pages import (
    SectionPage,
    acties_page,
    algemeen_page,
    beleidsfocus_page,
    communicatie_page,
    doelen_page,
    evaluatie_page,
    handhaving_page,
    inleiding_page,
    lokale_situatie_page,
)

CHECK_DELAY_MS = 250  # the check runs once typing pauses, not on every keystroke
PDF_FILTER = "PDF-bestanden (*.pdf)"
DOCX_FILTER = "Word-documenten (*.docx)"
PLAN_FILTER = "Planbestanden (*.json)"


class PlanTab(QWidget):
    status_message = Signal(str)
    find_interventions = Signal(str, str)  # setting, niveau: open the finder on that cell

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.repo = PlanRepository(db)
        self.local_repo = LocalInterventionsRepository(db)
        self.session = PlanSession(self.repo, self)
        self.session.plan_replaced.connect(self._load_pages)
        self.session.plan_changed.connect(self._schedule_check)
        self.session.plan_changed.connect(self._update_list_title)
        self.session.save_status.connect(self.status_message)
        self.session.text_cleaned.connect(self.status_message)
        self.session.save_failed.connect(self._save_failed)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.timeout.connect(self.run_check)
        self._save_error_shown = False

        # -- left: plans -------------------------------------------------------------------
        self.plan_list = QListWidget()
        self.plan_list.setAccessibleName("Plannen")
        self.plan_list.setMinimumHeight(60)
        # long plan titles wrap instead of hiding behind a sideways scroll bar
        self.plan_list.setWordWrap(True)
        self.plan_list.setSpacing(2)
        self.plan_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.plan_list.currentItemChanged.connect(self._plan_chosen)
        self.new_button = QPushButton("&Nieuw plan…")
        self.new_button.clicked.connect(self.new_plan)
        # The less frequent plan commands sit in one menu button: seven buttons made this
        # column too wide and too tall for a laptop at 150%.
        self.more_menu = QMenu(self)
        self.example_action = self._menu_action("&Voorbeeldplan openen", self.open_example)
        self.rename_action = self._menu_action("Naam &wijzigen…", self.rename_plan)
        self.duplicate_action = self._menu_action("Volgende &periode…", self.duplicate_plan)
        self.duplicate_action.setToolTip("Dupliceer dit plan als begin van de volgende periode")
        self.import_action = self._menu_action("Plan &importeren…", self.import_plan)
        self.more_menu.addSeparator()
        self.snapshot_action = self._menu_action("Versie &bewaren…", self.save_snapshot)
        self.versions_action = self._menu_action("Ve&rsies…", self.show_versions)
        self.more_menu.addSeparator()
        self.delete_action = self._menu_action("Naar de p&rullenbak", self.delete_plan)
        self.trash_action = self._menu_action("Pr&ullenbak…", self.restore_from_trash)
        self.more_button = QPushButton("M&eer")
        self.more_button.setMenu(self.more_menu)
        self.more_button.setToolTip(
            "Voorbeeldplan, naam wijzigen, volgende periode, importeren, versies"
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_heading("P&lannen", self.plan_list))
        left_layout.addWidget(self.plan_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.more_button)
        left_layout.addLayout(row)

        # -- middle: toolbar, section navigator, pages ------------------------------------
        self.undo_button = QPushButton("Ongedaan maken")
        self.undo_button.setToolTip("De laatste wijziging in het plan terugdraaien (Ctrl+Z)")
        self.undo_button.setProperty(KEYS_PROPERTY, "Ctrl+Z")
        self.undo_button.clicked.connect(self.session.undo_stack.undo)
        self.redo_button = QPushButton("Opnieuw")
        self.redo_button.setToolTip("De teruggedraaide wijziging opnieuw doen (Ctrl+Y)")
        self.redo_button.setProperty(KEYS_PROPERTY, "Ctrl+Y")
        self.redo_button.clicked.connect(self.session.undo_stack.redo)
        self.session.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.session.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.pdf_button = QPushButton("Exporteren als PDF…")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.docx_button = QPushButton("Exporteren als Word…")
        self.docx_button.setToolTip("Een bewerkbaar Word-document (.docx) met dezelfde inhoud")
        self.docx_button.clicked.connect(self.export_docx)
        self.file_button = QPushButton("Planbestand…")
        self.file_button.setToolTip("Het plan opslaan als bestand dat een collega kan importeren")
        self.file_button.clicked.connect(self.export_file)
        # Two rows (editing, then exporting) keep the window narrow enough for a laptop.
        toolbar = QVBoxLayout()
        for row_buttons in (
            (self.undo_button, self.redo_button),
            (self.pdf_button, self.docx_button, self.file_button),
        ):
            row = QHBoxLayout()
            for b in row_buttons:
                row.addWidget(b)
            row.addStretch()
            toolbar.addLayout(row)

        self.navigator = QListWidget()
        self.navigator.setAccessibleName("Onderdelen van het plan")
        self.navigator.setMinimumHeight(110)
        for section in SECTIONS:
            number = f"{section.number}. " if section.number else ""
            item = QListWidgetItem(f"{number}{section.title}")
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.navigator.addItem(item)
        # The plan cycle follows the plan's own chapters: it is not a chapter of the plan.
        progress_item = QListWidgetItem("Voortgang")
        progress_item.setData(Qt.ItemDataRole.UserRole, ProgressPage.section_id)
        self.navigator.addItem(progress_item)
        self.pages = QStackedWidget()
        self.pages.setAccessibleName("Onderdeel van het plan")
        self.page_by_section: dict[str, SectionPage] = {}
        for page in (
            algemeen_page(self.session, self.settings_organisation),
            inleiding_page(self.session),
            beleidsfocus_page(self.session),
            lokale_situatie_page(self.session, self._regional_contact),
            doelen_page(self.session),
            acties_page(self.session, self._pick_intervention),
            handhaving_page(self.session),
            evaluatie_page(self.session),
            communicatie_page(self.session),
        ):
            self.page_by_section[page.section.id] = page
            self.pages.addWidget(page)
        self.progress_page = ProgressPage(self.session, self.export_progress_report)
        self.progress_page.status_message.connect(self.status_message)
        self.pages.addWidget(self.progress_page)
        self.navigator.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek in het plan…")
        self.search.setAccessibleName("Zoek in het plan")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(lambda _t: self._search_state.clear())
        self._search_state: list[tuple[str, int]] = []
        self.navigator.setCurrentRow(0)
        self.empty_label = QLabel(
            "Kies links een plan, maak een nieuw plan vanuit het Modelplan, of open het "
            "voorbeeldplan van Gemeente Voorbeeld."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The navigator sits under the plan list, so the editor gets the full middle width.
        left_layout.addWidget(_heading("On&derdelen", self.navigator))
        left_layout.addWidget(self.navigator)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.empty_label)
        self.editor_stack.addWidget(self.pages)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(toolbar)
        middle_layout.addWidget(self.search)
        middle_layout.addWidget(self.editor_stack, 1)

        # -- right: check -------------------------------------------------------------------
        self.check_panel = CheckPanel()
        self.check_panel.section_requested.connect(self.show_section)
        self.check_panel.actions_requested.connect(self.show_actions_in_cell)
        self.check_panel.interventions_requested.connect(self.find_interventions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("plan_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.check_panel)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([210, 500, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        # Ctrl+Z / Ctrl+Y act on the plan's own history wherever the focus is in this tab, also
        # inside a text field (app_guards keeps the fields from taking these keys).
        self.setProperty(UNDO_SCOPE_PROPERTY, True)
        app_guards.install()
        undo = QAction("Ongedaan maken", self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self.session.undo_stack.undo)
        redo = QAction("Opnieuw", self)
        # Ctrl+Y as the issue and Windows users expect, plus the platform's own redo key
        # (Ctrl+Shift+Z on Linux); listed once each, or Qt calls the shortcut ambiguous.
        keys = [QKeySequence("Ctrl+Y")]
        keys += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in keys
        ]
        redo.setShortcuts(keys)
        redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        redo.triggered.connect(self.session.undo_stack.redo)
        self.addAction(undo)
        self.addAction(redo)

        self.reload_list()
        if self.session.plan is None and self.plan_list.count():
            self.plan_list.setCurrentRow(0)  # reopen the plan edited last
        self._update_enabled()

    def _menu_action(self, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        self.more_menu.addAction(action)
        return action

    # -- keys of the main window -------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def find_next(self) -> bool:
        """Enter in the search field: go to the next field of the plan containing the text,
        switch to its section and select the text there. False when nothing matches."""
        needle = self.search.text().strip().casefold()
        if not needle or self.session.plan is None:
            return False
        matches = [
            (section_id, n)
            for section_id, page in self.page_by_section.items()
            for n, field in enumerate(page.text_fields())
            if needle in _field_text(field).casefold()
        ]
        if not matches:
            self.status_message.emit(f"'{self.search.text().strip()}' staat niet in het plan.")
            return False
        # Enter again goes to the next match, and round again after the last one.
        previous = self._search_state[-1] if self._search_state else None
        following = matches.index(previous) + 1 if previous in matches else 0
        section_id, n = matches[following % len(matches)]
        self._search_state[:] = [(section_id, n)]
        self.show_section(section_id)
        field = self.page_by_section[section_id].text_fields()[n]
        _select_text(field, needle)
        self.page_by_section[section_id].ensureWidgetVisible(field)
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def print_current(self) -> None:
        """Ctrl+P / Bestand > Afdrukken: the plan on paper."""
        if self.session.plan is None:
            self.status_message.emit("Er is geen plan geopend om af te drukken.")
            return
        self.print_plan()

    def help_topic(self) -> str:
        if self.session.plan is None:
            return "plan"
        return f"plan-{self.current_section()}"

    # -- plan list ---------------------------------------------------------------------------

    def reload_list(self, select_id: str | None = None) -> None:
        current = select_id or (self.session.plan.id if self.session.plan else None)
        self.plan_list.blockSignals(True)
        self.plan_list.clear()
        for plan in self.repo.list():
            item = QListWidgetItem(self._list_text(plan))
            item.setToolTip(self._list_text(plan))
            item.setData(Qt.ItemDataRole.UserRole, plan.id)
            self.plan_list.addItem(item)
        self.plan_list.blockSignals(False)
        for row in range(self.plan_list.count()):
            if self.plan_list.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.plan_list.setCurrentRow(row)
                return
        if current is None and self.plan_list.count() == 0:
            self.session.open(None)

    @staticmethod
    def _list_text(plan: Plan) -> str:
        """Municipality and period first: that is what tells plans apart in a narrow list;
        the (often long and similar) title wraps below it."""
        where = " · ".join(x for x in (plan.gemeente.strip(), plan.periode_text()) if x)
        return f"{where}\n{plan.titel}"

    def _update_list_title(self) -> None:
        plan = self.session.plan
        item = self.plan_list.currentItem()
        if plan and item and item.data(Qt.ItemDataRole.UserRole) == plan.id:
            text = self._list_text(plan)
            if item.text() != text:
                item.setText(text)
                item.setToolTip(text)

    def _plan_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        plan_id = item.data(Qt.ItemDataRole.UserRole)
        if self.session.plan and self.session.plan.id == plan_id:
            return
        if not self.session.flush():
            return
        self.session.open(self.repo.get(plan_id))
        self._update_enabled()

    def open_plan_id(self, plan_id: str) -> None:
        self.reload_list(select_id=plan_id)
        if not self.session.plan or self.session.plan.id != plan_id:
            self.session.open(self.repo.get(plan_id))
        self._update_enabled()

    def _update_enabled(self) -> None:
        has_plan = self.session.plan is not None
        self.editor_stack.setCurrentIndex(1 if has_plan else 0)
        for b in (
            self.duplicate_action,
            self.rename_action,
            self.delete_action,
            self.snapshot_action,
            self.versions_action,
            self.pdf_button,
            self.docx_button,
            self.file_button,
        ):
            b.setEnabled(has_plan)
        self.undo_button.setEnabled(self.session.undo_stack.canUndo())
        self.redo_button.setEnabled(self.session.undo_stack.canRedo())
        for widget in (
            self.new_button,
            self.example_action,
            self.import_action,
            self.duplicate_action,
            self.rename_action,
            self.delete_action,
            self.trash_action,
            self.snapshot_action,
            self.pages,
        ):
            if self.db.read_only:
                widget.setEnabled(False)

    def _add_and_open(self, plan: Plan, message: str) -> None:
        try:
            self.repo.save(plan)
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        self.open_plan_id(plan.id)
        self.status_message.emit(message)

    def settings_organisation(self) -> PlanOrganisatie:
        """The organisation in the settings, as the starting value of a plan's own."""
        from drugspreventie_app.domain.profile import plan_organisation_from

        return plan_organisation_from(ProfileRepository(self.db).load())

    def new_plan(self) -> None:
        dialog = NewPlanDialog(self, organisatie=self.settings_organisation())
        if dialog.exec() and dialog.plan is not None:
            self._add_and_open(dialog.plan, f"Nieuw plan: {dialog.plan.titel}")

    def open_example(self) -> None:
        from drugspreventie_app.content.example_plan import example_plan

        plan = example_plan()
        plan.id = new_id()
        self._add_and_open(plan, "Het voorbeeldplan van Gemeente Voorbeeld is toegevoegd.")

    def duplicate_plan(self) -> None:
        if self.session.plan is None or not self.session.flush():
            return
        copy = duplicate_for_next_period(self.session.plan)
        self._add_and_open(copy, f"Kopie gemaakt voor {copy.periode_text()}")

    def rename_plan(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        name = dialogs.ask_text(self, "Naam wijzigen", "Nieuwe titel van het plan:", plan.titel)
        if name is None or not name.strip():
            return
        self.session.edit("Titel gewijzigd", lambda p: setattr(p, "titel", name.strip()))
        self._load_pages()

    def delete_plan(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        if not dialogs.confirm(
            self,
            "Plan verwijderen",
            f"'{plan.titel}' naar de prullenbak verplaatsen? U kunt het daar terugzetten.",
            "Naar prullenbak",
        ):
            return
        if not self.session.flush():
            return
        try:
            self.repo.delete(plan.id)
        except StorageError as err:
            dialogs.error(self, "Verwijderen mislukt", str(err))
            return
        self.session.open(None)
        self.reload_list()
        if self.plan_list.count():
            self.plan_list.setCurrentRow(0)
        self._update_enabled()
        self.status_message.emit(f"'{plan.titel}' staat in de prullenbak.")

    def restore_from_trash(self) -> None:
        trashed = self.repo.trash()
        if not trashed:
            dialogs.inform(self, "Prullenbak", "De prullenbak is leeg.")
            return
        index = dialogs.choose(
            self,
            "Prullenbak",
            "Welk plan wilt u terugzetten?",
            [f"{t.plan.titel} ({t.plan.gemeente}, verwijderd {t.deleted[:10]})" for t in trashed],
        )
        if index is None:
            return
        restored = self.repo.restore(trashed[index].plan.id)
        if restored is not None:
            self.open_plan_id(restored.id)

    # -- sections, check ---------------------------------------------------------------------

    def _load_pages(self) -> None:
        plan = self.session.plan
        if plan is None:
            self._update_enabled()
            return
        for page in self.page_by_section.values():
            page.load(plan)
        self.progress_page.load(plan)
        self._update_enabled()

    def show_section(self, section_id: str) -> None:
        for row in range(self.navigator.count()):
            if self.navigator.item(row).data(Qt.ItemDataRole.UserRole) == section_id:
                self.navigator.setCurrentRow(row)
                return

    def show_actions_in_cell(self, setting: str, niveau: str) -> None:
        """From the coverage matrix: the Acties section with the cell's first action chosen."""
        plan = self.session.plan
        if plan is None:
            return
        self.show_section("acties")
        rows = [n for n, a in enumerate(plan.acties) if (a.setting, a.niveau) == (setting, niveau)]
        acties = self.page_by_section["acties"].tables[0]
        if acties.table.rowCount() != len(plan.acties):
            acties.load(plan)
        if rows:
            acties.table.setCurrentCell(rows[0], 0)
            acties.table.setFocus()

    def current_section(self) -> str:
        return self.navigator.currentItem().data(Qt.ItemDataRole.UserRole)

    def _schedule_check(self) -> None:
        self._check_timer.start(CHECK_DELAY_MS)

    def interventions_by_id(self) -> dict[str, Intervention]:
        items = {i.id: i for i in catalogue()}
        items.update({i.id: i for i in self.local_repo.all()})
        return items

    def run_check(self) -> list:
        from drugspreventie_app.domain.plan.check import check_plan
        from drugspreventie_app.domain.plan.coverage import plan_coverage

        self._check_timer.stop()
        plan = self.session.plan
        if plan is None:
            self.check_panel.show_no_plan()
            return []
        findings = check_plan(plan, self.interventions_by_id(), guidance())
        self.check_panel.set_findings(findings)
        self.check_panel.set_coverage(plan_coverage(plan))
        return findings

    # -- the regional institution from Instellingen ------------------------------------------

    def _regional_contact(self) -> HelpContact | None:
        try:
            return ProfileRepository(self.db).load().regionale_instelling
        except StorageError as err:
            dialogs.error(self, "Instellingen niet leesbaar", str(err))
            return None

    # -- interventions into the plan ---------------------------------------------------------

    def _pick_intervention(self) -> Actie | None:
        finder = InterventionFinder(self.interventions_by_id().values())
        picker = InterventionPicker(finder, self)
        if picker.exec() and picker.chosen is not None:
            return action_from_intervention(picker.chosen)
        return None

    @staticmethod
    def intervention_ids(plan: Plan) -> set[str]:
        return {a.interventie_id for a in plan.acties if a.interventie_id}

    def chosen_plan(self) -> Plan | None:
        """The plan 'Toevoegen aan plan' goes to without asking: the open one."""
        return self.session.plan

    def add_intervention(self, item: Intervention, criteria: Criteria | None = None) -> Plan | None:
        """'Toevoegen aan plan' from the Interventies tab, without dead ends: no plan yet
        offers to make one, one plan needs no question, several are offered with the open one
        first. The action takes the setting, ages and level the user filtered on. Returns the
        plan it was added to (the user stays where they are)."""
        plan = self._plan_to_add_to(item)
        if plan is None:
            return None
        if self.session.plan is not None and self.session.plan.id == plan.id:
            plan = self.session.plan  # with the edits autosave has not written yet
        if item.id in self.intervention_ids(plan) and not dialogs.confirm(
            self,
            "Toevoegen aan plan",
            f"‘{item.naam}’ staat al als actie in ‘{self._plan_label(plan)}’. "
            "Wilt u de interventie nog een keer toevoegen, bijvoorbeeld voor een andere "
            "doelgroep?",
            "Nog een keer toevoegen",
            no_text="Niet toevoegen",
            default_yes=False,
        ):
            return None
        if self.session.plan is None or self.session.plan.id != plan.id:
            if not self.session.flush():
                return None
            self.open_plan_id(plan.id)
        c = criteria or Criteria()
        action = action_from_intervention(item, c.settings, c.leeftijd, c.niveaus)
        self.session.edit(f"Actie '{item.naam}' toegevoegd", lambda p: p.acties.append(action))
        self._load_pages()
        table = self.page_by_section["acties"].tables[0].table
        table.setCurrentCell(table.rowCount() - 1, 0)
        self.show_section("acties")  # where "Naar het plan" leads
        self.status_message.emit(f"'{item.naam}' is als actie aan het plan toegevoegd.")
        return self.session.plan

    @staticmethod
    def _plan_label(plan: Plan) -> str:
        return " · ".join(x for x in (plan.gemeente.strip(), plan.periode_text()) if x)

    def _plan_to_add_to(self, item: Intervention) -> Plan | None:
        plans = self.repo.list()
        if not plans:
            return self._new_plan_for(item)
        if len(plans) == 1:
            return plans[0]
        current = self.session.plan.id if self.session.plan else plans[0].id
        order = sorted(plans, key=lambda p: p.id != current)
        index = dialogs.choose(
            self,
            "Toevoegen aan plan",
            f"Aan welk plan wilt u ‘{item.naam}’ toevoegen?",
            [f"{self._plan_label(p)}: {p.titel}" for p in order],
        )
        return None if index is None else order[index]

    def _new_plan_for(self, item: Intervention) -> Plan | None:
        if not dialogs.confirm(
            self,
            "Toevoegen aan plan",
            f"Er is nog geen plan. Wilt u nu een plan maken? ‘{item.naam}’ wordt dan de "
            "eerste actie van dat plan.",
            "Nieuw plan maken",
        ):
            return None
        dialog = NewPlanDialog(self, organisatie=self.settings_organisation())
        if not dialog.exec() or dialog.plan is None:
            return None
        try:
            self.repo.save(dialog.plan)
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return None
        self.reload_list(select_id=dialog.plan.id)
        return dialog.plan

    # -- versions ----------------------------------------------------------------------------

    def save_snapshot(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        label = dialogs.ask_text(
            self, "Versie bewaren", "Naam van deze versie:", f"Versie {date.today():%d-%m-%Y}"
        )
        if label is None:
            return
        try:
            self.repo.save_snapshot(plan, label or "Versie")
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        self.status_message.emit(f"Versie '{label}' bewaard.")

    def show_versions(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        snapshots = self.repo.snapshots(plan.id)
        if not snapshots:
            dialogs.inform(self, "Versies", "Er zijn nog geen bewaarde versies van dit plan.")
            return
        from drugspreventie_app.ui.plan.versions_dialog import VersionsDialog

        dialog = VersionsDialog(snapshots, self)
        if dialog.exec() and dialog.restore is not None:
            self.restore_snapshot(dialog.restore.plan(), dialog.restore.label)

    def restore_snapshot(self, old: Plan, label: str) -> None:
        """Put an earlier version back; one undoable step, the plan keeps its own id."""

        def mutate(p: Plan) -> None:
            for f in fields(Plan):
                if f.name not in ("id", "aangemaakt"):
                    setattr(p, f.name, getattr(old, f.name))

        self.session.edit(f"Versie '{label}' teruggezet", mutate)
        self._load_pages()
        self.status_message.emit(f"Versie '{label}' teruggezet (ongedaan maken kan).")

    # -- files -------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        from drugspreventie_app.export.plan_document import write_plan

        self._export_document("PDF", ".pdf", PDF_FILTER, write_plan)

    def export_docx(self) -> None:
        from drugspreventie_app.export.plan_document import write_plan

        self._export_document("Word-document", ".docx", DOCX_FILTER, write_plan)

    def _export_document(self, kind: str, suffix: str, file_filter: str, write) -> None:
        """Ask where, ask about the plan check, write; a Word export may report characters
        it had to replace."""
        from drugspreventie_app.export.document import ExportReport
        from drugspreventie_app.export.handout import HandoutContext
        from drugspreventie_app.storage.profile_access import plan_profile_and_logo

        plan = self.session.plan
        if plan is None:
            return
        answer = dialogs.ask(
            self,
            f"Plan exporteren als {kind}",
            "Wilt u de samenvatting van de plancheck als bijlage bij het plan opnemen?",
            ["Met plancheck exporteren", "Zonder plancheck exporteren", "Annuleren"],
        )
        if answer not in (0, 1):
            return  # Annuleren: nothing is written
        with_check = answer == 0
        path = dialogs.save_file(
            self, f"Plan exporteren als {kind}", f"{_safe(plan.titel)}{suffix}", file_filter
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        profile, logo = plan_profile_and_logo(self.db, plan)
        context = HandoutContext(profile=profile, logo=logo, today=date.today())
        interventions = self.interventions_by_id()
        findings = self.run_check() if with_check else None
        snapshot = Plan.from_dict(plan.to_dict())  # the worker reads it while the user types
        try:
            finished, result = export_in_background(
                self,
                f"Het plan wordt als {kind} opgemaakt…",
                target,
                lambda path: write(path, snapshot, context, interventions, findings),
            )
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        if not finished:
            self.status_message.emit(f"Export als {kind} geannuleerd; er is niets opgeslagen.")
            return
        summary = result.summary() if isinstance(result, ExportReport) else ""
        if summary:
            dialogs.inform(self, f"{kind} opgeslagen", f"Opgeslagen: {target}\n\n{summary}")
        self.status_message.emit(f"Opgeslagen: {target}")

    def print_plan(self) -> None:
        """The plan on paper: the same document as the PDF, without the plan-check appendix
        (that is a working note, not part of the plan)."""
        from drugspreventie_app.export.handout import HandoutContext
        from drugspreventie_app.export.pdf_renderer import render_pdf
        from drugspreventie_app.export.plan_document import plan_document
        from drugspreventie_app.storage.profile_access import plan_profile_and_logo
        from drugspreventie_app.ui.printing import print_document

        plan = self.session.plan
        if plan is None:
            return
        profile, logo = plan_profile_and_logo(self.db, plan)
        ctx = HandoutContext(profile=profile, logo=logo, today=date.today())
        pdf = render_pdf(plan_document(plan, ctx, self.interventions_by_id(), None))
        message = print_document(self, pdf, plan.titel or "Plan")
        if message:
            self.status_message.emit(message)

    def export_progress_report(self, kind: str, year: int, fmt: str) -> None:
        """The voortgangsrapportage over `year` as PDF or Word, with the open findings."""
        from drugspreventie_app.export.progress_report import (
            ReportOptions,
            default_report_name,
            write_progress_report,
        )
        from drugspreventie_app.storage.profile_access import plan_profile_and_logo

        plan = self.session.plan
        if plan is None:
            return
        suffix, file_filter = (".pdf", PDF_FILTER) if fmt == "pdf" else (".docx", DOCX_FILTER)
        options = ReportOptions(kind=kind, year=year)
        path = dialogs.save_file(
            self,
            "Voortgangsrapportage opslaan",
            default_report_name(plan, options) + suffix,
            file_filter,
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        profile, _logo = plan_profile_and_logo(self.db, plan)  # the plan's own author
        findings = self.run_check()
        snapshot = Plan.from_dict(plan.to_dict())  # the worker reads it while the user types
        try:
            finished, _result = export_in_background(
                self,
                "De voortgangsrapportage wordt opgemaakt…",
                target,
                lambda path: write_progress_report(
                    path,
                    snapshot,
                    options,
                    findings=findings,
                    organisation=profile.organisatie,
                    today=date.today(),
                ),
            )
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        if not finished:
            self.status_message.emit("Rapportage geannuleerd; er is niets opgeslagen.")
            return
        self.status_message.emit(f"Voortgangsrapportage opgeslagen: {target}")

    def export_file(self) -> None:
        from drugspreventie_app.storage.plan_files import export_plan

        plan = self.session.plan
        if plan is None:
            return
        path = dialogs.save_file(
            self, "Planbestand exporteren", f"{_safe(plan.titel)}.json", PLAN_FILTER
        )
        if not path:
            return
        try:
            export_plan(plan, Path(path))
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        self.status_message.emit(f"Planbestand opgeslagen: {path}")

    def import_plan(self) -> None:
        from drugspreventie_app.domain.plan.plan_file import PlanFileError
        from drugspreventie_app.storage.plan_files import import_plan

        path = dialogs.open_file(self, "Plan importeren", PLAN_FILTER)
        if not path:
            return
        try:
            plan = import_plan(self.repo, Path(path))
        except (PlanFileError, StorageError) as err:
            dialogs.error(self, "Importeren mislukt", str(err))
            return
        self.open_plan_id(plan.id)
        self.status_message.emit(f"Plan geïmporteerd: {plan.titel}")

    # -- saving ------------------------------------------------------------------------------

    def flush(self) -> bool:
        return self.session.flush()

    def _save_failed(self, message: str) -> None:
        # Say it once per failure streak; the status bar keeps reminding.
        if not self._save_error_shown:
            self._save_error_shown = True
            dialogs.error(self, "Automatisch opslaan mislukt", message)
        QTimer.singleShot(0, self._watch_recovery)

    def _watch_recovery(self) -> None:
        if self.session.last_error is None:
            self._save_error_shown = False


def _heading(text: str, buddy: QWidget) -> QLabel:
    """A bold heading whose Alt+letter moves the focus to the list below it."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(buddy)
    return label


def _field_text(field: QWidget) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


def _select_text(field: QWidget, needle: str) -> None:
    text = _field_text(field)
    start = text.casefold().find(needle)
    if start < 0:
        return
    if isinstance(field, QPlainTextEdit):
        cursor = field.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + len(needle), QTextCursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
    else:
        field.setSelection(start, len(needle))


def _safe(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in name).strip()
    return (cleaned or "plan")[:80]


def snapshot_html(plan: Plan) -> str:
    """A short read-only view of a saved version."""
    rows = [
        ("Titel", plan.titel),
        ("Gemeente", plan.gemeente),
        ("Periode", plan.periode_text()),
        ("Visie", plan.beleidsfocus.visie[:600]),
        ("Doelen", f"{len(plan.doelen)} ({len(plan.all_subdoelen())} subdoelen)"),
        ("Acties", ", ".join(a.naam for a in plan.acties) or "geen"),
        ("Handhaving", f"{len(plan.handhaving)} maatregelen"),
    ]
    return (
        "<table cellpadding='3'>"
        + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        + "</table>"
    )
