"""Middelen: search the factsheets, read one, make a handout, print it, or bundle them all."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.content.factsheets import all_factsheets
from drugspreventie_app.domain.factsheet import WERKINGEN, Audience, Factsheet, format_date
from drugspreventie_app.domain.factsheet_search import search_factsheets
from drugspreventie_app.domain.text import in_sentence
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.profile_access import profile_and_logo
from drugspreventie_app.storage.profile_repository import ProfileRepository
from drugspreventie_app.ui import dialogs
from drugspreventie_app.ui.background_export import export_in_background
from drugspreventie_app.ui.middelen.factsheet_html import factsheet_html
from drugspreventie_app.ui.middelen.factsheet_list_model import FactsheetListModel

DOCX_FILTER = "Word-documenten (*.docx)"
PDF_FILTER = "PDF-bestanden (*.pdf)"


def suggested_file_name(sheet: Factsheet, audience: Audience) -> str:
    safe = re.sub(r"[^A-Za-z0-9-]+", "-", sheet.slug).strip("-")
    return f"handout-{safe}-{audience.value}.pdf"


class MiddelenTab(QWidget):
    status_message = Signal(str)  # short feedback for the window's status bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = date.today()
        self.sheets = list(all_factsheets())

        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam, straatnaam of stofgroep (bijv. poes, coke)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Zoek middelen")
        self.search.textChanged.connect(self.refresh)
        self.werking_boxes: dict[str, QCheckBox] = {}
        # two per row, so the list pane stays narrow at 150% scaling
        filters = QGridLayout()
        for n, werking in enumerate(WERKINGEN):
            box = QCheckBox(werking)
            box.toggled.connect(self.refresh)
            self.werking_boxes[werking] = box
            filters.addWidget(box, n // 2, n % 2)

        self.model = FactsheetListModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName("Middelen")
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.count_label = QLabel()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.list, 1)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("border: 2px solid #333; padding: 4px; font-weight: bold;")
        self.peildatum_label = QLabel()
        self.outdated_label = QLabel()
        self.outdated_label.setWordWrap(True)
        self.outdated_label.setStyleSheet(
            "background: #fff3cd; border: 1px solid #8a6d00; padding: 4px; color: #3d3000;"
        )
        self.outdated_label.hide()
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Factsheet")
        self.detail.setOpenLinks(False)
        self.detail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.handout_button = QPushButton("Hand&out maken…")
        self.handout_button.clicked.connect(lambda: self.make_handout())
        self.docx_button = QPushButton("Als Word…")
        self.docx_button.setToolTip("De handout als bewerkbaar Word-document (.docx)")
        self.docx_button.clicked.connect(self.make_handout_docx)
        self.print_button = QPushButton("Af&drukken…")
        self.print_button.clicked.connect(self.print_handout)
        self.bundle_button = QPushButton("Alle factsheets b&undelen…")
        self.bundle_button.clicked.connect(self.make_bundle)
        buttons = QHBoxLayout()
        for b in (self.handout_button, self.docx_button, self.print_button, self.bundle_button):
            buttons.addWidget(b)
        buttons.addStretch()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.status_label)
        right_layout.addWidget(self.peildatum_label)
        right_layout.addWidget(self.outdated_label)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("middelen_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.refresh()

    # -- list and detail ---------------------------------------------------------------------

    def selected_werkingen(self) -> list[str]:
        return [w for w, box in self.werking_boxes.items() if box.isChecked()]

    def refresh(self) -> None:
        current = self.current_sheet()
        results = search_factsheets(self.sheets, self.search.text(), self.selected_werkingen())
        self.model.set_sheets(results)
        self.count_label.setText(f"{len(results)} van {len(self.sheets)} middelen")
        if not results:
            hint = "Pas de zoekterm aan"
            if self.selected_werkingen():
                hint += " of zet een werking-filter uit"
            self.empty_label.setText(f"Geen middelen gevonden. {hint}.")
        self.empty_label.setVisible(not results)
        row = self.model.row_of(current.slug) if current else -1
        if row < 0 and self.search.text().strip():
            row = 0  # typing a name shows the best match straight away
        self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.show_sheet(self.model.sheet_at(row))

    def select_slug(self, slug: str) -> None:
        self.select_row(self.model.row_of(slug))

    def _current_changed(self, current, _previous) -> None:
        self.show_sheet(self.model.sheet_at(current.row()))

    def current_sheet(self) -> Factsheet | None:
        return getattr(self, "_shown", None)

    def show_sheet(self, sheet: Factsheet | None) -> None:
        self._shown = sheet
        for b in (self.handout_button, self.docx_button, self.print_button):
            b.setEnabled(sheet is not None)
        if sheet is None:
            self.title.setText("Kies een middel")
            self.detail.setAccessibleName("Factsheet: nog geen middel gekozen")
            self.status_label.hide()
            self.peildatum_label.clear()
            self.outdated_label.hide()
            self.detail.setHtml(
                "<p>Kies links een middel, of zoek op naam, straatnaam of stofgroep "
                "(bijvoorbeeld <i>poes</i>, <i>coke</i> of <i>cathinon</i>).</p>"
                "<p>Per middel vindt u de factsheet met de wettelijke status en de peildatum, "
                "en maakt u een handout voor professionals, ouders of jongeren.</p>"
            )
            return
        self.title.setText(sheet.naam)
        self.detail.setAccessibleName(f"Factsheet {sheet.naam}")
        self.detail.setAccessibleDescription(
            f"De volledige factsheet over {sheet.naam}, met wettelijke status, cijfers, "
            "risico's, signalen en hulp"
        )
        self.status_label.setText(f"Wettelijke status: {sheet.status.short}")
        self.status_label.show()
        self.peildatum_label.setText(f"Peildatum: {format_date(sheet.peildatum.isoformat())}")
        notice = sheet.outdated_notice(self.today)
        self.outdated_label.setText(notice or "")
        self.outdated_label.setVisible(notice is not None)
        self.detail.setHtml(factsheet_html(sheet))

    # -- keys of the main window -------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def print_current(self) -> None:
        if self.current_sheet() is None:
            self._status("Kies eerst een middel om de handout af te drukken.")
            return
        self.print_handout()

    def help_topic(self) -> str:
        return "middelen"

    # -- handouts ----------------------------------------------------------------------------

    def _ask_handout(
        self, title: str, ok_text: str, *, with_format: bool, suffix: str = ".pdf"
    ) -> tuple[Factsheet, Audience, str] | None:
        """The handout dialog (audience, format, what comes on it), then the guard for a
        youth handout about a substance most young people do not use."""
        from drugspreventie_app.ui.middelen.handout_dialog import HandoutDialog

        sheet = self.current_sheet()
        if sheet is None:
            return None
        dialog = HandoutDialog(
            sheet,
            lambda: ProfileRepository(self.db).load(),
            self._open_settings,
            title=title,
            ok_text=ok_text,
            with_format=with_format,
            parent=self,
        )
        dialog.set_suffix(suffix)
        if not dialog.exec():
            return None
        audience = dialog.audience()
        if audience is Audience.JONGEREN and sheet.jongeren_waarschuwing:
            ok = dialogs.confirm(
                self,
                "Let op bij voorlichting aan jongeren",
                f"{sheet.jongeren_waarschuwing}\n\nDeze handout is bedoeld voor jongeren die "
                f"{in_sentence(sheet.naam)} al gebruiken of dat overwegen, niet voor een hele "
                "klas. Wilt u de handout toch maken?",
                yes_text="Handout toch maken",
                no_text="Niet maken",
                default_yes=False,
            )
            if not ok:
                return None
        return sheet, audience, dialog.suffix()

    def _open_settings(self, parent: QWidget) -> None:
        from drugspreventie_app.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.db, parent).exec()

    def _context(self):
        from drugspreventie_app.export.handout import HandoutContext

        profile, logo = profile_and_logo(self.db)
        return HandoutContext(profile=profile, logo=logo, today=date.today())

    def make_handout(self, suffix: str = ".pdf") -> None:
        """Save a handout for the chosen audience as PDF or as an editable Word document."""
        chosen = self._ask_handout("Handout maken", "Opslaan…", with_format=True, suffix=suffix)
        if chosen is None:
            return
        sheet, audience, suffix = chosen
        name = suggested_file_name(sheet, audience).removesuffix(".pdf") + suffix
        file_filter = DOCX_FILTER if suffix == ".docx" else PDF_FILTER
        target = dialogs.save_file(self, "Handout opslaan", name, file_filter)
        if not target:
            return
        path = _with_suffix(Path(target), suffix)
        from drugspreventie_app.export.handout import write_handout

        ctx = self._context()  # read from the database here, on the window's thread
        self._write(lambda p: write_handout(p, sheet, audience, ctx).summary(), path)

    def make_handout_docx(self) -> None:
        """The same dialog with Word chosen."""
        self.make_handout(".docx")

    def make_bundle(self) -> None:
        target = dialogs.save_file(
            self, "Bundel opslaan", "factsheets-middelen.pdf", "PDF-bestanden (*.pdf)"
        )
        if not target:
            return
        path = _with_suffix(Path(target), ".pdf")

        from drugspreventie_app.export.handout import write_bundle

        ctx, sheets = self._context(), list(self.sheets)
        self._write(lambda p: write_bundle(p, sheets, ctx).summary(), path)

    def _write(self, write: Callable[[Path], str], target: Path) -> None:
        """Run the export beside the window (the bundle takes a while); it returns the summary
        of characters it had to replace."""
        try:
            finished, summary = export_in_background(
                self, "Het document wordt opgemaakt…", target, write
            )
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        if not finished:
            self._status("Exporteren geannuleerd; er is niets opgeslagen.")
            return
        if summary:
            dialogs.inform(self, "Opgeslagen", f"Opgeslagen: {target}\n\n{summary}")
        self._status(f"Opgeslagen: {target}")

    def print_handout(self) -> None:
        from drugspreventie_app.export.handout import handout_document
        from drugspreventie_app.export.pdf_renderer import render_pdf
        from drugspreventie_app.ui.printing import print_document

        chosen = self._ask_handout("Afdrukken", "Afdrukken…", with_format=False)
        if chosen is None:
            return
        sheet, audience, _suffix = chosen
        ctx = self._context()
        pdf = render_pdf(handout_document(sheet, audience, ctx))
        message = print_document(self, pdf, f"{sheet.naam} – {audience.label}")
        if message:
            self._status(message)

    def _status(self, text: str) -> None:
        self.status_message.emit(text)


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_suffix(path.suffix + suffix)
