"""Add or edit one of the user's own (local) interventions."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.intervention import (
    ERKENNINGEN,
    MIDDELEN,
    NIET_IN_DATABANK,
    NIVEAUS,
    PIJLERS,
    SETTINGS,
    WERKVORMEN,
    Intervention,
)
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.local_interventions_repository import (
    InvalidInterventionError,
    LocalInterventionsRepository,
)
from drugspreventie_app.ui import dialogs, screen_fit

NO_AGE = -1


def _checks(values: dict[str, str], chosen: tuple[str, ...], columns: int = 2):
    widget = QWidget()
    grid = QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    boxes: dict[str, QCheckBox] = {}
    for n, (key, label) in enumerate(values.items()):
        box = QCheckBox(label)
        box.setChecked(key in chosen)
        boxes[key] = box
        grid.addWidget(box, n // columns, n % columns)
    return widget, boxes


class LocalInterventionDialog(QDialog):
    def __init__(
        self,
        repo: LocalInterventionsRepository,
        existing: Intervention | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.existing = existing
        self.saved: Intervention | None = None
        self.setWindowTitle(
            "Eigen interventie bewerken" if existing else "Eigen interventie toevoegen"
        )
        self.resize(680, 720)
        self.setProperty("help_topic", "eigen-interventie")  # F1 opens the manual here
        e = existing

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.naam = QLineEdit(e.naam if e else "")
        self.beschrijving = QPlainTextEdit(e.beschrijving if e else "")
        self.beschrijving.setTabChangesFocus(True)
        self.beschrijving.setFixedHeight(90)
        self.doelgroep = QLineEdit(e.doelgroep if e else "")
        self.leeftijd_van = self._age_box(e.leeftijd_van if e else None)
        self.leeftijd_tot = self._age_box(e.leeftijd_tot if e else None)
        self.leeftijd_van.setAccessibleName("Leeftijd van")
        self.leeftijd_tot.setAccessibleName("Leeftijd tot en met")
        ages = QHBoxLayout()
        ages.addWidget(QLabel("van"))
        ages.addWidget(self.leeftijd_van)
        ages.addWidget(QLabel("tot en met"))
        ages.addWidget(self.leeftijd_tot)
        ages.addStretch()
        settings_widget, self.settings = _checks(SETTINGS, e.settings if e else ())
        niveaus_widget, self.niveaus = _checks(NIVEAUS, e.niveaus if e else (), columns=3)
        self.erkenning = QComboBox()
        for level in ERKENNINGEN:
            self.erkenning.addItem(level)
        self.erkenning.setCurrentText(e.erkenning if e else NIET_IN_DATABANK)
        middelen_widget, self.middelen = _checks(MIDDELEN, e.middelen if e else (), columns=3)
        pijlers_widget, self.pijlers = _checks(PIJLERS, e.pijlers if e else ())
        werkvormen_widget, self.werkvormen = _checks(WERKVORMEN, e.werkvormen if e else ())
        self.onderdeel_van = QLineEdit((e.onderdeel_van or "") if e else "")
        self.aanbieder = QLineEdit((e.aanbieder or "") if e else "")
        self.bron = QLineEdit(e.bron if e else "")

        form.addRow("&Naam*:", self.naam)
        form.addRow("&Beschrijving*:", self.beschrijving)
        form.addRow("&Doelgroep:", self.doelgroep)
        form.addRow("Leeftijd:", ages)
        form.addRow("Settings*:", settings_widget)
        form.addRow("Niveaus*:", niveaus_widget)
        form.addRow("&Erkenning:", self.erkenning)
        form.addRow("Middelen:", middelen_widget)
        form.addRow("Pijlers:", pijlers_widget)
        form.addRow("Werkvormen:", werkvormen_widget)
        form.addRow("&Onderdeel van:", self.onderdeel_van)
        form.addRow("&Aanbieder / uitvoerder:", self.aanbieder)
        form.addRow("B&ron:", self.bron)

        scroll = screen_fit.scrolling_body(form_widget)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a00000;")
        self.problems.hide()
        self.buttons = dialogs.action_buttons(
            "Opslaan", self.save, self.reject, ok_button=QDialogButtonBox.StandardButton.Save
        )
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    @staticmethod
    def _age_box(value: int | None) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NO_AGE, 120)
        box.setSpecialValueText("–")
        box.setValue(NO_AGE if value is None else value)
        return box

    def values(self) -> dict[str, Any]:
        def chosen(boxes: dict[str, QCheckBox]) -> list[str]:
            return [k for k, b in boxes.items() if b.isChecked()]

        def age(box: QSpinBox) -> int | None:
            return None if box.value() == NO_AGE else box.value()

        return {
            "naam": self.naam.text(),
            "beschrijving": self.beschrijving.toPlainText(),
            "doelgroep": self.doelgroep.text(),
            "leeftijd_van": age(self.leeftijd_van),
            "leeftijd_tot": age(self.leeftijd_tot),
            "settings": chosen(self.settings),
            "niveaus": chosen(self.niveaus),
            "erkenning": self.erkenning.currentText(),
            "middelen": chosen(self.middelen),
            "pijlers": chosen(self.pijlers),
            "werkvormen": chosen(self.werkvormen),
            "onderdeel_van": self.onderdeel_van.text(),
            "aanbieder": self.aanbieder.text(),
            "bron": self.bron.text(),
        }

    def save(self) -> None:
        try:
            if self.existing is None:
                self.saved = self.repo.add(self.values())
            else:
                self.saved = self.repo.update(self.existing.id, self.values())
        except InvalidInterventionError as err:
            self.problems.setText("\n".join(err.problems))
            self.problems.show()
            return
        except StorageError as err:
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        self.accept()
