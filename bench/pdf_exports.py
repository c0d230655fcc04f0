"""PDF export times: a parents' handout against a bare reportlab document with the same
number of pages, the 18-factsheet bundle, and the example plan's PDF."""

from __future__ import annotations

import io
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import line, measure

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.content.factsheets import all_factsheets, factsheet_by_slug
from drugspreventie_app.content.interventions import catalogue
from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile
from drugspreventie_app.export.handout import HandoutContext, write_bundle, write_handout
from drugspreventie_app.export.plan_document import write_plan

RUNS = 7


def bare_document(pages: int) -> bytes:
    """The floor: reportlab with its built-in font, plain paragraphs, `pages` pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    story = []
    for n in range(pages):
        story += [Paragraph(f"Alinea {n}.{i} met wat gewone tekst erin.", style) for i in range(40)]
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story[:-1])
    return buffer.getvalue()


def main() -> None:
    from pypdf import PdfReader

    ctx = HandoutContext(
        OrganisationProfile(
            organisatie="GGD Voorbeeldregio",
            hulpcontacten=[HelpContact("Preventiewerker", "jongeren", "0570-123456")],
        ),
        today=date(2026, 11, 22),
    )
    sheet = factsheet_by_slug("3-mmc")
    sheets = sorted(all_factsheets(), key=lambda s: s.naam.casefold())
    plan = example_plan()
    interventions = {i.id: i for i in catalogue()}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        handout = out / "ouders.pdf"
        write_handout(handout, sheet, Audience.OUDERS, ctx)
        pages = len(PdfReader(handout).pages)
        floor = measure(lambda: bare_document(pages), RUNS)
        ours = measure(lambda: write_handout(handout, sheet, Audience.OUDERS, ctx), RUNS)
        line(f"PDF: kale reportlab, {pages} pagina's (vloer)", floor)
        line(f"PDF: handout ouders 3-MMC, {pages} pagina's", ours, floor, "doel: verhouding <= 3")
        bundle = measure(lambda: write_bundle(out / "bundel.pdf", sheets, ctx), 3)
        bundle_pages = len(PdfReader(out / "bundel.pdf").pages)
        bundle_floor = measure(lambda: bare_document(bundle_pages), 3)
        line(f"PDF: kale reportlab, {bundle_pages} pagina's (vloer)", bundle_floor)
        line(f"PDF: bundel 18 factsheets, {bundle_pages} pagina's", bundle, bundle_floor)
        plan_runs = measure(lambda: write_plan(out / "plan.pdf", plan, ctx, interventions), 3)
        plan_pages = len(PdfReader(out / "plan.pdf").pages)
        plan_floor = measure(lambda: bare_document(plan_pages), 3)
        line(f"PDF: kale reportlab, {plan_pages} pagina's (vloer)", plan_floor)
        line(f"PDF: voorbeeldplan, {plan_pages} pagina's", plan_runs, plan_floor)


if __name__ == "__main__":
    main()
