"""Regenerate the screenshots in docs/screenshots/ (offscreen; no display needed).

The program's own tabs are shot as on the users' laptops: a 1366x768 screen at 150% scaling
(unless QT_SCALE_FACTOR says otherwise), the window at the size the program chooses there.

Usage: .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREEN = {"width": 1366, "height": 768}


def _simulate_laptop_screen() -> None:
    """Must happen before Qt starts: the offscreen platform with a 1366x768 screen."""
    config = Path(tempfile.gettempdir()) / "werkbank-laptop-scherm.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, **SCREEN, "logicalDpi": 96, "dpr": 1}]}
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("QT_SCALE_FACTOR", "1.5")


_simulate_laptop_screen()

from PySide6.QtWidgets import QApplication  # noqa: E402

from drugspreventie_app import paths  # noqa: E402
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile  # noqa: E402
from drugspreventie_app.storage.database import open_database  # noqa: E402
from drugspreventie_app.storage.profile_repository import ProfileRepository  # noqa: E402
from drugspreventie_app.ui.app import install_dutch_translations  # noqa: E402
from drugspreventie_app.ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


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
        window.show()
        _settle(app)
        window.middelen_tab.search.setText("poes")
        _shoot(app, window, "middelen.png")
        tab = window.interventies_tab
        window.show_tab("interventies")
        tab.filters.boxes["settings"]["voortgezet_onderwijs"].setChecked(True)
        tab.filters.age.setValue(14)
        tab.side_tabs.setCurrentWidget(tab.advice_view)
        _shoot(app, window, "interventies.png")
        tab.filters.clear()
        tab.side_tabs.setCurrentWidget(tab.coverage)
        _shoot(app, window, "interventies-dekking.png")
        plan_tab = window.plan_tab
        window.show_tab("plan")
        plan_tab.open_example()
        plan_tab.run_check()
        for section, name in (
            ("beleidsfocus", "plan.png"),
            ("lokale_situatie", "plan-lokale-situatie.png"),
            ("acties", "plan-acties.png"),
        ):
            plan_tab.show_section(section)
            _shoot(app, window, name)
        help_window = window.show_help("plan-acties")
        _shoot(app, help_window, "handleiding.png")
        help_window.close()
        window.close()
        db.close()
        _paper_pages(Path(tmp))
    print(f"Screenshots geschreven naar {OUT}")


def _shoot(app: QApplication, widget, name: str) -> None:
    _settle(app)
    widget.grab().save(str(OUT / name))


def _paper_pages(tmp: Path) -> None:
    """Page images of a parents' handout and of the example plan, as they print."""
    import pypdfium2 as pdfium

    from drugspreventie_app.content.example_plan import example_plan
    from drugspreventie_app.content.factsheets import factsheet_by_slug
    from drugspreventie_app.content.interventions import catalogue
    from drugspreventie_app.domain.factsheet import Audience
    from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
    from drugspreventie_app.export.handout import HandoutContext, write_handout
    from drugspreventie_app.export.plan_document import write_plan

    ctx = HandoutContext(
        OrganisationProfile(
            organisatie="GGD Voorbeeldregio",
            afdeling="Preventie & Jeugd",
            telefoon="088 123 45 67",
            hulpcontacten=[HelpContact("Preventiewerker IVZ", "jongeren", "0570-123456")],
        )
    )
    handout = tmp / "h.pdf"
    write_handout(handout, factsheet_by_slug("3-mmc"), Audience.OUDERS, ctx)
    plan = tmp / "p.pdf"
    write_plan(plan, example_plan(), ctx, {i.id: i for i in catalogue()})
    for source, page, name in (
        (handout, 0, "handout-ouders.png"),
        (plan, 0, "plan-omslag.png"),
        (plan, 8, "plan-pagina.png"),
    ):
        document = pdfium.PdfDocument(str(source))
        image = document[min(page, len(document) - 1)].render(scale=1.2).to_pil()
        image.save(OUT / name)
        document.close()


if __name__ == "__main__":
    main()
