"""Regenerate the screenshots in docs/screenshots/ (offscreen; no display needed).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from drugspreventie_app import paths  # noqa: E402
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile  # noqa: E402
from drugspreventie_app.storage.database import open_database  # noqa: E402
from drugspreventie_app.storage.profile_repository import ProfileRepository  # noqa: E402
from drugspreventie_app.ui.app import install_dutch_translations  # noqa: E402
from drugspreventie_app.ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_dutch_translations(app)
    with tempfile.TemporaryDirectory() as tmp:
        paths.set_data_dir_override(tmp)
        db = open_database()
        ProfileRepository(db).save(
            OrganisationProfile(
                organisatie="GGD Voorbeeldregio",
                afdeling="Preventie & Jeugd",
                hulpcontacten=[HelpContact("Preventiewerker IVZ", "jongeren", "0570-123456")],
            )
        )
        window = MainWindow(db)
        window.resize(1280, 820)
        window.show()
        app.processEvents()
        window.middelen_tab.search.setText("poes")
        app.processEvents()
        window.grab().save(str(OUT / "middelen.png"))
        tab = window.interventies_tab
        window.tabs.setCurrentWidget(tab)
        tab.filters.boxes["settings"]["voortgezet_onderwijs"].setChecked(True)
        tab.filters.age.setValue(14)
        tab.side_tabs.setCurrentWidget(tab.advice_view)
        app.processEvents()
        window.grab().save(str(OUT / "interventies.png"))
        tab.filters.clear()
        tab.side_tabs.setCurrentWidget(tab.coverage)
        app.processEvents()
        window.grab().save(str(OUT / "interventies-dekking.png"))
        plan_tab = window.plan_tab
        window.tabs.setCurrentWidget(plan_tab)
        plan_tab.open_example()
        plan_tab.run_check()
        plan_tab.show_section("lokale_situatie")
        app.processEvents()
        window.grab().save(str(OUT / "plan.png"))
        plan_tab.show_section("acties")
        app.processEvents()
        window.grab().save(str(OUT / "plan-acties.png"))
        window.close()
        db.close()
    print(f"Screenshots geschreven naar {OUT}")


if __name__ == "__main__":
    main()
