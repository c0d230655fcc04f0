"""The live plan check and the coverage picture of the plan's actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.intervention import NIVEAUS, SETTINGS
from drugspreventie_app.domain.plan.check import check_summary
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID
from drugspreventie_app.ui.interventies.coverage_view import cell_colour

COVERAGE_LABEL_WIDTH = 110
SEVERITY_LABEL = {"fout": "FOUT", "waarschuwing": "LET OP", "tip": "TIP"}
SEVERITY_COLOUR = {"fout": "#8a1c00", "waarschuwing": "#7a5200", "tip": "#1f4e79"}


class CheckPanel(QWidget):
    section_requested = Signal(str)

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

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Plancheck en dekking")
        self.tabs.addTab(check_page, "Plancheck")
        self.tabs.addTab(coverage_page, "Dekking")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_findings(self, findings: Sequence) -> None:
        self.findings.clear()
        counts = check_summary(findings)
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
        if not findings:
            self.summary.setText("Geen bevindingen: het plan voldoet aan alle controles.")
        else:
            self.summary.setText(
                f"{counts['fout']} fouten, {counts['waarschuwing']} waarschuwingen, "
                f"{counts['tip']} tips"
            )

    def set_coverage(self, cells: dict[tuple[str, str], list[str]]) -> None:
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
