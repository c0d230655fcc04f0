"""The plan cycle: opening the progress view of a plan with 12 indicators x 4 years and 30
actions (goal: under one frame, 16 ms, once the window has painted), and the progress report
PDF against a bare reportlab document of the same page count (goal: at most 3x)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import line, measure
from pdf_exports import bare_document

from drugspreventie_app.domain.plan.model import Actie, ActieStatus, Doel, Meting, Subdoel, new_plan
from drugspreventie_app.export.progress_report import ReportOptions, write_progress_report

RUNS = 30
REPORT_RUNS = 5


def big_plan():
    plan = new_plan("Benchmark", "Gemeente Voorbeeld", start=2026)
    for d in range(4):
        subs = []
        for s in range(3):
            n = d * 3 + s
            subs.append(
                Subdoel(
                    omschrijving=f"Subdoel {n + 1} met een omschrijving van redelijke lengte",
                    indicator=f"Percentage jongeren dat iets doet, indicator {n + 1} (GGD)",
                    nulmeting=f"{30 + n}% (2025)",
                    streefwaarde=f"{20 + n}%",
                    streefjaar=2029,
                    metingen=[
                        Meting(jaar=2026 + j, waarde=f"{29 + n - j * (2 + n % 3)}%", bron="GGD")
                        for j in range(4)
                    ],
                )
            )
        plan.doelen.append(Doel(omschrijving=f"Doel {d + 1}", subdoelen=subs))
    for a in range(30):
        plan.acties.append(
            Actie(
                naam=f"Actie {a + 1}",
                budget="€ 5.000 per jaar",
                voortgang=[
                    ActieStatus(jaar=2026 + j, status="loopt", bereik=100 + a, uitgegeven=4800)
                    for j in range(4)
                ],
            )
        )
    return plan


def bench_view(plan) -> None:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QPixmap, QRegion
    from PySide6.QtWidgets import QApplication, QWidget

    from drugspreventie_app.storage.database import open_database
    from drugspreventie_app.storage.plan_repository import PlanRepository
    from drugspreventie_app.ui.plan.plan_session import PlanSession
    from drugspreventie_app.ui.plan.progress_page import ProgressPage

    app = QApplication.instance() or QApplication([])
    db = open_database()
    session = PlanSession(PlanRepository(db))
    page = ProgressPage(session, lambda *args: None)
    page.resize(900, 700)
    page.show()
    session.open(plan)
    page.load(plan)
    app.processEvents()
    target = QPixmap(page.size())
    page.render(target)  # the first paint: fonts and caches warm, as in the running app
    viewport = page.overview.parentWidget()
    visible = QRect(QPoint(0, 0), viewport.size())

    def open_view() -> None:
        page.overview.set_plan(plan, 2029)
        page.overview.render(target, QPoint(), QRegion(visible))

    def open_page() -> None:
        page.load(plan)
        page.render(target)

    blank = QWidget()
    blank.resize(page.size())
    blank.show()

    def floor() -> None:
        blank.render(target)

    floor_samples = measure(floor, RUNS)
    line("Leeg venster tekenen (vloer)", floor_samples)
    line(
        "Voortgangsoverzicht openen (12 ind., 30 acties)",
        measure(open_view, RUNS),
        floor_samples,
        "doel < 16 ms",
    )

    def open_view_cold() -> None:
        page.overview.clear_chart_cache()
        open_view()

    line(
        "Idem, zonder grafiekcache (na een wijziging)", measure(open_view_cold, RUNS), floor_samples
    )
    line("Hele voortgangspagina laden en tekenen", measure(open_page, RUNS), floor_samples)
    db.close()


def bench_report(plan) -> None:
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "rapport.pdf"
        options = ReportOptions("tussenevaluatie", 2029)

        def report() -> None:
            write_progress_report(target, plan, options, today=date(2030, 3, 1))

        samples = measure(report, REPORT_RUNS)
        pages = len(PdfReader(target).pages)
        floor = measure(lambda: bare_document(pages), REPORT_RUNS)
        line(f"Kale reportlab-PDF, {pages} pagina's (vloer)", floor)
        line("Voortgangsrapportage PDF", samples, floor, "doel <= 3x vloer")
        docx = Path(tmp) / "rapport.docx"
        line(
            "Voortgangsrapportage Word",
            measure(lambda: write_progress_report(docx, plan, options), REPORT_RUNS),
            floor,
        )


def main() -> None:
    os.environ.setdefault("DRUGSPREVENTIE_DATA_DIR", tempfile.mkdtemp(prefix="bench-voortgang-"))
    plan = big_plan()
    bench_view(plan)
    bench_report(plan)


if __name__ == "__main__":
    main()
