"""The facet filters with live counts: setting, niveau, leeftijd, erkenning, middel, pijler."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.age_range import AGE_MAX, AgeRange
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


class _AgeBox(QSpinBox):
    """Selects its text on any focus, so typing '13' replaces 'alle leeftijden' also after a
    mouse click (Qt selects only on Tab)."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)


class FilterPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        self._labels: dict[str, dict[str, str]] = {}

        age_group = QGroupBox("Leeftijd")
        age_layout = QFormLayout(age_group)
        # Two boxes: one age, or a range such as 13 tot en met 15 (one search, not three).
        self.age = self._age_box("alle leeftijden", "Leeftijd van")
        self.age_to = self._age_box("–", "Leeftijd tot en met")
        self.age_to.setToolTip("Leeg laten voor één leeftijd")
        age_layout.addRow("van", self.age)
        age_layout.addRow("t/m", self.age_to)

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

    def _age_box(self, special: str, name: str) -> QSpinBox:
        box = _AgeBox()
        box.setRange(NO_AGE, AGE_MAX)
        box.setSpecialValueText(special)
        box.setSuffix(" jaar")
        box.setValue(NO_AGE)
        box.setAccessibleName(name)
        # as wide as its text, so it is not clipped by the narrow filter column
        box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        box.valueChanged.connect(self.changed)
        return box

    def ages(self) -> AgeRange | None:
        """The chosen age or range; one box filled means that one age."""
        chosen = [b.value() for b in (self.age, self.age_to) if b.value() != NO_AGE]
        return AgeRange(min(chosen), max(chosen)) if chosen else None

    def set_ages(self, ages: AgeRange | None) -> None:
        with QSignalBlocker(self):
            self.age.setValue(ages.van if ages else NO_AGE)
            self.age_to.setValue(ages.tot if ages and ages.tot != ages.van else NO_AGE)
        self.changed.emit()

    def focus_order(self) -> list[QWidget]:
        """The fields in the order they appear on screen (for Tab)."""
        order: list[QWidget] = []
        for facet, boxes in self.boxes.items():
            order.extend(boxes.values())
            if facet == "settings":
                order.extend((self.age, self.age_to))
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
            leeftijd=self.ages(),
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
            self.age_to.setValue(NO_AGE)
            self.erkenning.setCurrentIndex(0)
            self.local_only.setChecked(False)
        self.changed.emit()
