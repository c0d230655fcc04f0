"""Typing the plan cycle: measurements per subdoel, and each action's status in one year.
Every change goes through the PlanSession, so it is undoable and autosaved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.plan.model import Actie, ActieStatus, Meting, Plan
from drugspreventie_app.domain.plan.numbers import first_number
from drugspreventie_app.domain.plan.options import ACTIE_STATUSSEN
from drugspreventie_app.domain.plan.progress import status_for_year
from drugspreventie_app.ui.plan.editors import Column, RowTable
from drugspreventie_app.ui.plan.plan_session import PlanSession


class MeasurementsEditor(QWidget):
    """Choose a subdoel, then add, change or remove its measurements."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.subdoel_id: str | None = None
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Subdoel")
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.table = RowTable(
            session,
            "Metingen",
            self._rows,
            self._new_meting,
            [
                Column("jaar", "Jaar", kind="int", width=56),
                Column("waarde", "Waarde", width=70),
                Column("bron", "Bron"),
                Column("doelgroep", "Groep", width=90),
                Column("datum", "Datum", width=70),
                Column("toelichting", "Toelichting"),
            ],
        )
        self.table.table.setMinimumHeight(150)
        form = QFormLayout()
        label = QLabel("S&ubdoel:")
        label.setBuddy(self.chooser)
        form.addRow(label, self.chooser)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        hint = QLabel(
            "Geen meting in een jaar (bijvoorbeeld een tweejaarlijkse monitor)? Voeg dan het "
            "jaar toe met de bron en een toelichting, zonder waarde."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def _rows(self, plan: Plan) -> list[Meting]:
        sub = plan.subdoel_by_id(self.subdoel_id or "")
        return sub.metingen if sub is not None else []

    def _new_meting(self) -> Meting:
        plan = self.session.plan
        sub = plan.subdoel_by_id(self.subdoel_id or "") if plan else None
        years = [m.jaar for m in sub.metingen if m.jaar] if sub else []
        start = plan.periode_start if plan else None
        return Meting(jaar=max(years) + 1 if years else start)

    def load(self, plan: Plan) -> None:
        with QSignalBlocker(self.chooser):
            self.chooser.clear()
            for doel in plan.doelen:
                for sub in doel.subdoelen:
                    if not sub.indicator.strip():
                        continue
                    name = sub.omschrijving.strip() or sub.indicator.strip()
                    self.chooser.addItem(name[:110], sub.id)
            index = self.chooser.findData(self.subdoel_id)
            self.chooser.setCurrentIndex(index if index >= 0 else 0)
        self._chosen()

    def choose(self, subdoel_id: str) -> None:
        index = self.chooser.findData(subdoel_id)
        if index >= 0:
            self.chooser.setCurrentIndex(index)

    def _chosen(self, _index: int = -1) -> None:
        self.subdoel_id = self.chooser.currentData()
        plan = self.session.plan
        sub = plan.subdoel_by_id(self.subdoel_id or "") if plan else None
        self.table.setEnabled(sub is not None)
        if sub is None:
            self.info.setText(
                "Nog geen subdoelen met een indicator. Vul die in bij 4. Doelen en prioriteiten."
            )
        else:
            target = f"{sub.streefwaarde or '–'} in {sub.streefjaar or '(geen jaar)'}"
            self.info.setText(
                f"Indicator: {sub.indicator}\nNulmeting: {sub.nulmeting or '–'} · "
                f"Streefwaarde: {target}"
            )
        if plan is not None:
            self.table.load(plan)


class ActionYearTable(QWidget):
    """All actions in one year: status, reach, money spent and a short note."""

    COLUMNS = ("Actie", "Begroting", "Status", "Bereik", "Eenheid", "Uitgegeven (€)", "Toelichting")

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year_box = QComboBox()
        self.year_box.setAccessibleName("Jaar")
        self.year_box.currentIndexChanged.connect(lambda _i: self._reload())
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setAccessibleName("Acties in het gekozen jaar")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((0, 120, 110, 60, 90, 95, 0)):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self._loading = False
        self._action_ids: list[str] = []
        top = QHBoxLayout()
        label = QLabel("&Jaar:")
        label.setBuddy(self.year_box)
        top.addWidget(label)
        top.addWidget(self.year_box)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    @property
    def year(self) -> int | None:
        return self.year_box.currentData()

    def load(self, plan: Plan, year: int | None = None) -> None:
        current = year or self.year
        with QSignalBlocker(self.year_box):
            self.year_box.clear()
            for jaar in range(plan.periode_start, plan.periode_eind + 1):
                self.year_box.addItem(str(jaar), jaar)
            index = self.year_box.findData(current)
            self.year_box.setCurrentIndex(index if index >= 0 else 0)
        self._reload()

    def set_year(self, year: int) -> None:
        index = self.year_box.findData(year)
        if index >= 0:
            self.year_box.setCurrentIndex(index)

    def _reload(self) -> None:
        plan = self.session.plan
        if plan is None or self.year is None:
            self.table.setRowCount(0)
            return
        self._loading = True
        try:
            self._action_ids = [a.id for a in plan.acties]
            self.table.setRowCount(len(plan.acties))
            for row, actie in enumerate(plan.acties):
                status = status_for_year(actie, self.year)
                self._fill_row(row, actie, status)
            self.table.resizeRowsToContents()
        finally:
            self._loading = False

    def _fill_row(self, row: int, actie: Actie, status: ActieStatus | None) -> None:
        def fixed(text: str) -> QTableWidgetItem:
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            return item

        self.table.setItem(row, 0, fixed(actie.naam.strip() or "(actie zonder naam)"))
        self.table.setItem(row, 1, fixed(actie.budget))
        combo = self.table.cellWidget(row, 2)
        if not isinstance(combo, QComboBox):
            combo = QComboBox()
            combo.addItem("–", "")
            for key, text in ACTIE_STATUSSEN.items():
                combo.addItem(text, key)
            combo.setAccessibleName("Status")
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._combo_changed(c))
            self.table.setCellWidget(row, 2, combo)
        with QSignalBlocker(combo):
            combo.setCurrentIndex(max(combo.findData(status.status if status else ""), 0))
        values = (
            "" if status is None or status.bereik is None else str(status.bereik),
            status.bereik_eenheid if status else "",
            "" if status is None or status.uitgegeven is None else str(status.uitgegeven),
            status.toelichting if status else "",
        )
        for column, value in zip((3, 4, 5, 6), values, strict=True):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def _combo_changed(self, combo: QComboBox) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 2) is combo:
                self._set(row, "status", combo.currentData())
                return

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        text = item.text().strip()
        column = item.column()
        if column in (3, 5):
            number = first_number(text)
            value: Any = round(number) if number is not None and number >= 0 else None
            self._set(item.row(), "bereik" if column == 3 else "uitgegeven", value)
            shown = "" if value is None else str(value)
            if shown != item.text():
                with QSignalBlocker(self.table):
                    item.setText(shown)
        elif column == 4:
            self._set(item.row(), "bereik_eenheid", item.text())
        elif column == 6:
            self._set(item.row(), "toelichting", item.text())

    def _set(self, row: int, key: str, value: Any) -> None:
        year = self.year
        if year is None or not 0 <= row < len(self._action_ids):
            return
        action_id = self._action_ids[row]

        def mutate(plan: Plan) -> None:
            actie = next((a for a in plan.acties if a.id == action_id), None)
            if actie is None:
                return
            status = status_for_year(actie, year)
            if status is None:
                if key == "status" and not value:
                    return
                status = ActieStatus(jaar=year)
                actie.voortgang.append(status)
                actie.voortgang.sort(key=lambda s: s.jaar)
            if key == "status" and not value:
                actie.voortgang.remove(status)  # "–": no status recorded for this year
                return
            setattr(status, key, value)

        self.session.edit(
            f"Voortgang {year}: {key} gewijzigd", mutate, f"voortgang.{action_id}.{year}.{key}"
        )
