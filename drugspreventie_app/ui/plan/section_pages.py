"""One editor page per plan section, each headed by the seeds' guiding questions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drugspreventie_app.domain.intervention import NIVEAUS, PIJLERS, SETTINGS, WERKVORMEN
from drugspreventie_app.domain.plan import options as o
from drugspreventie_app.domain.plan.model import (
    Actie,
    Cijfer,
    Doel,
    Handhavingsmaatregel,
    Plan,
    PlanOrganisatie,
    Stakeholder,
    Subdoel,
)
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID
from drugspreventie_app.domain.profile import HelpContact
from drugspreventie_app.domain.regional import add_regional_stakeholder
from drugspreventie_app.ui import dialogs
from drugspreventie_app.ui.plan.editors import (
    Binder,
    Column,
    RowTable,
    keep_to_text_rule,
    set_plain_text_keeping_cursor,
)
from drugspreventie_app.ui.plan.plan_session import PlanSession
from drugspreventie_app.ui.wrapping_check import WrappingCheckBox


class SectionPage(QScrollArea):
    """Scrollable page: title, guiding questions, then the section's fields."""

    def __init__(self, section_id: str, session: PlanSession) -> None:
        super().__init__()
        self.section = SECTION_BY_ID[section_id]
        self.session = session
        self.binder = Binder(session)
        self.tables: list[RowTable] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        number = f"{self.section.number}. " if self.section.number else ""
        self.setAccessibleName(f"Onderdeel {number}{self.section.title}")
        # A sideways scroll bar appears only when a pane is narrower than the page's own
        # minimum (at 150% scaling), so nothing is ever cut off without a way to reach it.
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        title = QLabel(f"<h2>{number}{self.section.title}</h2>")
        self.body.addWidget(title)
        questions = QLabel(
            "<b>Hulpvragen</b><ul>"
            + "".join(f"<li>{q}</li>" for q in self.section.questions)
            + "</ul>"
        )
        questions.setWordWrap(True)
        questions.setStyleSheet("background: #eef3f8; border: 1px solid #b9c9da; padding: 4px;")
        self.body.addWidget(questions)
        self.setWidget(inner)

    def form(self, title: str | None = None) -> QFormLayout:
        group = QGroupBox(title) if title else QWidget()
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body.addWidget(group)
        return form

    def table(self, title: str, rows, factory, columns: list[Column]) -> RowTable:
        table = RowTable(self.session, title, rows, factory, columns)
        table.table.setMinimumHeight(160)
        self.tables.append(table)
        self.body.addWidget(table)
        return table

    def text_fields(self) -> list[QWidget]:
        """The plan's text fields on this page, in reading order (for Zoek in het plan)."""
        return [
            w
            for w in self.widget().findChildren(QWidget)
            if isinstance(w, (QLineEdit, QPlainTextEdit)) and w.accessibleName()
        ]

    def load(self, plan: Plan) -> None:
        self.binder.load(plan)
        for table in self.tables:
            table.load(plan)

    def finish(self) -> None:
        self.body.addStretch()


