"""A printable A4 overview of a selection of interventions, with the filters that produced it
and the 'wat werkt / niet doen' guidance that applies."""

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
from drugspreventie_app.export.handout import HandoutContext, organisation_block
from drugspreventie_app.export.markup import para_text
from drugspreventie_app.export.pdf_document import PdfMeta, styles, write_pdf

TITLE = "Overzicht interventies"
EMPTY_SELECTION = (
    "Met deze filters zijn er geen interventies gevonden. Zet een of meer filters uit om "
    "weer interventies te zien."
)
EMPTY_CATALOGUE = "Er zijn geen interventies om te tonen."
LOCAL_MARK = "(eigen, lokaal)"


def _para(text: str, st: dict[str, Any], style: str = "body") -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(para_text(text), st[style])


def _bullets(items: Sequence[str], st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    return [Paragraph(para_text(item), st["bullet"], bulletText="•") for item in items]


def _field(label: str, value: str, st: dict[str, Any]) -> Any:
    """'Label: value' with the label in bold; both are escaped."""
    from reportlab.platypus import Paragraph

    return Paragraph(f"<b>{para_text(label)}:</b> {para_text(value)}", st["field"])


def _overview_styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    st = styles()
    st["item"] = ParagraphStyle(
        "Item", parent=st["h2"], keepWithNext=1, spaceBefore=10, spaceAfter=2
    )
    st["field"] = ParagraphStyle("Field", parent=st["body"], spaceAfter=2)
    st["h3"] = ParagraphStyle(
        "H3", parent=st["body"], fontName=st["h2"].fontName, spaceBefore=4, keepWithNext=1
    )
    st["dont_head"] = ParagraphStyle(
        "DontHead", parent=st["h2"], spaceBefore=0, spaceAfter=0, fontSize=12
    )
    st["dont"] = ParagraphStyle(
        "Dont", parent=st["body"], spaceAfter=0, leftIndent=14, bulletIndent=0
    )
    st["h1_keep"] = ParagraphStyle("H1Keep", parent=st["h1"], keepWithNext=1)
    st["h2_keep"] = ParagraphStyle("H2Keep", parent=st["h2"], keepWithNext=1)
    return st


def _dont_do_box(items: Sequence[DontDo], st: dict[str, Any]) -> Any:
    """A heavy black box, one row per item, so it stands out on a black-and-white print.

    Rows are short shipped content; the table may break between rows across pages."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows: list[list[Any]] = [[Paragraph(para_text("Niet doen"), st["dont_head"])]]
    for item in items:
        rows.append(
            [
                Paragraph(
                    f"<b>{para_text(item.tekst)}</b><br/>{para_text(item.reden)}",
                    st["dont"],
                    bulletText="✗",
                )
            ]
        )
    table = Table(rows, colWidths=[174 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 2, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, 1), (-1, -2), 0.4, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 6, 8
    return table


def advice_story(advice: Advice, st: dict[str, Any]) -> list[Any]:
    """The guidance that applies to the chosen setting (and age)."""
    setting = advice.setting
    title = f"Wat werkt en wat niet: {setting.naam}" if setting else "Wat werkt en wat niet"
    out: list[Any] = [_para(title, st, "h1_keep")]
    if setting is not None:
        if setting.wat_werkt:
            out += [_para("Wat werkt", st, "h2_keep"), *_bullets(setting.wat_werkt, st)]
        if setting.wat_werkt_niet:
            out += [_para("Wat werkt niet", st, "h2_keep"), *_bullets(setting.wat_werkt_niet, st)]
    if advice.media_wat_werkt:
        out += [
            _para("Wat werkt bij communicatie en campagnes", st, "h2_keep"),
            *_bullets(advice.media_wat_werkt, st),
        ]
    for band in advice.bands:
        out.append(_para(f"Richtlijnen {band.label}", st, "h2_keep"))
        if band.universeel:
            out += [_para("Universeel", st, "h3"), *_bullets(band.universeel, st)]
        if band.selectief_geindiceerd:
            out += [
                _para("Selectief en geïndiceerd", st, "h3"),
                *_bullets(band.selectief_geindiceerd, st),
            ]
    if advice.niet_doen:
        out.append(_dont_do_box(advice.niet_doen, st))
    if setting is not None and setting.reflectie.strip():
        out += [_para("Om rekening mee te houden", st, "h2_keep"), _para(setting.reflectie, st)]
    sources = advice.sources()
    if sources:
        out.append(_para("Bron: " + "; ".join(sources), st, "muted"))
    return out


def intervention_story(
    item: Intervention, st: dict[str, Any], dont_do: Sequence[DontDo] = ()
) -> list[Any]:
    """One intervention as separate paragraphs, so a long text can run onto the next page."""
    heading = f"{item.naam} {LOCAL_MARK}" if item.lokaal else item.naam
    out: list[Any] = [_para(heading, st, "item")]
    if item.beschrijving.strip():
        out.append(_para(item.beschrijving, st))
    if item.doelgroep.strip():
        out.append(_field("Doelgroep", item.doelgroep, st))
    out.append(_field("Leeftijd", item.age_text(), st))
    out.append(_field("Setting", labels_in_order(item.settings, SETTINGS) or "–", st))
    out.append(_field("Niveau", labels_in_order(item.niveaus, NIVEAUS) or "–", st))
    if item.middelen:
        out.append(_field("Middelen", labels_in_order(item.middelen, MIDDELEN), st))
    if item.pijlers:
        out.append(_field("Pijlers", labels_in_order(item.pijlers, PIJLERS), st))
    if item.werkvormen:
        out.append(_field("Werkvormen", labels_in_order(item.werkvormen, WERKVORMEN), st))
    out.append(_field("Erkenning", item.erkenning, st))
    if item.onderdeel_van and item.onderdeel_van.strip():
        out.append(_field("Onderdeel van", item.onderdeel_van, st))
    if item.aanbieder and item.aanbieder.strip():
        out.append(_field("Aanbieder", item.aanbieder, st))
    if item.bron.strip():
        out.append(_field("Bron", item.bron, st))
    clashes = [d for d in dont_do if d.id in item.werkvormen]
    for clash in clashes:
        out.append(_para(f"Let op, valt onder 'niet doen': {clash.tekst}", st, "box"))
    return out


def overview_story(
    items: Sequence[Intervention],
    criteria: Criteria,
    advice: Advice | None,
    ctx: HandoutContext,
) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable

    st = _overview_styles()
    story: list[Any] = [
        *organisation_block(ctx, st),
        _para(TITLE, st, "title"),
        _para(f"Afgedrukt op {ctx.printed:%d-%m-%Y}", st, "muted"),
        _para("Gebruikte filters", st, "h1_keep"),
        *_bullets(criteria.describe(), st),
    ]
    dont_do: tuple[DontDo, ...] = ()
    if advice is not None and not advice.empty:
        story += advice_story(advice, st)
        dont_do = advice.niet_doen
    story.append(_para(f"Interventies ({len(items)})", st, "h1_keep"))
    if not items:
        story.append(_para(EMPTY_SELECTION if criteria.active() else EMPTY_CATALOGUE, st))
    for number, item in enumerate(items):
        if number:
            story.append(
                HRFlowable(
                    width="100%",
                    thickness=0.4,
                    color=colors.HexColor("#999999"),
                    spaceBefore=4,
                    spaceAfter=0,
                )
            )
        story += intervention_story(item, st, dont_do)
    return story


def overview_meta(items: Sequence[Intervention], ctx: HandoutContext) -> PdfMeta:
    org = ctx.profile.organisatie.strip() or "Drugspreventie Werkbank"
    return PdfMeta(
        title=TITLE,
        author=org,
        subject=f"{len(items)} interventies met de gebruikte filters",
        footer=f"{org} · {TITLE}",
        printed=ctx.printed,
    )


def write_overview(
    target: Path,
    items: Sequence[Intervention],
    criteria: Criteria,
    advice: Advice | None,
    ctx: HandoutContext,
) -> Path:
    return write_pdf(
        target, overview_story(items, criteria, advice, ctx), overview_meta(items, ctx)
    )
