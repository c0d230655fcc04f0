"""The plan cycle in the plan tab: the progress overview, typing measurements and action
statuses, importing local figures from CSV, and the progress report for the council."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.domain.plan.progress import LIGHT_LABELS
from drugspreventie_app.domain.plan.progress_chart import LEGEND
from drugspreventie_app.ui import dialogs
from drugspreventie_app.ui.plan.plan_session import PlanSession
from drugspreventie_app.ui.plan.progress_editors import ActionYearTable, MeasurementsEditor
from drugspreventie_app.ui.plan.progress_overview import ProgressOverview

CSV_FILTER = "CSV-bestanden (*.csv *.txt);;Alle bestanden (*)"
REPORT_KINDS = {
    "jaar": "Jaarrapportage",
    "tussenevaluatie": "Tussenevaluatie",
    "eindevaluatie": "Eindevaluatie",
}
_LEGEND_SYMBOLS = {"line": "━", "dashed": "╌", "square": "□", "diamond": "◇"}


class ProgressPage(QWidget):
    """Shown under "Voortgang" in the plan's navigator."""

    status_message = Signal(str)
    section_id = "voortgang"

    def __init__(
        self,
        session: PlanSession,
        export_report: Callable[[str, int, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._export_report = export_report
        # The overview is only rebuilt while it is on screen: typing elsewhere in the plan
        # must not pay for charts nobody sees.
        self._stale = True
        title = QLabel("<h2>Voortgang</h2>")
        intro = QLabel(
            "Het stoplicht vergelijkt de laatste meting met de rechte lijn van nulmeting naar "
            "streefwaarde: <b>op koers</b>, <b>achter</b> of <b>geen gegevens</b>."
        )
        intro.setWordWrap(True)

        self.year_box = QComboBox()
        self.year_box.setAccessibleName("Stand tot en met jaar")
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Soort rapportage")
        for key, text in REPORT_KINDS.items():
            self.kind_box.addItem(text, key)
        self.pdf_button = QPushButton("PDF…")
        self.pdf_button.setToolTip("De rapportage als PDF opslaan")
        self.pdf_button.setAccessibleName("Rapportage als PDF")
        self.pdf_button.clicked.connect(lambda: self.export_report("pdf"))
        self.docx_button = QPushButton("Word-document…")
        self.docx_button.setToolTip("De rapportage als bewerkbaar Word-document opslaan")
        self.docx_button.setAccessibleName("Rapportage als Word-document")
        self.docx_button.clicked.connect(lambda: self.export_report("docx"))
        self.import_button = QPushButton("&Cijfers inlezen (CSV)…")
        self.import_button.setToolTip(
            "Cijfers uit een CSV-bestand van de GGD Gezondheidsmonitor of CBS StatLine"
        )
        self.import_button.clicked.connect(self.import_csv)
        year_label = QLabel("Stand tot en met:")
        year_label.setBuddy(self.year_box)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        row1 = QHBoxLayout()
        row1.addWidget(year_label)
        row1.addWidget(self.year_box)
        row1.addSpacing(12)
        row1.addWidget(self.import_button)
        row1.addStretch()
        report_label = QLabel("Rapportage:")
        report_label.setBuddy(self.kind_box)
        row2 = QHBoxLayout()
        row2.addWidget(report_label)
        row2.addWidget(self.kind_box)
        row2.addStretch()
        # the export buttons on a row of their own, so the page fits a pane at 150%
        row3 = QHBoxLayout()
        row3.addWidget(self.pdf_button)
        row3.addWidget(self.docx_button)
        row3.addStretch()

        self.overview = ProgressOverview()
        self.overview.subdoel_activated.connect(self.show_measurements)
        scroll = QScrollArea()
        scroll.setAccessibleName("Voortgang per doel")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.overview)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        legend = QLabel(
            "   ".join(f"{_LEGEND_SYMBOLS[kind]} {text}" for kind, _colour, text in LEGEND)
        )
        legend.setWordWrap(True)
        overview_tab = QWidget()
        overview_layout = QVBoxLayout(overview_tab)
        overview_layout.setContentsMargins(0, 4, 0, 0)
        overview_layout.addWidget(self.counts)
        overview_layout.addWidget(legend)
        overview_layout.addWidget(scroll, 1)

        self.measurements = MeasurementsEditor(session)
        self.actions = ActionYearTable(session)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Overzicht, metingen en acties per jaar")
        self.tabs.addTab(overview_tab, "&Overzicht")
        self.tabs.addTab(self.measurements, "Me&tingen")  # Alt+M is the Middelen tab
        self.tabs.addTab(self.actions, "&Acties per jaar")

        self.tabs.setMinimumHeight(380)
        # On a small screen (1366x768 at 150%) the page scrolls as a whole instead of
        # squeezing the tables under their buttons.
        inner = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page_scroll = QScrollArea()
        page_scroll.setAccessibleName("Voortgang")
        page_scroll.setWidgetResizable(True)
        page_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page_scroll.setWidget(inner)
        page_scroll.setMinimumWidth(420)
        outer.addWidget(page_scroll)
        layout = QVBoxLayout(inner)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(self.tabs, 1)
        session.plan_changed.connect(self._refresh_overview)

    # -- loading -----------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        return self.year_box.currentData()

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def load(self, plan: Plan) -> None:
        previous = self.year
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for jaar in range(plan.periode_start, plan.periode_eind + 1):
            self.year_box.addItem(str(jaar), jaar)
        wanted = previous or _latest_year(plan)
        index = self.year_box.findData(wanted)
        self.year_box.setCurrentIndex(index if index >= 0 else 0)
        self.year_box.blockSignals(False)
        self.measurements.load(plan)
        self.actions.load(plan, self.year)
        self._refresh_overview()

    def _year_changed(self, _index: int) -> None:
        if self.year is not None:
            self.actions.set_year(self.year)
        self._refresh_overview()

    def _refresh_overview(self) -> None:
        plan = self.session.plan
        if plan is None or not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.overview.set_plan(plan, self.year)
        items = self.overview.progress_items()
        counts = {key: sum(1 for p in items if p.light == key) for key in LIGHT_LABELS}
        self.counts.setText(
            "   ".join(f"{LIGHT_LABELS[key]}: {n}" for key, n in counts.items())
            + f"   (tot en met {self.year})"
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_overview()

    def show_measurements(self, subdoel_id: str) -> None:
        self.measurements.choose(subdoel_id)
        self.tabs.setCurrentWidget(self.measurements)

    # -- import and report -------------------------------------------------------------------

    def import_csv(self) -> None:
        from drugspreventie_app.domain.plan.csv_import import apply_import
        from drugspreventie_app.ui.plan.csv_import_dialog import CsvImportDialog

        plan = self.session.plan
        if plan is None:
            return
        path = dialogs.open_file(self, "Cijfers inlezen uit CSV", CSV_FILTER)
        if not path:
            return
        dialog = CsvImportDialog(plan, Path(path), self)
        if not run_dialog(dialog) or dialog.preview is None or dialog.preview.count == 0:
            return
        preview = dialog.preview
        self.session.edit("Cijfers ingelezen uit CSV", lambda p: apply_import(p, preview))
        self.load(self.session.plan)
        self.status_message.emit(
            f"Ingelezen: {len(preview.cijfers)} cijfers en {len(preview.metingen)} metingen "
            "(ongedaan maken kan)."
        )

    def export_report(self, fmt: str) -> None:
        if self.session.plan is None or self.year is None:
            return
        self._export_report(self.kind, self.year, fmt)


def run_dialog(dialog) -> bool:
    """Run a modal dialog; one place for tests to replace."""
    return bool(dialog.exec())


def _latest_year(plan: Plan) -> int:
    """The last year with a measurement or an action status, within the period; else the
    current year, kept inside the period."""
    years = [m.jaar for s in plan.all_subdoelen() for m in s.metingen if m.jaar]
    years += [v.jaar for a in plan.acties for v in a.voortgang]
    years = [y for y in years if plan.periode_start <= y <= plan.periode_eind]
    if years:
        return max(years)
    return max(plan.periode_start, min(date.today().year, plan.periode_eind))
