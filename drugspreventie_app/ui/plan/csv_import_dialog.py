"""Preview of a CSV import: which column is what, where each series goes, and what will be
added. Nothing in the plan changes until the user presses "Toevoegen aan plan"; the caller
then applies `dialog.preview` as one undoable edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.plan.csv_import import (
    AS_CIJFER,
    ROLES,
    SKIP,
    CsvImportError,
    CsvLayout,
    ImportPreview,
    ReadResult,
    guess_mapping,
    guess_targets,
    inspect_csv,
    preview_import,
    read_rows,
    subdoel_target,
)
from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.domain.text import fold

NO_COLUMN = "(geen)"


class CsvImportDialog(QDialog):
    def __init__(self, plan: Plan, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cijfers inlezen uit CSV")
        self.resize(900, 640)
        self.plan = plan
        self.path = Path(path)
        self.layout_info: CsvLayout | None = None
        self.result: ReadResult | None = None
        self.preview: ImportPreview | None = None

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sample = QTableWidget(0, 0)
        self.sample.setAccessibleName("Eerste regels van het bestand")
        self.sample.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sample.setMaximumHeight(150)

        mapping_box = QGroupBox("Kolommen")
        grid = QGridLayout(mapping_box)
        self.role_boxes: dict[str, QComboBox] = {}
        for n, (role, label) in enumerate(ROLES.items()):
            combo = QComboBox()
            combo.setAccessibleName(f"Kolom voor {label.lower()}")
            text = QLabel(f"{label}{' *' if role in ('indicator', 'waarde', 'jaar') else ''}:")
            text.setBuddy(combo)
            grid.addWidget(text, n // 3, (n % 3) * 2)
            grid.addWidget(combo, n // 3, (n % 3) * 2 + 1)
            self.role_boxes[role] = combo
        self.decimal_box = QComboBox()
        self.decimal_box.addItem("komma (38,5)", ",")
        self.decimal_box.addItem("punt (38.5)", ".")
        self.decimal_box.setAccessibleName("Decimaalteken")
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("bijvoorbeeld: GGD Gezondheidsmonitor Jeugd 2027")
        self.source_edit.setAccessibleName("Bron als het bestand geen bronkolom heeft")
        self.region_edit = QLineEdit()
        self.region_edit.setAccessibleName("Alleen regels van deze regio")
        self.region_edit.setPlaceholderText("leeg: alle regels")
        options = QFormLayout()
        options.addRow("&Decimaalteken:", self.decimal_box)
        options.addRow("&Bron (als er geen bronkolom is):", self.source_edit)
        options.addRow("Alleen &regio:", self.region_edit)
        self.read_button = QPushButton("&Opnieuw lezen")
        self.read_button.setToolTip("Lees het bestand opnieuw met de gekozen kolommen en opties")
        self.read_button.clicked.connect(self.read)
        # Enter in a text field reads again instead of pressing the dialog's default button
        self.read_button.setAutoDefault(False)
        self.source_edit.returnPressed.connect(self.read)
        self.region_edit.returnPressed.connect(self.read)
        options.addRow("", self.read_button)

        self.targets = QTableWidget(0, 3)
        self.targets.setHorizontalHeaderLabels(["Indicator en groep", "Regels", "Toevoegen als"])
        self.targets.setAccessibleName("Waar elke reeks cijfers terechtkomt")
        self.targets.verticalHeader().setVisible(False)
        self.targets.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.targets.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 330)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.add_button = self.buttons.addButton(
            "&Toevoegen aan plan", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.sample)
        layout.addWidget(mapping_box)
        layout.addLayout(options)
        layout.addWidget(self.message)
        layout.addWidget(QLabel("<b>Wat wordt toegevoegd</b>"))
        layout.addWidget(self.targets, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self._inspect()

    # -- reading -----------------------------------------------------------------------------

    def _inspect(self) -> None:
        try:
            self.layout_info = inspect_csv(self.path)
        except CsvImportError as err:
            self._fail(str(err))
            self.file_label.setText(f"Bestand: {self.path}")
            for widget in (self.read_button, self.decimal_box, *self.role_boxes.values()):
                widget.setEnabled(False)
            return
        info = self.layout_info
        decimal = "komma" if info.decimal == "," else "punt"
        self.file_label.setText(
            f"Bestand: {self.path.name} · kolommen gescheiden door {info.separator_name} · "
            f"decimaalteken {decimal} · tekenset {info.encoding.replace('-sig', '')}"
        )
        self.sample.setColumnCount(len(info.headers))
        self.sample.setHorizontalHeaderLabels(list(info.headers))
        self.sample.setRowCount(len(info.sample))
        for r, row in enumerate(info.sample):
            for c, value in enumerate(row[: len(info.headers)]):
                self.sample.setItem(r, c, QTableWidgetItem(value))
        self.sample.resizeColumnsToContents()
        mapping = guess_mapping(info.headers)
        for role, combo in self.role_boxes.items():
            combo.addItem(NO_COLUMN, None)
            for index, header in enumerate(info.headers):
                combo.addItem(header or f"kolom {index + 1}", index)
            chosen = mapping.get(role)
            combo.setCurrentIndex(0 if chosen is None else chosen + 1)
        self.decimal_box.setCurrentIndex(self.decimal_box.findData(info.decimal))
        if mapping.get("regio") is not None and self._region_in_sample(mapping["regio"]):
            self.region_edit.setText(self.plan.gemeente)
        self.read()

    def _region_in_sample(self, column: int) -> bool:
        assert self.layout_info is not None
        wanted = fold(self.plan.gemeente.strip())
        return bool(wanted) and any(
            column < len(row) and fold(row[column]) == wanted for row in self.layout_info.sample
        )

    def mapping(self) -> dict[str, int | None]:
        return {role: combo.currentData() for role, combo in self.role_boxes.items()}

    def read(self) -> None:
        if self.layout_info is None:
            return
        from dataclasses import replace

        layout = replace(self.layout_info, decimal=self.decimal_box.currentData())
        try:
            self.result = read_rows(
                layout,
                self.mapping(),
                default_source=self.source_edit.text(),
                region=self.region_edit.text(),
            )
        except CsvImportError as err:
            self._fail(str(err))
            return
        self.message.setStyleSheet("")
        notes = [f"{self.result.lines_read} regels gelezen"]
        if self.result.other_region:
            notes.append(f"{self.result.other_region} van een andere regio overgeslagen")
        if self.result.without_value:
            notes.append(f"{self.result.without_value} zonder waarde overgeslagen")
        self.message.setText("; ".join(notes) + ".")
        self._fill_targets()

    def _fail(self, text: str) -> None:
        self.result, self.preview = None, None
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        self.targets.setRowCount(0)
        self.summary.setText("")
        self.add_button.setEnabled(False)

    def _fill_targets(self) -> None:
        assert self.result is not None
        series = self.result.series()
        guessed = guess_targets(self.plan, series)
        counts: dict[tuple[str, str], int] = {}
        for row in self.result.rows:
            key = (row.indicator, row.groep)
            counts[key] = counts.get(key, 0) + 1
        self.targets.setRowCount(len(series))
        for r, key in enumerate(series):
            indicator, groep = key
            self.targets.setItem(
                r, 0, QTableWidgetItem(f"{indicator}{f' · {groep}' if groep else ''}")
            )
            self.targets.setItem(r, 1, QTableWidgetItem(str(counts[key])))
            combo = QComboBox()
            combo.setAccessibleName(f"Toevoegen als, voor {indicator}")
            combo.addItem("Niet inlezen", SKIP)
            combo.addItem("Cijfer in de probleemanalyse", AS_CIJFER)
            for sub in self.plan.all_subdoelen():
                if sub.indicator.strip():
                    name = (sub.omschrijving.strip() or sub.indicator.strip())[:70]
                    combo.addItem(f"Meting bij: {name}", subdoel_target(sub.id))
            combo.setCurrentIndex(max(combo.findData(guessed.get(key, AS_CIJFER)), 0))
            combo.currentIndexChanged.connect(lambda _i: self._update_preview())
            self.targets.setCellWidget(r, 2, combo)
        self.targets.resizeRowsToContents()
        self._update_preview()

    def chosen_targets(self) -> dict[tuple[str, str], str]:
        if self.result is None:
            return {}
        out = {}
        for r, key in enumerate(self.result.series()):
            combo = self.targets.cellWidget(r, 2)
            out[key] = combo.currentData() if isinstance(combo, QComboBox) else SKIP
        return out

    def set_target(self, series: tuple[str, str], target: str) -> None:
        assert self.result is not None
        row = self.result.series().index(series)
        combo = self.targets.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(target))

    def _update_preview(self) -> None:
        if self.result is None:
            return
        self.preview = preview_import(self.plan, self.result.rows, self.chosen_targets())
        parts = [
            f"{len(self.preview.cijfers)} cijfers in de probleemanalyse",
            f"{len(self.preview.metingen)} metingen bij subdoelen",
        ]
        text = "Wordt toegevoegd: " + " en ".join(parts) + "."
        if self.preview.duplicates:
            text += (
                f" {self.preview.duplicates} regels staan al in het plan (of het plan heeft al een "
                "meting over dat jaar) en worden overgeslagen."
            )
        self.summary.setText(text)
        self.add_button.setEnabled(self.preview.count > 0)
