"""Instellingen: the organisation profile printed on every handout and plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.content.factsheets import regional_directory
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
from drugspreventie_app.domain.regional import Institution, not_found_message
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.logo_store import check_logo, import_logo, logo_path
from drugspreventie_app.storage.profile_repository import InvalidProfileError, ProfileRepository
from drugspreventie_app.ui import dialogs, screen_fit

CONTACT_COLUMNS = ("Naam", "Rol", "Telefoon / e-mail")


class SettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Instellingen")
        self.setProperty("help_topic", "instellingen")  # F1 opens the manual here
        self.setMinimumWidth(480)
        self._repo = ProfileRepository(db)
        self._read_only = db.read_only
        self._profile = self._repo.load()
        self._pending_logo: Path | None = None
        self._logo_removed = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            "Deze gegevens komen op elke handout en elk plan dat u afdrukt of exporteert."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        org = QGroupBox("Organisatie")
        form = QFormLayout(org)
        self.organisatie = QLineEdit(self._profile.organisatie)
        self.afdeling = QLineEdit(self._profile.afdeling)
        self.adres = QPlainTextEdit(self._profile.adres)
        self.adres.setTabChangesFocus(True)
        self.adres.setFixedHeight(60)
        self.telefoon = QLineEdit(self._profile.telefoon)
        self.email = QLineEdit(self._profile.email)
        self.website = QLineEdit(self._profile.website)
        form.addRow("&Naam organisatie:", self.organisatie)
        form.addRow("A&fdeling:", self.afdeling)
        form.addRow("A&dres:", self.adres)
        form.addRow("&Telefoon:", self.telefoon)
        form.addRow("&E-mail:", self.email)
        form.addRow("&Website:", self.website)

        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setAccessibleName("Voorbeeld van het logo")
        self.logo_preview.setFixedSize(160, 60)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #bbb;")
        self.choose_logo_button = QPushButton("Logo &kiezen…")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton("Logo verwijderen")
        self.remove_logo_button.clicked.connect(self.remove_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        logo_row.addStretch()
        form.addRow("Logo:", logo_row)
        layout.addWidget(org)

        layout.addWidget(self._regional_group())

        contacts = QGroupBox("Lokale hulpcontacten (komen op de handouts)")
        contacts_layout = QVBoxLayout(contacts)
        self.contacts = QTableWidget(0, len(CONTACT_COLUMNS))
        self.contacts.setHorizontalHeaderLabels(CONTACT_COLUMNS)
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.verticalHeader().setVisible(False)
        self.contacts.setAccessibleName("Lokale hulpcontacten")
        self.contacts.setMinimumHeight(110)
        for contact in self._profile.hulpcontacten:
            self._append_contact(contact)
        buttons = QHBoxLayout()
        self.add_contact_button = QPushButton("Contact toe&voegen")
        self.add_contact_button.clicked.connect(self.add_contact)
        self.remove_contact_button = QPushButton("Contact verwijderen")
        self.remove_contact_button.clicked.connect(self.remove_contact)
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch()
        contacts_layout.addWidget(self.contacts)
        contacts_layout.addLayout(buttons)
        layout.addWidget(contacts)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a00000;")
        self.problems.hide()
        layout.addWidget(self.problems)

        self.button_box = dialogs.action_buttons(
            "Opslaan", self.save, self.reject, ok_button=QDialogButtonBox.StandardButton.Save
        )
        if self._read_only:
            self.button_box.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self._show_problems(["Alleen-lezen: instellingen kunnen nu niet worden opgeslagen."])
        # fields scroll on a small screen; Opslaan and Annuleren always stay in view
        screen_fit.dialog_with_buttons(self, body, self.button_box)
        self._show_logo(logo_path(self._profile.logo))

    # -- regional addiction care ---------------------------------------------------------------

    def _regional_group(self) -> QGroupBox:
        group = QGroupBox("Regionale verslavingszorg (komt op de handouts)")
        form = QFormLayout(group)
        self.regio = QComboBox()
        self.regio.setEditable(True)
        self.regio.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.regio.addItem("")
        self.regio.addItems(regional_directory().places())
        self.regio.setCurrentText(self._profile.regio)
        self.regio.setAccessibleName("Gemeente of regio")
        self.regio.lineEdit().setPlaceholderText("bijvoorbeeld Eindhoven of Overijssel")
        self.regional_result = QLabel()
        self.regional_result.setWordWrap(True)
        self.regional_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.regio.currentTextChanged.connect(self._show_regional)
        form.addRow("&Gemeente of regio:", self.regio)
        form.addRow("Instelling:", self.regional_result)
        self._show_regional(self.regio.currentText())
        return group

    def regional_institution(self) -> Institution | None:
        return regional_directory().lookup(self.regio.currentText())

    def _show_regional(self, place: str) -> None:
        institution = self.regional_institution()
        if institution is not None:
            self.regional_result.setText(f"{institution.naam} ({institution.contact})")
        elif place.strip():
            self.regional_result.setText(not_found_message(place))
        else:
            self.regional_result.setText(
                "Kies uw gemeente of regio; de handouts noemen dan de regionale instelling "
                "naast de Drugs Infolijn."
            )

    # -- contacts ----------------------------------------------------------------------------

    def _append_contact(self, contact: HelpContact) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for col, value in enumerate((contact.naam, contact.rol, contact.contact)):
            self.contacts.setItem(row, col, QTableWidgetItem(value))

    def add_contact(self) -> None:
        self._append_contact(HelpContact())
        row = self.contacts.rowCount() - 1
        self.contacts.setCurrentCell(row, 0)
        self.contacts.editItem(self.contacts.item(row, 0))

    def remove_contact(self) -> None:
        rows = sorted({i.row() for i in self.contacts.selectedIndexes()}, reverse=True)
        for row in rows:
            self.contacts.removeRow(row)

    # -- logo --------------------------------------------------------------------------------

    def _show_logo(self, path: Path | None) -> None:
        if path is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("geen logo")
            return
        pixmap = QPixmap(str(path))
        self.logo_preview.setPixmap(
            pixmap.scaled(
                self.logo_preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def choose_logo(self) -> None:
        chosen = dialogs.open_file(self, "Logo kiezen", "Afbeeldingen (*.png *.jpg *.jpeg)")
        if not chosen:
            return
        try:
            check_logo(Path(chosen))
        except StorageError as err:
            dialogs.warn(self, "Logo niet bruikbaar", str(err))
            return
        self._pending_logo = Path(chosen)
        self._logo_removed = False
        self._show_logo(self._pending_logo)

    def remove_logo(self) -> None:
        self._pending_logo = None
        self._logo_removed = True
        self._show_logo(None)

    # -- saving ------------------------------------------------------------------------------

    def profile_from_fields(self) -> OrganisationProfile:
        contacts = []
        for row in range(self.contacts.rowCount()):
            values = [
                (self.contacts.item(row, col).text() if self.contacts.item(row, col) else "")
                for col in range(len(CONTACT_COLUMNS))
            ]
            contacts.append(HelpContact(*values))
        return OrganisationProfile(
            organisatie=self.organisatie.text(),
            afdeling=self.afdeling.text(),
            adres=self.adres.toPlainText(),
            telefoon=self.telefoon.text(),
            email=self.email.text(),
            website=self.website.text(),
            logo="" if self._logo_removed else self._profile.logo,
            hulpcontacten=contacts,
            regio=self.regio.currentText(),
            regionale_instelling=(
                institution.as_help_contact()
                if (institution := self.regional_institution())
                else None
            ),
        )

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))

    def save(self) -> None:
        profile = self.profile_from_fields()
        problems = profile.validate()
        if problems:
            self._show_problems(problems)
            return
        try:
            if self._pending_logo is not None:
                profile.logo = import_logo(self._pending_logo)
            self._profile = self._repo.save(profile)
        except InvalidProfileError as err:
            self._show_problems(err.problems)
            return
        except StorageError as err:
            # The dialog stays open with everything the user typed, so saving can be retried.
            dialogs.error(self, "Opslaan mislukt", str(err))
            return
        self.accept()