def algemeen_page(
    session: PlanSession, settings_organisation: Callable[[], PlanOrganisatie]
) -> SectionPage:
    page = SectionPage("algemeen", session)
    b = page.binder
    form = page.form()
    form.addRow("Titel:", b.text(("titel",), "Titel", multiline=False))
    form.addRow("Gemeente:", b.text(("gemeente",), "Gemeente", multiline=False))
    start, end = QSpinBox(), QSpinBox()
    for box in (start, end):
        box.setRange(2000, 2100)
    start.setAccessibleName("Periode van")
    end.setAccessibleName("Periode tot en met")

    def period_changed() -> None:
        s, e = start.value(), end.value()

        def mutate(p: Plan) -> None:
            p.periode_start, p.periode_eind = s, e

        session.edit("Periode gewijzigd", mutate, "periode")

    start.valueChanged.connect(period_changed)
    end.valueChanged.connect(period_changed)

    def load_period(plan: Plan) -> None:
        for box, value in ((start, plan.periode_start), (end, plan.periode_eind)):
            with QSignalBlocker(box):
                box.setValue(value)

    b.add_loader(load_period)
    period = QHBoxLayout()
    period.addWidget(start)
    period.addWidget(QLabel("tot en met"))
    period.addWidget(end)
    period.addStretch()
    form.addRow("Periode:", period)
    form.addRow("Reikwijdte:", b.choice(("reikwijdte",), "Reikwijdte", o.REIKWIJDTE))
    form.addRow("Status:", b.choice(("status",), "Status", o.STATUS))
    date = QDateEdit()
    date.setCalendarPopup(True)
    date.setDisplayFormat("dd-MM-yyyy")
    date.setAccessibleName("Vastgesteld op")

    def date_changed() -> None:
        value = date.date().toString("yyyy-MM-dd")
        session.edit("Datum vaststelling gewijzigd", lambda p: setattr(p, "vastgesteld_op", value))

    date.dateChanged.connect(date_changed)

    def load_date(plan: Plan) -> None:
        from PySide6.QtCore import QDate

        with QSignalBlocker(date):
            parsed = QDate.fromString(plan.vastgesteld_op, "yyyy-MM-dd")
            date.setDate(parsed if parsed.isValid() else QDate.currentDate())
        date.setEnabled(plan.status == "vastgesteld")

    b.add_loader(load_date)
    session.plan_changed.connect(
        lambda: date.setEnabled(bool(session.plan and session.plan.status == "vastgesteld"))
    )
    form.addRow("Vastgesteld op:", date)
    form.addRow("Auteur:", b.text(("auteur",), "Auteur", multiline=False))
    _organisation_form(page, settings_organisation)
    page.finish()
    return page


ORGANISATION_FIELDS = (
    ("naam", "Naam organisatie"),
    ("afdeling", "Afdeling"),
    ("adres", "Adres"),
    ("telefoon", "Telefoon"),
    ("email", "E-mail"),
    ("website", "Website"),
)


def _organisation_form(
    page: SectionPage, settings_organisation: Callable[[], PlanOrganisatie]
) -> None:
    """The plan's own author organisation: printed on its cover instead of the settings'."""
    form = page.form("Organisatie van de auteur (op de omslag van het plan)")
    for key, label in ORGANISATION_FIELDS:
        field = page.binder.text(("organisatie", key), label, multiline=False)
        form.addRow(f"{label}:", field)
    copy = QPushButton("Overnemen uit de instellingen")
    copy.setToolTip("Vul de gegevens in van de organisatie die in de instellingen staat")

    def take_over() -> None:
        org = settings_organisation()
        page.session.edit("Organisatie overgenomen", lambda p: setattr(p, "organisatie", org))
        if page.session.plan is not None:
            page.load(page.session.plan)

    copy.clicked.connect(take_over)
    form.addRow("", copy)
    page.copy_organisation_button = copy  # type: ignore[attr-defined]


def _kader_checks(page: SectionPage, title: str, getter: Callable[[Plan], list]) -> None:
    group = QGroupBox(title)
    grid = QGridLayout(group)
    rows: list[tuple[WrappingCheckBox, QLineEdit]] = []
    for n in range(len(getter(Plan()))):
        check, note = WrappingCheckBox(), QLineEdit()
        note.setPlaceholderText("toelichting")
        note.setMinimumWidth(90)
        grid.addWidget(check, n, 0)
        grid.addWidget(note, n, 1)
        rows.append((check, note))

        def changed(_=None, n=n, check=check, note=note) -> None:
            value, text = check.isChecked(), keep_to_text_rule(note, page.session)

            def mutate(p: Plan) -> None:
                items = getter(p)
                if n < len(items):
                    items[n].van_toepassing, items[n].toelichting = value, text

            page.session.edit(f"{title} gewijzigd", mutate, f"{title}.{n}")

        check.toggled.connect(changed)
        note.textChanged.connect(changed)

    def load(plan: Plan) -> None:
        items = getter(plan)
        for n, (check, note) in enumerate(rows):
            item = items[n] if n < len(items) else None
            with QSignalBlocker(check), QSignalBlocker(note):
                check.setText(item.naam if item else "")
                note.setAccessibleName(f"Toelichting bij {item.naam}" if item else "Toelichting")
                check.setChecked(bool(item and item.van_toepassing))
                if note.text() != (item.toelichting if item else ""):
                    note.setText(item.toelichting if item else "")

    page.binder.add_loader(load)
    page.body.addWidget(group)


