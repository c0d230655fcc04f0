"""The facet filters with live counts: setting, niveau, leeftijd, erkenning, middel, pijler."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.intervention import (
    ERKENNINGEN,
    MIDDELEN,
    NIVEAUS,
    PIJLERS,
    SETTINGS,
)
from drugspreventie_app.domain.intervention_filter import Criteria

CHECK_FACETS = {
    "settings": ("Setting", SETTINGS),
    "niveaus": ("Preventieniveau", NIVEAUS),
    "middelen": ("Middel", MIDDELEN),
    "pijlers": ("Pijler (RIVM)", PIJLERS),
}
NO_AGE = -1


class FilterPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        self._labels: dict[str, dict[str, str]] = {}

        age_group = QGroupBox("Leeftijd")
        age_layout = QVBoxLayout(age_group)
        self.age = QSpinBox()
        self.age.setRange(NO_AGE, 99)
        self.age.setSpecialValueText("alle leeftijden")
        self.age.setSuffix(" jaar")
        self.age.setValue(NO_AGE)
        self.age.setAccessibleName("Leeftijd")
        self.age.valueChanged.connect(self.changed)
        age_layout.addWidget(self.age)

        erk_group = QGroupBox("Erkenning (minstens)")
        erk_layout = QVBoxLayout(erk_group)
        self.erkenning = QComboBox()
        self.erkenning.setAccessibleName("Erkenning minstens")
        self.erkenning.addItem("alle erkenningen", None)
        for level in ERKENNINGEN:
            self.erkenning.addItem(level, level)
        self.erkenning.currentIndexChanged.connect(self.changed)
        erk_layout.addWidget(self.erkenning)

        for facet, (title, values) in CHECK_FACETS.items():
            group = QGroupBox(title)
            group_layout = QVBoxLayout(group)
            group_layout.setSpacing(2)
            self.boxes[facet] = {}
            self._labels[facet] = dict(values)
            for value, label in values.items():
                box = QCheckBox(label)
                box.toggled.connect(self.changed)
                self.boxes[facet][value] = box
                group_layout.addWidget(box)
            layout.addWidget(group)
            if facet == "settings":
                layout.addWidget(age_group)
            if facet == "niveaus":
                layout.addWidget(erk_group)

        self.local_only = QCheckBox("alleen eigen (lokale) interventies")
        self.local_only.toggled.connect(self.changed)
        layout.addWidget(self.local_only)
        self.clear_button = QPushButton("Alle filters wissen")
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        hint = QLabel("Tussen haakjes: het aantal resultaten als u dat filter aanzet.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addStretch()

    def focus_order(self) -> list[QWidget]:
        """The fields in the order they appear on screen (for Tab)."""
        order: list[QWidget] = []
        for facet, boxes in self.boxes.items():
            order.extend(boxes.values())
            if facet == "settings":
                order.append(self.age)
            if facet == "niveaus":
                order.append(self.erkenning)
        return [*order, self.local_only, self.clear_button]

    def criteria(self, text: str = "") -> Criteria:
        chosen = {
            facet: frozenset(v for v, box in boxes.items() if box.isChecked())
            for facet, boxes in self.boxes.items()
        }
        return Criteria(
            tekst=text,
            settings=chosen["settings"],
            niveaus=chosen["niveaus"],
            middelen=chosen["middelen"],
            pijlers=chosen["pijlers"],
            leeftijd=None if self.age.value() == NO_AGE else self.age.value(),
            erkenning_min=self.erkenning.currentData(),
            alleen_lokaal=self.local_only.isChecked(),
        )

    def set_counts(self, counts: dict[str, Counter[str]]) -> None:
        for facet, boxes in self.boxes.items():
            for value, box in boxes.items():
                box.setText(f"{self._labels[facet][value]} ({counts[facet].get(value, 0)})")
        for index in range(1, self.erkenning.count()):
            level = self.erkenning.itemData(index)
            self.erkenning.setItemText(index, f"{level} ({counts['erkenning_min'].get(level, 0)})")

    def set_checked(self, facet: str, values: set[str]) -> None:
        """Select exactly `values` in one facet, emitting `changed` once."""
        with QSignalBlocker(self):
            for value, box in self.boxes[facet].items():
                box.setChecked(value in values)
        self.changed.emit()

    def clear(self) -> None:
        with QSignalBlocker(self):
            for boxes in self.boxes.values():
                for box in boxes.values():
                    box.setChecked(False)
            self.age.setValue(NO_AGE)
            self.erkenning.setCurrentIndex(0)
            self.local_only.setChecked(False)
        self.changed.emit()
