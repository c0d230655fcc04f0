"""The main window: three tabs, the Bestand, Bewerken and Help menus, status bar, remembered
geometry and splitter positions, and the keys that work everywhere (Ctrl+F, Ctrl+P, F1)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from drugspreventie_app import APP_NAME, __version__, paths
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.ui_state_repository import UiStateRepository
from drugspreventie_app.ui import app_guards, dialogs, file_folders, screen_fit
from drugspreventie_app.ui.mnemonics import strip_mnemonic

TAB_TITLES = ("&Middelen", "&Interventies", "Preventie- en Handhavings&plan")
TAB_NAMES = ("middelen", "interventies", "plan")


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._ui_state = UiStateRepository(db)
        self.setWindowTitle(APP_NAME)
        app_guards.install().help_opener = _show_help
        file_folders.install(self._ui_state)
        # Small enough for a 1366x768 laptop at 150% scaling with a task bar (about 910x480
        # logical pixels, of which the title bar takes some).
        self.setMinimumSize(600, 400)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Tabbladen")
        # Only the first tab is built at start-up; the others when first shown (or needed),
        # which keeps the start-up time close to that of an empty window.
        self._pages = {
            "middelen": _LazyPage(self._build_middelen),
            "interventies": _LazyPage(self._build_interventies),
            "plan": _LazyPage(self._build_plan),
        }
        for page in self._pages.values():
            page.built.connect(self._restore_splitters)
        for title, page in zip(TAB_TITLES, self._pages.values(), strict=True):
            self.tabs.addTab(page, title)
            page.setAccessibleName(strip_mnemonic(title))
        self.tabs.currentChanged.connect(lambda i: self.tabs.widget(i).ensure())
        self.setCentralWidget(self.tabs)
        self._pages["middelen"].ensure()

        self._build_menus()
        self._read_only_label = QLabel(self)
        self._read_only_label.setStyleSheet("color: #8a1c00; font-weight: bold;")
        if db.read_only_notice:
            self._read_only_label.setText(db.read_only_notice)
            self.statusBar().addPermanentWidget(self._read_only_label)
        self.statusBar().showMessage(f"Gegevensmap: {paths.user_data_dir()}")
        self._restore_geometry()

    # -- tabs --------------------------------------------------------------------------------

    def _connect_status(self, tab: QWidget) -> QWidget:
        signal = getattr(tab, "status_message", None)
        if signal is not None:
            signal.connect(lambda text: self.statusBar().showMessage(text, 10000))
        return tab

    def _build_middelen(self) -> QWidget:
        from drugspreventie_app.ui.middelen.middelen_tab import MiddelenTab

        return self._connect_status(_content_tab(lambda: MiddelenTab(self.db)))

    def _build_interventies(self) -> QWidget:
        from drugspreventie_app.ui.interventies.interventions_tab import InterventiesTab

        tab = self._connect_status(_content_tab(lambda: InterventiesTab(self.db)))
        if isinstance(tab, InterventiesTab):
            tab.connect_add_to_plan(self._add_to_plan, self._chosen_plan)
            tab.open_plan_requested.connect(self._open_plan_actions)
        return tab

    def _build_plan(self) -> QWidget:
        from drugspreventie_app.ui.plan.plan_tab import PlanTab

        tab = self._connect_status(_content_tab(lambda: PlanTab(self.db)))
        if isinstance(tab, PlanTab):
            tab.find_interventions.connect(self._find_interventions_for_cell)
        return tab

    def _find_interventions_for_cell(self, setting: str, niveau: str) -> None:
        self.show_tab("interventies").filter_on_cell(setting, niveau)

    @property
    def middelen_tab(self) -> QWidget:
        return self._pages["middelen"].ensure()

    @property
    def interventies_tab(self) -> QWidget:
        return self._pages["interventies"].ensure()

    @property
    def plan_tab(self) -> QWidget:
        return self._pages["plan"].ensure()

    def show_tab(self, name: str) -> QWidget:
        """Switch to a tab ('middelen', 'interventies', 'plan') and return its content."""
        self.tabs.setCurrentWidget(self._pages[name])
        return self._pages[name].ensure()

    def _add_to_plan(self, item: object, criteria: object) -> object:
        """Add to a plan and stay in the Interventies tab (it shows a confirmation)."""
        return self.plan_tab.add_intervention(item, criteria)

    def _chosen_plan(self) -> object:
        plan_tab = self._pages["plan"].content
        if plan_tab is not None:
            return plan_tab.chosen_plan()
        # the plan tab reopens the plan edited last; no need to build it just for the marks
        from drugspreventie_app.storage.plan_repository import PlanRepository

        plans = PlanRepository(self.db).list()
        return plans[0] if plans else None

    def _open_plan_actions(self) -> None:
        self.show_tab("plan").show_section("acties")

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget().ensure()

    def current_tab_name(self) -> str:
        return TAB_NAMES[self.tabs.currentIndex()]

    def _build_menus(self) -> None:
        bestand = self.menuBar().addMenu("&Bestand")
        self.action_print = QAction("Af&drukken…", self)
        self.action_print.setShortcut(QKeySequence.StandardKey.Print)
        self.action_print.setToolTip("Drukt af wat het huidige tabblad toont (Ctrl+P)")
        self.action_print.triggered.connect(self.print_current)
        bestand.addAction(self.action_print)
        bestand.addSeparator()
        self.action_settings = QAction("&Instellingen…", self)
        self.action_settings.setShortcut(QKeySequence.StandardKey.Preferences)
        self.action_settings.triggered.connect(self.open_settings)
        bestand.addAction(self.action_settings)
        self.action_open_folder = QAction("&Gegevensmap openen", self)
        self.action_open_folder.triggered.connect(self.open_data_folder)
        bestand.addAction(self.action_open_folder)
        bestand.addSeparator()
        self.action_quit = QAction("&Afsluiten", self)
        self.action_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.action_quit.triggered.connect(self.close)
        bestand.addAction(self.action_quit)

        bewerken = self.menuBar().addMenu("Be&werken")
        self.action_find = QAction("&Zoeken", self)
        self.action_find.setShortcut(QKeySequence.StandardKey.Find)
        self.action_find.triggered.connect(self.focus_search)
        bewerken.addAction(self.action_find)

        help_menu = self.menuBar().addMenu("&Help")
        self.action_help = QAction("&Handleiding", self)
        self.action_help.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.action_help.triggered.connect(lambda: self.show_help())
        help_menu.addAction(self.action_help)
        self.action_keys = QAction("&Sneltoetsen", self)
        self.action_keys.triggered.connect(lambda: self.show_help("toetsenbord"))
        help_menu.addAction(self.action_keys)
        self.action_licences = QAction("&Licenties", self)
        self.action_licences.triggered.connect(self.show_licences)
        help_menu.addAction(self.action_licences)
        help_menu.addSeparator()
        self.action_about = QAction("&Over Drugspreventie Werkbank", self)
        self.action_about.triggered.connect(self.show_about)
        help_menu.addAction(self.action_about)

    # -- keys that work in every tab ---------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field of the tab in use."""
        focus = getattr(self.current_tab(), "focus_search", None)
        if focus is not None:
            focus()

    def print_current(self) -> None:
        """Ctrl+P: print what the tab in use shows."""
        action = getattr(self.current_tab(), "print_current", None)
        if action is not None:
            action()

    def help_topic(self) -> str:
        topic = getattr(self.current_tab(), "help_topic", None)
        return topic() if callable(topic) else self.current_tab_name()

    def show_help(self, topic: str | None = None) -> QWidget:
        from drugspreventie_app.ui.help_window import show_help

        return show_help(topic or self.help_topic(), self)

    def show_licences(self) -> None:
        from drugspreventie_app.ui.licences_dialog import LicencesDialog

        LicencesDialog(self).exec()

    # -- actions -----------------------------------------------------------------------------

    def open_settings(self) -> None:
        from drugspreventie_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self)
        dialog.exec()

    def open_data_folder(self) -> None:
        folder = paths.user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about_text(self) -> str:
        from drugspreventie_app.content.bundle import content_peildatum

        peildatum = content_peildatum()
        return (
            f"{APP_NAME}\nVersie {__version__}\n\n"
            "Offline werkbank voor drugspreventie: factsheets over middelen, erkende "
            "interventies en het Preventie- en Handhavingsplan.\n\n"
            f"Gegevensmap: {paths.user_data_dir()}\n"
            f"Peildatum inhoud: {peildatum or 'onbekend'}"
        )

    def show_about(self) -> None:
        dialogs.inform(self, f"Over {APP_NAME}", self.about_text())

    def report_startup_notices(self) -> None:
        """Recovery and storage notices, shown without blocking; later notices (a second
        writer joined in) arrive the same way while the window is open."""
        if self.db.recovery is not None:
            title = (
                "Gegevens hersteld"
                if self.db.recovery.write_error is None
                else "Gegevens alleen-lezen geopend"
            )
            dialogs.notify(self, title, self.db.recovery.message())
        self.db.notices.listen(self.show_storage_notice)
        if self.db.stale_lock is not None:
            self.statusBar().showMessage(
                "De vorige keer is de Werkbank niet netjes afgesloten; de vergrendeling is "
                "opgeruimd.",
                15000,
            )

    def show_storage_notice(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 30000)
        dialogs.notify(self, "Let op: uw gegevens", text)

    # -- geometry ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._ui_state.get("geometrie")
        screen_fit.restore_or_place(self, saved if isinstance(saved, str) else None)

    def _restore_splitters(self, page: QWidget) -> None:
        saved = self._ui_state.get("splitters") or {}
        for splitter in page.findChildren(QSplitter):
            state = saved.get(splitter.objectName()) if splitter.objectName() else None
            if isinstance(state, str):
                splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def _save_splitters(self) -> None:
        saved = dict(self._ui_state.get("splitters") or {})
        for page in self._pages.values():
            if page.content is None:
                continue
            for splitter in page.findChildren(QSplitter):
                if splitter.objectName():
                    state = bytes(splitter.saveState().toBase64()).decode("ascii")
                    saved[splitter.objectName()] = state
        self._ui_state.set("splitters", saved)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Whatever autosave has not written yet is written now; if that fails, ask first.
        # an unbuilt plan tab has never been edited
        built = self._pages["plan"].content
        flush = getattr(built, "flush", None)
        if (
            flush is not None
            and not flush()
            and not dialogs.confirm(
                self,
                "Niet opgeslagen",
                "De laatste wijzigingen in het plan konden niet worden opgeslagen (zie de "
                "melding). Als u nu afsluit, gaan die wijzigingen verloren. Toch afsluiten?",
                "Toch afsluiten",
            )
        ):
            event.ignore()
            return
        try:
            geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
            self._ui_state.set("geometrie", geometry)
            self._save_splitters()
        except StorageError:
            pass  # losing the window position is not worth keeping the user from quitting
        super().closeEvent(event)


def _show_help(topic: str, parent: QWidget) -> QWidget:
    """F1 in a dialog (see app_guards): the manual at the part about that dialog."""
    from drugspreventie_app.ui.help_window import show_help

    return show_help(topic, parent)


def _content_tab(build: Callable[[], QWidget]) -> QWidget:
    """Build a tab from shipped content; a broken content pack shows its error in the tab."""
    from drugspreventie_app.content.errors import ContentError

    try:
        return build()
    except ContentError as err:
        label = QLabel(
            f"De meegeleverde inhoud kon niet worden geladen:\n{err}\n\n"
            "Installeer de Werkbank opnieuw of zet het vorige inhoudspakket terug."
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label


class _LazyPage(QWidget):
    """A tab page whose content is built the first time it is needed."""

    built = Signal(QWidget)

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.content is None:
            self.content = self._build()
            self.layout().addWidget(self.content)
            self.built.emit(self)
        return self.content