def inleiding_page(session: PlanSession) -> SectionPage:
    page = SectionPage("inleiding", session)
    b = page.binder
    form = page.form("Aanleiding")
    form.addRow(b.checks(("inleiding", "aanleiding"), "Aanleiding", o.AANLEIDINGEN))
    form.addRow(
        "Anders, namelijk:",
        b.text(("inleiding", "aanleiding_anders"), "Andere aanleiding", multiline=False),
    )
    form.addRow("Toelichting:", b.text(("inleiding", "aanleiding_toelichting"), "Toelichting"))
    _kader_checks(page, "Landelijke wetten", lambda p: p.inleiding.wetten)
    _kader_checks(page, "Lokale plannen en kaders", lambda p: p.inleiding.lokale_kaders)
    form2 = page.form("Definities")
    form2.addRow(b.text(("inleiding", "definities"), "Definities"))
    page.finish()
    return page


def beleidsfocus_page(session: PlanSession) -> SectionPage:
    page = SectionPage("beleidsfocus", session)
    b = page.binder
    form = page.form()
    form.addRow("Visie:", b.text(("beleidsfocus", "visie"), "Visie"))
    form.addRow("Missie:", b.text(("beleidsfocus", "missie"), "Missie"))
    form.addRow(
        "M&odel:", b.choice(("beleidsfocus", "model"), "Model", o.MODELLEN, "— kies een model —")
    )
    form.addRow(
        "Ander model:", b.text(("beleidsfocus", "model_anders"), "Ander model", multiline=False)
    )
    form.addRow("Speerpunten:", b.lines(("beleidsfocus", "speerpunten"), "Speerpunten"))
    page.finish()
    return page


def lokale_situatie_page(
    session: PlanSession, regional_contact: Callable[[], HelpContact | None] | None = None
) -> SectionPage:
    page = SectionPage("lokale_situatie", session)
    b = page.binder
    bron_hint = QLabel("Bronnen die u kunt gebruiken: " + ", ".join(o.MONITORS) + ".")
    bron_hint.setWordWrap(True)
    bron_hint.setStyleSheet("color: #444;")
    page.table(
        "Cijfers (probleemanalyse)",
        lambda p: p.lokale_situatie.cijfers,
        Cijfer,
        [
            Column("indicator", "Indicator"),
            Column("doelgroep", "Doelgroep", width=110),
            Column("waarde", "Waarde", width=70),
            Column("jaar", "Jaar", width=50),
            Column("bron", "Bron", width=150),
        ],
    )
    page.body.addWidget(bron_hint)
    form = page.form()
    form.addRow(
        "Bevindingen van professionals:",
        b.text(("lokale_situatie", "bevindingen"), "Bevindingen van professionals"),
    )
    form.addRow("Duiding:", b.text(("lokale_situatie", "duiding"), "Duiding"))
    groups = page.form("Doelgroepen (waaronder de tien kwetsbare groepen)")
    groups.addRow(
        b.checks(("lokale_situatie", "doelgroepen"), "Doelgroepen", o.KWETSBARE_GROEPEN, columns=1)
    )
    groups.addRow(
        "Andere doelgroepen / toelichting:",
        b.text(("lokale_situatie", "doelgroepen_toelichting"), "Doelgroepen toelichting"),
    )
    page.table(
        "Stakeholders",
        lambda p: p.lokale_situatie.stakeholders,
        Stakeholder,
        [
            Column("organisatie", "Organisatie", width=150),
            Column("domein", "Domein", kind="choice", choices=o.DOMEINEN, width=115),
            Column("huidige_rol", "Huidige rol"),
            Column("gewenste_rol", "Gewenste rol"),
            Column("verslavingspreventie", "IVZ-preventie", kind="bool", width=85),
        ],
    )
    if regional_contact is not None:
        page.body.addWidget(_regional_stakeholder_button(page, regional_contact))
    page.finish()
    return page


