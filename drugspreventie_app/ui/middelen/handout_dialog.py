"""Handout maken / afdrukken: for whom, in which format, and what the handout will carry.

The organisation block and the local help contacts come from the settings; the dialog shows
them and opens the settings from here, so the user sees what will be printed before it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.factsheet import Audience, Factsheet
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.ui import dialogs

AUDIENCES = list(Audience)
# label, file suffix
FORMATS = (("PDF", ".pdf"), ("Word (.docx), om zelf aan te passen", ".docx"))


def profile_summary(profile: OrganisationProfile) -> str:
    """The organisation block and help contacts as the handout will carry them, in words."""
    lines = [
        value.strip()
        for value in (
            profile.organisatie,
            profile.afdeling,
            profile.adres.replace("\n", ", "),
            profile.telefoon,
            profile.email,
            profile.website,
        )
        if value.strip()
    ]
    org = (
        "\n".join(lines)
        if lines
        else "Nog geen organisatie ingevuld: de handout krijgt geen afzender."
    )
    regional = profile.regionale_instelling
    if regional is not None and regional.naam.strip():
        care = " – ".join(x for x in (regional.naam.strip(), regional.contact.strip()) if x)
    else:
        care = "nog niet gekozen"
    contacts = [c for c in profile.hulpcontacten if not c.is_empty()]
    if contacts:
        help_text = "\n".join(
            " – ".join(x for x in (c.naam.strip(), c.rol.strip(), c.contact.strip()) if x)
            for c in contacts
        )
    else:
        help_text = "Geen lokale hulpcontacten ingevuld: alleen de landelijke hulplijnen."
    return f"{org}\n\nRegionale verslavingszorg: {care}\n\nLokale hulpcontacten:\n{help_text}"


class HandoutDialog(QDialog):
    """Choose the audience (and the format when saving); shows what comes on the handout."""

    def __init__(
        self,
        sheet: Factsheet,
        load_profile: Callable[[], OrganisationProfile],
        edit_profile: Callable[[QWidget], None],
        *,
        title: str,
        ok_text: str,
        with_format: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._load_profile = load_profile
        self._edit_profile = edit_profile
        layout = QVBoxLayout(self)
        heading = QLabel(sheet.naam)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)

        audience_box = QGroupBox("Voor wie is de handout?")
        audience_layout = QVBoxLayout(audience_box)
        self.audience_group = QButtonGroup(self)
        for n, audience in enumerate(AUDIENCES):
            button = QRadioButton(audience.label)
            self.audience_group.addButton(button, n)
            audience_layout.addWidget(button)
        self.audience_group.button(0).setChecked(True)
        layout.addWidget(audience_box)

        self.format_group = QButtonGroup(self)
        if with_format:
            format_box = QGroupBox("Formaat")
            format_layout = QVBoxLayout(format_box)
            for n, (label, _suffix) in enumerate(FORMATS):
                button = QRadioButton(label)
                self.format_group.addButton(button, n)
                format_layout.addWidget(button)
            self.format_group.button(0).setChecked(True)
            layout.addWidget(format_box)

        carried = QGroupBox("Op de handout komt (uit de instellingen)")
        carried_layout = QVBoxLayout(carried)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        self.profile_label.setTextFormat(Qt.TextFormat.PlainText)
        self.profile_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton("Organisatie en hulpcontacten &wijzigen…")
        self.edit_button.clicked.connect(self.edit_profile)
        carried_layout.addWidget(self.profile_label)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch()
        carried_layout.addLayout(row)
        layout.addWidget(carried)

        layout.addWidget(dialogs.action_buttons(ok_text, self.accept, self.reject))
        self.refresh_profile()

    def refresh_profile(self) -> None:
        self.profile_label.setText(profile_summary(self._load_profile()))

    def edit_profile(self) -> None:
        self._edit_profile(self)
        self.refresh_profile()

    def audience(self) -> Audience:
        return AUDIENCES[max(self.audience_group.checkedId(), 0)]

    def set_audience(self, audience: Audience) -> None:
        self.audience_group.button(AUDIENCES.index(audience)).setChecked(True)

    def suffix(self) -> str:
        return FORMATS[max(self.format_group.checkedId(), 0)][1]

    def set_suffix(self, suffix: str) -> None:
        index = next(n for n, (_label, s) in enumerate(FORMATS) if s == suffix)
        button = self.format_group.button(index)
        if button is not None and button.isEnabled():
            button.setChecked(True)
