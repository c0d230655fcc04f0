"""The overview of a selection of interventions as an editable Word document, with the same
content and order as the PDF (`interventions_overview`): the filters that produced it, the
'wat werkt / niet doen' guidance that applies, and the interventions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drugspreventie_app.domain.guidance import Advice, DontDo
from drugspreventie_app.domain.intervention import (
    MIDDELEN,
    NIVEAUS,
    PIJLERS,
    SETTINGS,
    WERKVORMEN,
    Intervention,
)
from drugspreventie_app.domain.intervention_filter import Criteria
from drugspreventie_app.domain.text import labels_in_order
from drugspreventie_app.export.docx_common import (
    DocMeta,
    DocxBuilder,
    ExportReport,
    clean_tree,
    frame_table,
    organisation_block,
)
from drugspreventie_app.export.interventions_overview import (
    EMPTY_CATALOGUE,
    EMPTY_SELECTION,
    LOCAL_MARK,
    TITLE,
)

FALLBACK_AUTHOR = "Drugspreventie Werkbank"


def _dont_do_box(b: DocxBuilder, items: Sequence[DontDo]) -> None:
    """A heavy box, one row per item, so it stands out on a black-and-white print."""
    from docx.shared import Mm, Pt

    b.para("").paragraph_format.line_spacing = Mm(2.5)  # room above the box
    table = b.table(["Niet doen"], [[""] for _ in items], (174,), style=None, header_shade="E6E6E6")
    frame_table(table)
    for run in table.rows[0].cells[0].paragraphs[0].runs:
        run.font.size = Pt(12)
    for row, item in zip(table.rows[1:], items, strict=True):
        paragraph = row.cells[0].paragraphs[0]
        paragraph.add_run("✗ ").font.size = Pt(10)
        head = paragraph.add_run(b.safe(item.tekst))
        head.bold, head.font.size = True, Pt(10)
        paragraph.add_run("\n" + b.safe(item.reden)).font.size = Pt(10)


def _advice(b: DocxBuilder, advice: Advice) -> None:
    """The guidance that applies to the chosen setting (and age)."""
    setting = advice.setting
    b.heading(f"Wat werkt en wat niet: {setting.naam}" if setting else "Wat werkt en wat niet", 1)
    if setting is not None:
        if setting.wat_werkt:
            b.heading("Wat werkt", 2)
            b.bullets(setting.wat_werkt)
        if setting.wat_werkt_niet:
            b.heading("Wat werkt niet", 2)
            b.bullets(setting.wat_werkt_niet)
    if advice.media_wat_werkt:
        b.heading("Wat werkt bij communicatie en campagnes", 2)
        b.bullets(advice.media_wat_werkt)
    for band in advice.bands:
        b.heading(f"Richtlijnen {band.label}", 2)
        if band.universeel:
            b.heading("Universeel", 3)
            b.bullets(band.universeel)
        if band.selectief_geindiceerd:
            b.heading("Selectief en geïndiceerd", 3)
            b.bullets(band.selectief_geindiceerd)
    if advice.niet_doen:
        _dont_do_box(b, advice.niet_doen)
    if setting is not None and setting.reflectie.strip():
        b.heading("Om rekening mee te houden", 2)
        b.paras(setting.reflectie)
    sources = advice.sources()
    if sources:
        b.para("Bron: " + "; ".join(sources), "Toelichting")


def _intervention(b: DocxBuilder, item: Intervention, dont_do: Sequence[DontDo]) -> None:
    b.heading(f"{item.naam} {LOCAL_MARK}" if item.lokaal else item.naam, 2)
    if item.beschrijving.strip():
        b.paras(item.beschrijving)
    if item.doelgroep.strip():
        b.field("Doelgroep", item.doelgroep)
    b.field("Leeftijd", item.age_text())
    b.field("Setting", labels_in_order(item.settings, SETTINGS) or "–")
    b.field("Niveau", labels_in_order(item.niveaus, NIVEAUS) or "–")
    if item.middelen:
        b.field("Middelen", labels_in_order(item.middelen, MIDDELEN))
    if item.pijlers:
        b.field("Pijlers", labels_in_order(item.pijlers, PIJLERS))
    if item.werkvormen:
        b.field("Werkvormen", labels_in_order(item.werkvormen, WERKVORMEN))
    b.field("Erkenning", item.erkenning)
    if item.onderdeel_van and item.onderdeel_van.strip():
        b.field("Onderdeel van", item.onderdeel_van)
    if item.aanbieder and item.aanbieder.strip():
        b.field("Aanbieder", item.aanbieder)
    if item.bron.strip():
        b.field("Bron", item.bron)
    for clash in (d for d in dont_do if d.id in item.werkvormen):
        b.box(f"Let op, valt onder 'niet doen': {clash.tekst}")


def build_overview_docx(
    items: Sequence[Intervention],
    criteria: Criteria,
    advice: Advice | None,
    ctx: Any,
) -> DocxBuilder:
    report = ExportReport()
    profile = clean_tree(ctx.profile, report, "Organisatiegegevens")
    criteria = clean_tree(criteria, report, "Filters")
    advice = clean_tree(advice, report, "Richtlijnen") if advice is not None else None
    items = clean_tree(list(items), report, "Interventie")
    org = profile.organisatie.strip() or FALLBACK_AUTHOR
    meta = DocMeta(
        title=TITLE,
        author=org,
        subject=f"{len(items)} interventies met de gebruikte filters",
        footer=f"{org} · {TITLE}",
        printed=ctx.printed,
        keywords="drugspreventie; interventies",
    )
    b = DocxBuilder(meta, report)
    organisation_block(b, ctx, profile)
    b.para(TITLE, "Title")
    b.para(f"Afgedrukt op {ctx.printed:%d-%m-%Y}", "Toelichting")
    b.heading("Gebruikte filters", 1)
    b.bullets(criteria.describe())
    dont_do: tuple[DontDo, ...] = ()
    if advice is not None and not advice.empty:
        _advice(b, advice)
        dont_do = advice.niet_doen
    b.heading(f"Interventies ({len(items)})", 1)
    if not items:
        b.para(EMPTY_SELECTION if criteria.active() else EMPTY_CATALOGUE)
    for item in items:
        _intervention(b, item, dont_do)
    return b


def write_overview_docx(
    target: Path,
    items: Sequence[Intervention],
    criteria: Criteria,
    advice: Advice | None,
    ctx: Any,
) -> ExportReport:
    """Write the overview as an editable Word document; the report lists replaced characters."""
    return build_overview_docx(items, criteria, advice, ctx).save(Path(target))