def _regional_stakeholder_button(
    page: SectionPage, regional_contact: Callable[[], HelpContact | None]
) -> QPushButton:
    """One step from the region chosen in Instellingen to a stakeholder row."""
    button = QPushButton("Regionale &verslavingszorg toevoegen")
    button.setToolTip(
        "Voegt de preventieafdeling van de regionale instelling uit Instellingen toe."
    )

    def add() -> None:
        contact = regional_contact()
        if contact is None:
            dialogs.inform(
                page,
                "Geen regionale instelling",
                "Kies eerst uw gemeente of regio onder Instellingen. Staat die niet in de "
                "lijst, voeg de verslavingszorg dan met ‘Toevoegen’ zelf toe.",
            )
            return
        added: list[bool] = []
        page.session.edit(
            "Regionale verslavingszorg toegevoegd",
            lambda plan: added.append(add_regional_stakeholder(plan, contact)),
        )
        if added and not added[0]:
            dialogs.inform(page, "Al toegevoegd", f"{contact.naam} staat al bij de stakeholders.")

    button.clicked.connect(add)
    return button


class _CurrentIndex:
    """The row chosen in a master table, for the detail editors below it."""

    def __init__(self) -> None:
        self.row = -1


def doelen_page(session: PlanSession) -> SectionPage:
    page = SectionPage("doelen", session)
    chosen = _CurrentIndex()

    def subdoelen(plan: Plan) -> list:
        return plan.doelen[chosen.row].subdoelen if 0 <= chosen.row < len(plan.doelen) else []

    doelen = page.table(
        "Maatschappelijke doelen",
        lambda p: p.doelen,
        Doel,
        [
            Column("omschrijving", "Doel"),
            Column("prioriteit", "Prioriteit", kind="choice", choices=o.PRIORITEITEN, width=100),
        ],
    )
    subs = page.table(
        "Subdoelen van het gekozen doel",
        subdoelen,
        Subdoel,
        [
            Column("omschrijving", "Subdoel"),
            Column("indicator", "Indicator", width=140),
            Column("nulmeting", "Nulmeting", width=80),
            Column("streefwaarde", "Streefwaarde", width=85),
            Column("streefjaar", "Jaar", kind="int", width=50),
        ],
    )

    def doel_chosen(row: int) -> None:
        chosen.row = row
        if session.plan is not None:
            subs.load(session.plan)
        subs.setEnabled(row >= 0)

    doelen.current_row_changed.connect(doel_chosen)
    page.finish()
    return page


