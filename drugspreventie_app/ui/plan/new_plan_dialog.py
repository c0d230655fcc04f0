"""Start a new plan from the Modelplan template."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from drugspreventie_app.domain.plan.model import Plan, PlanOrganisatie, new_plan
from drugspreventie_app.domain.plan.options import REIKWIJDTE
from drugspreventie_app.ui import dialogs, screen_fit


class NewPlanDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        auteur: str = "",
        organisatie: PlanOrganisatie | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nieuw plan")
        self.setProperty("help_topic", "nieuw-plan")  # F1 opens the manual here
        self.setMinimumWidth(min(520, screen_fit.usable_size(self).width()))
        self.auteur = auteur
        self.organisatie_details = organisatie or PlanOrganisatie()
        self.plan: Plan | None = None
        body = QWidget()
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.titel = QLineEdit("Preventie- en Handhavingsplan alcohol en drugs")
        self.gemeente = QLineEdit()
        self.gemeente.setPlaceholderText("bijvoorbeeld Gemeente Voorbeeld")
        self.reikwijdte = QComboBox()
        for key, label in REIKWIJDTE.items():
            self.reikwijdte.addItem(label, key)
        self.reikwijdte.setCurrentIndex(self.reikwijdte.findData("beide"))
        self.start = QSpinBox()
        self.start.setRange(2000, 2100)
        self.start.setValue(date.today().year + 1)
        self.organisatie = QLineEdit(self.organisatie_details.naam)
        self.organisatie.setPlaceholderText("wie schrijft het plan, bijvoorbeeld de gemeente")
        self.organisatie.setAccessibleName("Organisatie van de auteur")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a00000;")
        form.addRow("&Titel:", self.titel)
        form.addRow("&Gemeente:", self.gemeente)
        form.addRow("&Reikwijdte:", self.reikwijdte)
        form.addRow("&Eerste jaar (periode van vier jaar):", self.start)
        form.addRow("&Organisatie (op de omslag):", self.organisatie)
        form.addRow(self.problem)
        buttons = dialogs.action_buttons("Plan maken", self.create, self.reject)
        screen_fit.dialog_with_buttons(self, body, buttons)

    def create(self) -> None:
        titel, gemeente = self.titel.text().strip(), self.gemeente.text().strip()
        if not titel or not gemeente:
            self.problem.setText("Vul een titel en een gemeente in.")
            return
        naam = self.organisatie.text().strip()
        details = self.organisatie_details
        # other contact details only come along with the organisation they belong to
        organisatie = (
            replace(details, naam=naam) if naam == details.naam.strip() else PlanOrganisatie(naam)
        )
        self.plan = new_plan(
            titel,
            gemeente,
            self.reikwijdte.currentData(),
            self.start.value(),
            self.auteur,
            organisatie,
        )
        self.accept()
