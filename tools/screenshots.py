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
        window.show_tab("interventies")
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
        window.show_tab("plan")
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
        _paper_pages(Path(tmp))
    print(f"Screenshots geschreven naar {OUT}")


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