class ActionDetail(QGroupBox):
    """All fields of the action chosen in the actions table."""

    def __init__(self, session: PlanSession, chosen: _CurrentIndex) -> None:
        super().__init__("Gekozen actie")
        self.session = session
        self.chosen = chosen
        self._widgets: dict[str, Any] = {}
        form = QFormLayout(self)
        # labels above the fields when the pane is narrow, instead of clipping the fields
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for key, label in (
            ("beschrijving", "Beschrijving"),
            ("doelgroep", "Doelgroep"),
            ("partners", "Partners"),
            ("budget", "Budget"),
            ("terugkoppeling", "Hoe koppelt de uitvoerder terug?"),
        ):
            widget = QPlainTextEdit() if key in ("beschrijving", "terugkoppeling") else QLineEdit()
            if isinstance(widget, QPlainTextEdit):
                widget.setTabChangesFocus(True)
                widget.setUndoRedoEnabled(False)  # the plan's history is the undo
                widget.setFixedHeight(64)
            # typed text follows the text rule at once, as in every plan field
            widget.textChanged.connect(
                lambda *_, k=key, w=widget: self._set(k, keep_to_text_rule(w, self.session))
            )
            widget.setAccessibleName(label)
            self._widgets[key] = widget
            form.addRow(label if label.endswith("?") else f"{label}:", widget)
        for key, label, choices in (
            ("harm_pijler", "Pijler (vraag/aanbod/harm reduction)", o.HARM_PIJLERS),
            ("rivm_pijler", "RIVM-pijler", PIJLERS),
            ("component", "Onderdeel integrale aanpak", o.COMPONENTEN),
        ):
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.addItem("—", "")
            for k, v in choices.items():
                combo.addItem(v, k)
            combo.setAccessibleName(label)
            combo.currentIndexChanged.connect(
                lambda _i, k=key, c=combo: self._set(k, c.currentData())
            )
            self._widgets[key] = combo
            form.addRow(f"{label}:", combo)
        ages = QHBoxLayout()
        for key in ("leeftijd_van", "leeftijd_tot"):
            box = QSpinBox()
            box.setRange(-1, 120)
            box.setSpecialValueText("–")
            box.setAccessibleName("Leeftijd van" if key == "leeftijd_van" else "Leeftijd tot")
            box.valueChanged.connect(lambda v, k=key: self._set(k, None if v < 0 else v))
            self._widgets[key] = box
            ages.addWidget(box)
        ages.addStretch()
        form.addRow("Leeftijd (van – tot):", ages)
        self.werkvormen = QWidget()
        grid = QGridLayout(self.werkvormen)
        grid.setContentsMargins(0, 0, 0, 0)
        self.werkvorm_boxes: dict[str, WrappingCheckBox] = {}
        for n, (key, label) in enumerate(WERKVORMEN.items()):
            box = WrappingCheckBox(label)
            box.toggled.connect(self._werkvormen_changed)
            self.werkvorm_boxes[key] = box
            grid.addWidget(box, n // 2, n % 2)
        form.addRow("Werkvormen:", self.werkvormen)
        # A list with check marks rather than check boxes: subgoals are whole sentences, and
        # a list wraps them within a narrow pane (Space toggles the chosen one).
        self.subdoelen = QListWidget()
        self.subdoelen.setWordWrap(True)
        self.subdoelen.setMinimumHeight(90)
        self.subdoelen.setAccessibleName("Dient subdoelen")
        self.subdoelen.itemChanged.connect(lambda _item: self._subdoelen_changed())
        self._subdoelen_shown: list[tuple[str, str]] | None = None
        form.addRow("Dient subdoelen:", self.subdoelen)

    def _action(self, plan: Plan) -> Actie | None:
        row = self.chosen.row
        return plan.acties[row] if 0 <= row < len(plan.acties) else None

    def _set(self, key: str, value: Any) -> None:
        row = self.chosen.row

        def mutate(plan: Plan) -> None:
            if 0 <= row < len(plan.acties):
                setattr(plan.acties[row], key, value)

        self.session.edit(f"Actie: {key} gewijzigd", mutate, f"actie.{row}.{key}")

    def _werkvormen_changed(self) -> None:
        self._set("werkvormen", [k for k, b in self.werkvorm_boxes.items() if b.isChecked()])

    def chosen_subdoelen(self) -> list[str]:
        items = (self.subdoelen.item(n) for n in range(self.subdoelen.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked and item.data(Qt.ItemDataRole.UserRole)
        ]

    def _subdoelen_changed(self) -> None:
        self._set("subdoelen", self.chosen_subdoelen())

    def load(self, plan: Plan) -> None:
        action = self._action(plan)
        self.setEnabled(action is not None)
        action = action or Actie()
        for key, widget in self._widgets.items():
            value = getattr(action, key)
            with QSignalBlocker(widget):
                if isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != value:
                        set_plain_text_keeping_cursor(widget, value)
                elif isinstance(widget, QLineEdit):
                    if widget.text() != value:
                        widget.setText(value)
                elif isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(widget.findData(value), 0))
                elif isinstance(widget, QSpinBox):
                    widget.setValue(-1 if value is None else value)
        for key, box in self.werkvorm_boxes.items():
            with QSignalBlocker(box):
                box.setChecked(key in action.werkvormen)
        self._build_subdoelen(plan, action)

    def refresh_subdoelen(self) -> None:
        """After any change: a subdoel added or renamed in section 4 shows up here at once
        (regression: it appeared only after choosing another action)."""
        plan = self.session.plan
        if plan is None:
            return
        # ticking a subdoel here changes the plan too; that must not rebuild (and unfocus) it
        if self._subdoelen_shown != self._subdoelen_signature(plan):
            self._build_subdoelen(plan, self._action(plan) or Actie())

    @staticmethod
    def _subdoelen_signature(plan: Plan) -> list[tuple[str, str]]:
        return [(sub.id, sub.omschrijving) for doel in plan.doelen for sub in doel.subdoelen]

    def _build_subdoelen(self, plan: Plan, action: Actie) -> None:
        """The subdoelen checklist follows the plan's current goals."""
        self._subdoelen_shown = self._subdoelen_signature(plan)
        with QSignalBlocker(self.subdoelen):
            self.subdoelen.clear()
            for doel in plan.doelen:
                for sub in doel.subdoelen:
                    item = QListWidgetItem(sub.omschrijving or "(subdoel zonder omschrijving)")
                    item.setData(Qt.ItemDataRole.UserRole, sub.id)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    checked = sub.id in action.subdoelen
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
                    self.subdoelen.addItem(item)
            if not self.subdoelen.count():
                item = QListWidgetItem("(nog geen subdoelen: vul eerst de doelen in)")
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.subdoelen.addItem(item)


def acties_page(session: PlanSession, pick_intervention: Callable[[], Actie | None]) -> SectionPage:
    page = SectionPage("acties", session)
    chosen = _CurrentIndex()
    table = page.table(
        "Acties",
        lambda p: p.acties,
        Actie,
        [
            # narrow columns: at 150% the page is about 410 pixels wide; every field of the
            # chosen action is also in the form below the table
            Column("naam", "Actie"),
            Column("niveau", "Niveau", kind="choice", choices={"": "—", **NIVEAUS}, width=95),
            Column("setting", "Setting", kind="choice", choices={"": "—", **SETTINGS}, width=115),
            Column("uitvoerder", "Uitvoerder", width=90),
            Column("start", "Start", width=50),
            Column("eind", "Eind", width=50),
        ],
    )
    table.add_button.setText("Vrije maatregel toevoegen")
    from_catalogue = QPushButton("Interventie uit catalogus…")
    table.insert_button(0, from_catalogue)

    def add_from_catalogue() -> None:
        action = pick_intervention()
        if action is not None:
            session.edit(f"Actie '{action.naam}' toegevoegd", lambda p: p.acties.append(action))
            table.load(session.plan)
            table.table.setCurrentCell(table.table.rowCount() - 1, 0)

    from_catalogue.clicked.connect(add_from_catalogue)
    detail = ActionDetail(session, chosen)
    page.body.addWidget(detail)
    page.action_detail = detail  # type: ignore[attr-defined]

    def action_chosen(row: int) -> None:
        chosen.row = row
        if session.plan is not None:
            detail.load(session.plan)

    table.current_row_changed.connect(action_chosen)
    page.binder.add_loader(detail.load)
    session.plan_changed.connect(detail.refresh_subdoelen)
    page.finish()
    return page


def handhaving_page(session: PlanSession) -> SectionPage:
    page = SectionPage("handhaving", session)
    page.table(
        "Handhavingsmaatregelen",
        lambda p: p.handhaving,
        Handhavingsmaatregel,
        [
            Column(
                "maatregel", "Maatregel", kind="choice", choices=o.HANDHAVING_MAATREGELEN, width=200
            ),
            Column("omschrijving", "Omschrijving"),
            Column("instrument", "Instrument", width=130),
            Column("verantwoordelijke", "Verantwoordelijke", width=130),
            Column("frequentie", "Frequentie", width=100),
        ],
    )
    page.finish()
    return page


def evaluatie_page(session: PlanSession) -> SectionPage:
    page = SectionPage("evaluatie", session)
    b = page.binder
    form = page.form()
    form.addRow("Jaarlijkse check:", b.text(("evaluatie", "jaarlijks"), "Jaarlijkse check"))
    form.addRow("Tussentijdse evaluatie:", b.text(("evaluatie", "tussentijds"), "Tussentijds"))
    form.addRow("Eindevaluatie:", b.text(("evaluatie", "eindevaluatie"), "Eindevaluatie"))
    form.addRow("Indicatoren:", b.lines(("evaluatie", "indicatoren"), "Indicatoren"))
    form.addRow("Sleutelfiguren:", b.lines(("evaluatie", "sleutelfiguren"), "Sleutelfiguren"))
    page.finish()
    return page


def communicatie_page(session: PlanSession) -> SectionPage:
    page = SectionPage("communicatie", session)
    b = page.binder
    form = page.form()
    form.addRow("Doelen:", b.text(("communicatie", "doelen"), "Communicatiedoelen"))
    form.addRow("Doelgroepen:", b.text(("communicatie", "doelgroepen"), "Doelgroepen"))
    form.addRow("Kanalen:", b.text(("communicatie", "kanalen"), "Kanalen"))
    page.finish()
    return page
