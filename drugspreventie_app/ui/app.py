"""Start the window: Qt application, Dutch translations, database, main window."""

from __future__ import annotations

import argparse
import sys

from drugspreventie_app import APP_NAME, __version__
from drugspreventie_app.cli.common import apply_data_dir


def install_dutch_translations(app: object) -> list[object]:
    """Qt's own dialogs (file dialogs, buttons) in Dutch; keep the translators alive."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    kept = []
    for name in ("qtbase_nl",):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            kept.append(translator)
    return kept


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOWS_APP_ID = "Drugspreventie.Werkbank"


def program_icon() -> object:
    """The program's own icon (resources/icon, drawn by tools/make_icon.py) in every size."""
    from PySide6.QtGui import QIcon

    from drugspreventie_app.locator import resource

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("icon", f"werkbank-{size}.png")))
    return icon


def _group_on_the_windows_taskbar() -> None:
    """Without its own app id, a Werkbank started from Python shows Python's taskbar icon."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(WINDOWS_APP_ID)


def _import_plain_python_first() -> None:
    """Import the Qt-free modules the first window needs before PySide6: once PySide6 is
    loaded, its import hook makes every later import noticeably slower, and start-up time is
    a product goal."""
    import drugspreventie_app.content.factsheets
    import drugspreventie_app.domain.factsheet
    import drugspreventie_app.domain.factsheet_search
    import drugspreventie_app.storage.database
    import drugspreventie_app.storage.profile_access
    import drugspreventie_app.storage.ui_state_repository  # noqa: F401


def run_gui(args: argparse.Namespace) -> int:
    _import_plain_python_first()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from drugspreventie_app.storage.database import open_database
    from drugspreventie_app.storage.errors import StorageError
    from drugspreventie_app.ui import dialogs
    from drugspreventie_app.ui.main_window import MainWindow

    apply_data_dir(args)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    _group_on_the_windows_taskbar()
    app.setWindowIcon(program_icon())
    app._translators = install_dutch_translations(app)  # type: ignore[attr-defined]

    try:
        db = open_database(allow_read_only=True)
    except StorageError as err:
        dialogs.error(None, APP_NAME, str(err))
        return 1
    try:
        window = MainWindow(db)
        window.show()
        window.report_startup_notices()
        if getattr(args, "exit_when_ready", False):
            # A zero timer fires once the event loop has handled everything already queued,
            # i.e. when the window is shown and idle.
            # Non-modal notices are windows of their own: close them all and quit.
            QTimer.singleShot(0, lambda: (window.close(), app.closeAllWindows(), app.quit()))
        return app.exec()
    finally:
        db.close()
