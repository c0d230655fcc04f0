"""The overview of a selection of interventions, with the filters that produced it and the
'wat werkt / niet doen' guidance that applies; one `Document`, written as PDF or Word."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

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
from drugspreventie_app.export import document as dm
from drugspreventie_app.export.handout import HandoutContext, organisation_blocks
from drugspreventie_app.export.output import write_document

TITLE = "Overzicht interventies"
EMPTY_SELECTION = (
    "Met deze filters zijn er geen interventies gevonden. Zet een of meer filters uit om "
    "weer interventies te zien."
)
EMPTY_CATALOGUE = "Er zijn geen interventies om te tonen."
LOCAL_MARK = "(eigen, lokaal)"


def _advice(doc: dm.Document, advice: Advice) -> None:
    """The guidance that applies to the chosen setting (and age)."""
    setting = advice.setting
    title = f"Wat werkt en wat niet: {setting.naam}" if setting else "Wat werkt en wat niet"
    doc.add(dm.Heading(title, 1))
    if setting is not None:
        if setting.wat_werkt:
            doc.add(dm.Heading("Wat werkt", 2))
            doc.bullets(setting.wat_werkt)
        if setting.wat_werkt_niet:
            doc.add(dm.Heading("Wat werkt niet", 2))
            doc.bullets(setting.wat_werkt_niet)
    if advice.media_wat_werkt:
        doc.add(dm.Heading("Wat werkt bij communicatie en campagnes", 2))
        doc.bullets(advice.media_wat_werkt)
    for band in advice.bands:
        doc.add(dm.Heading(f"Richtlijnen {band.label}", 2))
        if band.universeel:
            doc.add(dm.Heading("Universeel", 3))
            doc.bullets(band.universeel)
        if band.selectief_geindiceerd:
            doc.add(dm.Heading("Selectief en geïndiceerd", 3))
            doc.bullets(band.selectief_geindiceerd)
    if advice.niet_doen:
        doc.add(dm.Warnings("Niet doen", tuple((d.tekst, d.reden) for d in advice.niet_doen)))
    if setting is not None and setting.reflectie.strip():
        doc.add(dm.Heading("Om rekening mee te houden", 2))
        doc.paras(setting.reflectie)
    sources = advice.sources()
    if sources:
        doc.paras("Bron: " + "; ".join(sources), "muted")


def _intervention(doc: dm.Document, item: Intervention, dont_do: Sequence[DontDo]) -> None:
    doc.add(dm.Heading(f"{item.naam} {LOCAL_MARK}" if item.lokaal else item.naam, 2))
    doc.paras(item.beschrijving)
    fields = [
        ("Doelgroep", item.doelgroep),
        ("Leeftijd", item.age_text()),
        ("Setting", labels_in_order(item.settings, SETTINGS) or "–"),
        ("Niveau", labels_in_order(item.niveaus, NIVEAUS) or "–"),
        ("Middelen", labels_in_order(item.middelen, MIDDELEN)),
        ("Pijlers", labels_in_order(item.pijlers, PIJLERS)),
        ("Werkvormen", labels_in_order(item.werkvormen, WERKVORMEN)),
        ("Erkenning", item.erkenning),
        ("Onderdeel van", item.onderdeel_van or ""),
        ("Aanbieder", item.aanbieder or ""),
        ("Bron", item.bron),
    ]
    doc.add(*(dm.Field(label, value) for label, value in fields if value.strip()))
    for clash in (d for d in dont_do if d.id in item.werkvormen):
        doc.add(dm.Note(f"Let op, valt onder 'niet doen': {clash.tekst}"))


def overview_document(
    items: Sequence[Intervention],
    criteria: Criteria,
    advice: Advice | None,
    ctx: HandoutContext,
) -> dm.Document:
    report = dm.ExportReport()
    profile = dm.clean_tree(ctx.profile, report, "Organisatiegegevens")
    criteria = dm.clean_tree(criteria, report, "Filters")
    advice = dm.clean_tree(advice, report, "Richtlijnen") if advice is not None else None
    items = dm.clean_tree(list(items), report, "Interventie")
    org = profile.organisatie.strip() or dm.APP_NAME
    meta = dm.DocumentMeta(
        title=TITLE,
        author=org,
        subject=f"{len(items)} interventies met de gebruikte filters",
        footer=f"{org} · {TITLE}",
        printed=ctx.printed,
        keywords="drugspreventie; interventies",
    )
    doc = dm.Document(meta, report=report)
    doc.add(
        *organisation_blocks(ctx, profile),
        dm.Paragraph(TITLE, "title"),
        dm.Paragraph(f"Afgedrukt op {ctx.printed:%d-%m-%Y}", "muted"),
        dm.Heading("Gebruikte filters", 1),
    )
    doc.bullets(criteria.describe())
    dont_do: tuple[DontDo, ...] = ()
    if advice is not None and not advice.empty:
        _advice(doc, advice)
        dont_do = advice.niet_doen
    doc.add(dm.Heading(f"Interventies ({len(items)})", 1))
    if not items:
        doc.paras(EMPTY_SELECTION if criteria.active() else EMPTY_CATALOGUE)
    for number, item in enumerate(items):
        if number:
            doc.add(dm.Rule(heavy=False))
        _intervention(doc, item, dont_do)
    return doc


def write_overview(
    target: Path,
    items: Sequence[Intervention],
    criteria: Criteria,
    advice: Advice | None,
    ctx: HandoutContext,
) -> dm.ExportReport:
    """The overview as PDF (.pdf) or Word (.docx), by the suffix of `target`."""
    return write_document(target, overview_document(items, criteria, advice, ctx))
