"""Printable A4 handouts of a factsheet, one per audience, and the bundle of all factsheets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from drugspreventie_app.domain.factsheet import Audience, Factsheet, format_date
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.export.handout_extras import (
    Block,
    background_blocks,
    emergency_blocks,
    national_help_lines,
)
from drugspreventie_app.export.markup import para_text
from drugspreventie_app.export.pdf_document import TOC_STYLE, PdfMeta, styles, write_pdf

EMERGENCY = "Bij een noodgeval (bewusteloos, benauwd, hoge koorts, een aanval): bel 112."

SUBTITLES = {
    Audience.PROFESSIONAL: "Factsheet voor professionals",
    Audience.OUDERS: "Informatie voor ouders en verzorgers",
    Audience.JONGEREN: "Informatie voor jongeren die gebruiken: risico's beperken",
}


@dataclass(frozen=True)
class HandoutContext:
    """Everything around the factsheet that the handout prints."""

    profile: OrganisationProfile
    logo: Path | None = None
    today: date | None = None

    @property
    def printed(self) -> date:
        return self.today or date.today()


def _bullets(items: Sequence[str], st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    return [Paragraph(para_text(item), st["bullet"], bulletText="•") for item in items]


def _heading(text: str, st: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(para_text(text), st["h1"])


def _para(text: str, st: dict[str, Any], style: str = "body") -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(para_text(text), st[style])


def _table(rows: list[list[str]], widths_mm: Sequence[float], st: dict[str, Any]) -> Any:
    """A ruled table that stays readable in black and white; first row is the header."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = [[Paragraph(para_text(cell), st["small"]) for cell in row] for row in rows]
    table = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def organisation_block(ctx: HandoutContext, st: dict[str, Any]) -> list[Any]:
    """Logo and contact details of the user's organisation, as set in Instellingen."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph

    p = ctx.profile
    out: list[Any] = []
    if ctx.logo is not None:
        try:
            img = Image(str(ctx.logo))
            scale = min(45 * mm / img.imageWidth, 18 * mm / img.imageHeight)
            img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
            img.hAlign = "LEFT"
            out.append(img)
        except Exception:  # a logo that became unreadable must not stop the handout
            out.append(_para("(logo kon niet worden gelezen)", st, "muted"))
    lines = [p.organisatie, p.afdeling, p.adres, p.telefoon, p.email, p.website]
    text = "<br/>".join(para_text(line) for line in lines if line.strip())
    if text:
        out.append(Paragraph(text, st["muted"]))
    return out


def _status_box(sheet: Factsheet, st: dict[str, Any]) -> Any:
    return _para(f"Wettelijke status: {sheet.status.short}", st, "box")


def _peildatum_line(sheet: Factsheet, ctx: HandoutContext, st: dict[str, Any]) -> list[Any]:
    out = [
        _para(
            f"Peildatum: {format_date(sheet.peildatum.isoformat())} · afgedrukt op "
            f"{ctx.printed:%d-%m-%Y}",
            st,
            "muted",
        )
    ]
    notice = sheet.outdated_notice(ctx.printed)
    if notice:
        out.append(_para(notice, st, "box"))
    return out


def _help_sections(sheet: Factsheet, ctx: HandoutContext, st: dict[str, Any]) -> list[Any]:
    out: list[Any] = [_heading("Hulp en informatie", st)]
    local = ctx.profile.hulpcontacten
    if local:
        out.append(_para("Bij u in de buurt", st, "h2"))
        out.extend(
            _bullets(
                [" – ".join(x for x in (c.naam, c.rol, c.contact) if x.strip()) for c in local],
                st,
            )
        )
    out.append(_para("Landelijk en in uw regio", st, "h2"))
    out.extend(_bullets(national_help_lines(sheet, ctx.profile), st))
    out.append(_para(EMERGENCY, st))
    return out


def _blocks(blocks: Sequence[Block], st: dict[str, Any]) -> list[Any]:
    """Draw the format-neutral blocks of handout_extras."""
    out: list[Any] = []
    for kind, content in blocks:
        if kind == "h1":
            out.append(_heading(str(content), st))
        elif kind == "bullets":
            out.extend(_bullets(list(content), st))
        else:
            out.append(_para(str(content), st, kind))
    return out


def _sources(sheet: Factsheet, st: dict[str, Any]) -> list[Any]:
    return [_para("Bronnen", st, "h2"), *[_para(b.citation(), st, "small") for b in sheet.bronnen]]


def _professional_body(sheet: Factsheet, st: dict[str, Any]) -> list[Any]:
    out: list[Any] = [_heading("Kernpunten", st), *_bullets(sheet.kernpunten, st)]
    out += [
        _heading("Wat is het?", st),
        _para(sheet.wat_is_het, st),
        _para(f"Stofgroep: {sheet.stofgroep}", st),
    ]
    if sheet.straatnamen:
        out.append(_para(f"Straatnamen: {', '.join(sheet.straatnamen)}", st))
    out += [
        _heading("Werking", st),
        _para(f"Werking: {', '.join(sheet.werking)}", st),
        _para(sheet.werking_toelichting, st),
        _heading("Gebruik in cijfers", st),
    ]
    rows = [["Groep", "Jaar", "Cijfer", "Bron"]] + [
        [c.groep, c.jaar, c.waarde, c.bron] for c in sheet.cijfers
    ]
    out.append(_table(rows, (62, 14, 48, 50), st))
    if sheet.cijfers_toelichting:
        out.append(_para(sheet.cijfers_toelichting, st, "small"))
    if sheet.markt:
        out += [_para("Markt en prijs", st, "h2"), _para(sheet.markt, st)]
    out += [_heading("Inname, dosering en werkingsduur", st), _para(sheet.inname_vormen, st)]
    route_rows = [["Manier", "Dosering", "Begint na", "Duur"]] + [
        [r.route, r.dosis or "–", r.intrede or "–", r.duur or "–"] for r in sheet.routes
    ]
    out.append(_table(route_rows, (32, 52, 40, 50), st))
    if sheet.inname_toelichting:
        out.append(_para(sheet.inname_toelichting, st))
    out += [
        _heading("Effecten", st),
        _para("Gewenste effecten", st, "h2"),
        *_bullets(sheet.effecten_gewenst, st),
        _para("Ongewenste effecten", st, "h2"),
        *_bullets(sheet.effecten_ongewenst, st),
        _heading("Risico's", st),
        _para("Korte termijn", st, "h2"),
        *_bullets(sheet.risico_kort, st),
        _para("Lange termijn", st, "h2"),
        *_bullets(sheet.risico_lang, st),
        _para("Verslaving", st, "h2"),
        _para(sheet.verslaving, st),
        _para("Gevaarlijke combinaties", st, "h2"),
        *_bullets(sheet.combinaties, st),
        _heading("Wetgeving", st),
        _para(sheet.status.samenvatting, st),
        _para(sheet.wetgeving, st),
    ]
    if sheet.status.historie:
        out.extend(
            _bullets(
                [f"{format_date(e.datum)}: {e.gebeurtenis}" for e in sheet.status.historie], st
            )
        )
    out += [
        _heading("Signalen", st),
        *_bullets(sheet.signalen, st),
        _heading("Preventie en communicatie", st),
        _para("Wel doen", st, "h2"),
        *_bullets(sheet.preventie_doen, st),
        _para("Niet doen", st, "h2"),
        *_bullets(sheet.preventie_niet_doen, st),
    ]
    if sheet.jongeren_waarschuwing:
        out += [
            _para("Voorlichting aan jongeren", st, "h2"),
            _para(sheet.jongeren_waarschuwing, st),
        ]
    return out


def _parents_body(sheet: Factsheet, st: dict[str, Any]) -> list[Any]:
    out: list[Any] = [_heading("Wat is het?", st), _para(sheet.ouders_samenvatting, st)]
    if sheet.straatnamen:
        out.append(_para(f"Andere namen die u kunt horen: {', '.join(sheet.straatnamen)}", st))
    out += [
        _heading("Wat kunt u merken?", st),
        _para(
            "Deze signalen kunnen ook andere oorzaken hebben; ze zijn geen bewijs van gebruik.",
            st,
            "muted",
        ),
        *_bullets(sheet.signalen, st),
        _heading("Het gesprek aangaan", st),
        *_bullets(sheet.ouders_gesprek, st),
        _heading("Wat zegt de wet?", st),
        _para(sheet.status.samenvatting, st),
    ]
    return out


def _youth_body(sheet: Factsheet, st: dict[str, Any]) -> list[Any]:
    return [
        _heading("Wat is het?", st),
        _para(sheet.jongeren_samenvatting, st),
        _heading("Risico's", st),
        *_bullets(sheet.risico_kort, st),
        _para("Verslaving", st, "h2"),
        _para(sheet.verslaving, st),
        _heading("Niet combineren", st),
        *_bullets(sheet.combinaties, st),
        _heading("Als je toch gebruikt: zo beperk je de risico's", st),
        *_bullets(sheet.jongeren_veiliger, st),
        _heading("Wat zegt de wet?", st),
        _para(sheet.status.samenvatting, st),
    ]


BODIES = {
    Audience.PROFESSIONAL: _professional_body,
    Audience.OUDERS: _parents_body,
    Audience.JONGEREN: _youth_body,
}


def handout_story(
    sheet: Factsheet,
    audience: Audience,
    ctx: HandoutContext,
    *,
    st: dict[str, Any] | None = None,
    title_style: str = "title",
    with_organisation: bool = True,
) -> list[Any]:
    st = st or styles()
    story: list[Any] = organisation_block(ctx, st) if with_organisation else []
    story += [
        _para(sheet.naam, st, title_style),
        _para(SUBTITLES[audience], st, "subtitle"),
        _status_box(sheet, st),
        *_peildatum_line(sheet, ctx, st),
        *BODIES[audience](sheet, st),
        *_blocks(emergency_blocks(sheet, audience), st),
        *(_blocks(background_blocks(sheet), st) if audience is Audience.PROFESSIONAL else []),
        *_help_sections(sheet, ctx, st),
        *_sources(sheet, st),
    ]
    return story


def handout_meta(sheet: Factsheet, audience: Audience, ctx: HandoutContext) -> PdfMeta:
    org = ctx.profile.organisatie.strip() or "Drugspreventie Werkbank"
    return PdfMeta(
        title=f"{sheet.naam} – {SUBTITLES[audience].lower()}",
        author=org,
        subject=f"Handout {sheet.naam} ({audience.label})",
        footer=f"{org} · {sheet.naam}",
        printed=ctx.printed,
    )


def write_handout(target: Path, sheet: Factsheet, audience: Audience, ctx: HandoutContext) -> Path:
    return write_pdf(
        target, handout_story(sheet, audience, ctx), handout_meta(sheet, audience, ctx)
    )


def write_bundle(target: Path, sheets: Sequence[Factsheet], ctx: HandoutContext) -> Path:
    """All factsheets (professional version) in one PDF with a table of contents."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak
    from reportlab.platypus.tableofcontents import TableOfContents

    st = styles()
    st["toc_title"] = ParagraphStyle(TOC_STYLE, parent=st["title"])
    toc = TableOfContents()
    toc.levelStyles = [ParagraphStyle("TocLevel0", parent=st["body"], leftIndent=6)]
    toc.dotsMinLevel = 0
    story: list[Any] = [
        *organisation_block(ctx, st),
        _para("Factsheets middelen", st, "title"),
        _para(
            f"Alle {len(sheets)} factsheets van de Drugspreventie Werkbank, voor professionals. "
            f"Afgedrukt op {ctx.printed:%d-%m-%Y}.",
            st,
            "subtitle",
        ),
        _para("Inhoud", st, "h1"),
        toc,
    ]
    for sheet in sheets:
        story.append(PageBreak())
        story.extend(
            handout_story(
                sheet,
                Audience.PROFESSIONAL,
                ctx,
                st=st,
                title_style="toc_title",
                with_organisation=False,
            )
        )
    org = ctx.profile.organisatie.strip() or "Drugspreventie Werkbank"
    meta = PdfMeta(
        title="Factsheets middelen – bundel",
        author=org,
        subject="Alle factsheets voor professionals",
        footer=f"{org} · Factsheets middelen",
        printed=ctx.printed,
    )
    return write_pdf(target, story, meta, with_toc=True)
