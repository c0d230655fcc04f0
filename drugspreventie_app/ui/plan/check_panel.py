"""The live plan check and the coverage picture of the plan's actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.intervention import NIVEAUS, SETTINGS
from drugspreventie_app.domain.plan.check import summary_text
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID
from drugspreventie_app.ui.interventies.coverage_view import cell_colour

COVERAGE_LABEL_WIDTH = 110
SEVERITY_LABEL = {"fout": "FOUT", "waarschuwing": "LET OP", "tip": "TIP"}
SEVERITY_COLOUR = {"fout": "#8a1c00", "waarschuwing": "#7a5200", "tip": "#1f4e79"}


class CheckPanel(QWidget):
    section_requested = Signal(str)
    actions_requested = Signal(str, str)  # setting, niveau: show the plan's actions there
    interventions_requested = Signal(str, str)  # setting, niveau: find interventions for it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Findings and coverage in two tabs: side by side on one column they left the
        # coverage matrix too little room at 150% scaling (it showed 1 of its 5 columns).
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setAccessibleName("Plancheck")
        self.findings.setSpacing(3)
        self.findings.setAlternatingRowColors(True)
        self.findings.itemActivated.connect(self._open)
        self.findings.itemClicked.connect(self._open)
        heading = QLabel("Bevindin&gen: kies er een om naar het onderdeel te gaan.")
        heading.setWordWrap(True)
        heading.setBuddy(self.findings)  # Alt+letter goes to the list
        check_page = QWidget()
        check_layout = QVBoxLayout(check_page)
        check_layout.setContentsMargins(4, 4, 4, 4)
        check_layout.addWidget(self.summary)
        check_layout.addWidget(heading)
        check_layout.addWidget(self.findings, 1)

        coverage_heading = QLabel(
            "Aantal acties per setting en preventieniveau. U = universeel, S = selectief, "
            "I = geïndiceerd, Z = zorggerelateerd, HR = harm reduction."
        )
        coverage_heading.setWordWrap(True)
        self.coverage = QTableWidget(len(SETTINGS), len(NIVEAUS))
        self.coverage.setHorizontalHeaderLabels(list(NIVEAUS))
        self.coverage.setVerticalHeaderLabels(list(SETTINGS.values()))
        for row, name in enumerate(SETTINGS.values()):
            self.coverage.verticalHeaderItem(row).setToolTip(name)
        # long setting names are shortened (full name in the tooltip) so all five columns fit
        self.coverage.verticalHeader().setMaximumWidth(COVERAGE_LABEL_WIDTH)
        self.coverage.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.coverage.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.coverage.horizontalHeader().setMinimumSectionSize(26)
        self.coverage.verticalHeader().setDefaultSectionSize(22)
        self.coverage.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.coverage.setAccessibleName("Dekking van de acties")
        self.coverage.setMinimumWidth(
            COVERAGE_LABEL_WIDTH + len(NIVEAUS) * 28 + self.coverage.frameWidth() * 2
        )
        coverage_page = QWidget()
        coverage_layout = QVBoxLayout(coverage_page)
        coverage_layout.setContentsMargins(4, 4, 4, 4)
        coverage_layout.addWidget(coverage_heading)
        coverage_layout.addWidget(self.coverage, 1)
        self.coverage.setToolTip("Klik op een cel (of Enter) voor de acties in die cel")
        self.coverage.cellClicked.connect(self.choose_cell)
        self.coverage.cellActivated.connect(self.choose_cell)
        self._cells: dict[tuple[str, str], list[str]] = {}
        self._chosen: tuple[str, str] | None = None
        self.cell_info = QLabel("Klik op een cel om te zien welke acties erin vallen.")
        self.cell_info.setWordWrap(True)
        self.cell_info.setTextFormat(Qt.TextFormat.PlainText)  # action names as typed
        self.show_actions_button = QPushButton("Acties tonen")
        self.show_actions_button.clicked.connect(lambda: self._emit(self.actions_requested))
        self.find_button = QPushButton("Interventies zoeken")
        self.find_button.clicked.connect(lambda: self._emit(self.interventions_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_actions_button)
        buttons.addWidget(self.find_button)
        buttons.addStretch()
        coverage_layout.addWidget(self.cell_info)
        coverage_layout.addLayout(buttons)
        self.show_actions_button.setEnabled(False)
        self.find_button.setEnabled(False)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Plancheck en dekking")
        self.tabs.addTab(check_page, "Plancheck")
        self.tabs.addTab(coverage_page, "Dekking")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_no_plan(self) -> None:
        """Nothing to check: say so, instead of 'no findings' (which reads as approval)."""
        self.findings.clear()
        self.summary.setText("Geen plan gekozen. Kies links een plan om het te controleren.")
        self.set_coverage({})

    def set_findings(self, findings: Sequence) -> None:
        self.findings.clear()
        for finding in findings:
            section = SECTION_BY_ID.get(finding.section)
            where = section.title if section else finding.section
            item = QListWidgetItem(
                f"{SEVERITY_LABEL.get(finding.severity, finding.severity)} · {where}\n"
                f"{finding.text}\nBron: {finding.source}"
            )
            item.setForeground(QBrush(QColor(SEVERITY_COLOUR.get(finding.severity, "black"))))
            item.setData(Qt.ItemDataRole.UserRole, finding.section)
            item.setToolTip(finding.text)
            self.findings.addItem(item)
        self.summary.setText(summary_text(findings))

    def choose_cell(self, row: int, col: int) -> None:
        """Say which actions fall in a cell and offer to show them or to find interventions
        for it (the same matrix in the Interventies tab filters on a click)."""
        settings, niveaus = list(SETTINGS), list(NIVEAUS)
        if not (0 <= row < len(settings) and 0 <= col < len(niveaus)):
            return
        self._chosen = (settings[row], niveaus[col])
        names = self._cells.get(self._chosen, [])
        where = f"{SETTINGS[settings[row]]}, {NIVEAUS[niveaus[col]].lower()}"
        if not names:
            text = f"{where}: nog geen acties."
        else:
            word = "actie" if len(names) == 1 else "acties"
            text = f"{where}: {len(names)} {word}: " + "; ".join(names)
        self.cell_info.setText(text)
        self.show_actions_button.setEnabled(bool(names))
        self.find_button.setEnabled(True)

    def _emit(self, signal: Signal) -> None:
        if self._chosen is not None:
            signal.emit(*self._chosen)

    def set_coverage(self, cells: dict[tuple[str, str], list[str]]) -> None:
        self._cells = cells
        if self._chosen is not None:  # keep the chosen cell's text up to date
            setting, niveau = self._chosen
            self.choose_cell(list(SETTINGS).index(setting), list(NIVEAUS).index(niveau))
        for row, setting in enumerate(SETTINGS):
            for col, niveau in enumerate(NIVEAUS):
                names = cells.get((setting, niveau), [])
                item = QTableWidgetItem(str(len(names)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(cell_colour(len(names))))
                item.setForeground(QBrush(QColor("black")))
                item.setToolTip("\n".join(names) or "geen acties")
                self.coverage.setItem(row, col, item)

    def _open(self, item: QListWidgetItem) -> None:
        self.section_requested.emit(item.data(Qt.ItemDataRole.UserRole))
