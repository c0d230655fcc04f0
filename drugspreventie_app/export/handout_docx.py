"""The factsheet handout for professionals as an editable Word document, with the same content
and order as the PDF handout (`handout`, audience professional)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drugspreventie_app.domain.factsheet import Audience, Factsheet, format_date
from drugspreventie_app.export.docx_common import (
    DocMeta,
    DocxBuilder,
    ExportReport,
    clean_tree,
    organisation_block,
)
from drugspreventie_app.export.handout import EMERGENCY, SUBTITLES
from drugspreventie_app.export.handout_extras import (
    Block,
    background_blocks,
    emergency_blocks,
    national_help_lines,
)

FALLBACK_AUTHOR = "Drugspreventie Werkbank"
AUDIENCE = Audience.PROFESSIONAL


def _peildatum(b: DocxBuilder, sheet: Factsheet, ctx: Any) -> None:
    b.para(
        f"Peildatum: {format_date(sheet.peildatum.isoformat())} · afgedrukt op "
        f"{ctx.printed:%d-%m-%Y}",
        "Toelichting",
    )
    notice = sheet.outdated_notice(ctx.printed)
    if notice:
        b.box(notice)


def _body(b: DocxBuilder, sheet: Factsheet) -> None:
    b.heading("Kernpunten", 1)
    b.bullets(sheet.kernpunten)
    b.heading("Wat is het?", 1)
    b.paras(sheet.wat_is_het)
    b.para(f"Stofgroep: {sheet.stofgroep}")
    if sheet.straatnamen:
        b.para(f"Straatnamen: {', '.join(sheet.straatnamen)}")
    b.heading("Werking", 1)
    b.para(f"Werking: {', '.join(sheet.werking)}")
    b.paras(sheet.werking_toelichting)
    b.heading("Gebruik in cijfers", 1)
    b.table(
        ["Groep", "Jaar", "Cijfer", "Bron"],
        [[c.groep, c.jaar, c.waarde, c.bron] for c in sheet.cijfers],
        (62, 14, 48, 50),
    )
    if sheet.cijfers_toelichting:
        b.paras(sheet.cijfers_toelichting, "Toelichting")
    if sheet.markt:
        b.heading("Markt en prijs", 2)
        b.paras(sheet.markt)
    b.heading("Inname, dosering en werkingsduur", 1)
    b.paras(sheet.inname_vormen)
    b.table(
        ["Manier", "Dosering", "Begint na", "Duur"],
        [[r.route, r.dosis or "–", r.intrede or "–", r.duur or "–"] for r in sheet.routes],
        (32, 52, 40, 50),
    )
    if sheet.inname_toelichting:
        b.paras(sheet.inname_toelichting)
    b.heading("Effecten", 1)
    b.heading("Gewenste effecten", 2)
    b.bullets(sheet.effecten_gewenst)
    b.heading("Ongewenste effecten", 2)
    b.bullets(sheet.effecten_ongewenst)
    b.heading("Risico's", 1)
    b.heading("Korte termijn", 2)
    b.bullets(sheet.risico_kort)
    b.heading("Lange termijn", 2)
    b.bullets(sheet.risico_lang)
    b.heading("Verslaving", 2)
    b.paras(sheet.verslaving)
    b.heading("Gevaarlijke combinaties", 2)
    b.bullets(sheet.combinaties)
    b.heading("Wetgeving", 1)
    b.paras(sheet.status.samenvatting)
    b.paras(sheet.wetgeving)
    if sheet.status.historie:
        b.bullets(f"{format_date(e.datum)}: {e.gebeurtenis}" for e in sheet.status.historie)
    b.heading("Signalen", 1)
    b.bullets(sheet.signalen)
    b.heading("Preventie en communicatie", 1)
    b.heading("Wel doen", 2)
    b.bullets(sheet.preventie_doen)
    b.heading("Niet doen", 2)
    b.bullets(sheet.preventie_niet_doen)
    if sheet.jongeren_waarschuwing:
        b.heading("Voorlichting aan jongeren", 2)
        b.paras(sheet.jongeren_waarschuwing)


def _help(b: DocxBuilder, sheet: Factsheet, profile: Any) -> None:
    b.heading("Hulp en informatie", 1)
    if profile.hulpcontacten:
        b.heading("Bij u in de buurt", 2)
        b.bullets(
            " – ".join(x for x in (c.naam, c.rol, c.contact) if x.strip())
            for c in profile.hulpcontacten
        )
    b.heading("Landelijk en in uw regio", 2)
    b.bullets(national_help_lines(sheet, profile))
    b.para(EMERGENCY)


def _blocks(b: DocxBuilder, blocks: list[Block]) -> None:
    """Draw the format-neutral blocks of handout_extras, as the PDF handout does."""
    for kind, content in blocks:
        if kind == "h1":
            b.heading(str(content), 1)
        elif kind == "h2":
            b.heading(str(content), 2)
        elif kind == "bullets":
            b.bullets(list(content))
        else:
            b.paras(str(content), "Toelichting")


def build_handout_docx(sheet: Factsheet, ctx: Any) -> DocxBuilder:
    report = ExportReport()
    profile = clean_tree(ctx.profile, report, "Organisatiegegevens")
    sheet = clean_tree(sheet, report, "Factsheet")
    org = profile.organisatie.strip() or FALLBACK_AUTHOR
    meta = DocMeta(
        title=f"{sheet.naam} – {SUBTITLES[AUDIENCE].lower()}",
        author=org,
        subject=f"Handout {sheet.naam} ({AUDIENCE.label})",
        footer=f"{org} · {sheet.naam}",
        printed=ctx.printed,
        keywords=f"drugspreventie; factsheet; {sheet.naam}",
    )
    b = DocxBuilder(meta, report)
    organisation_block(b, ctx, profile)
    b.para(sheet.naam, "Title")
    b.para(SUBTITLES[AUDIENCE], "Subtitle")
    b.box(f"Wettelijke status: {sheet.status.short}")
    _peildatum(b, sheet, ctx)
    _body(b, sheet)
    _blocks(b, emergency_blocks(sheet, AUDIENCE))
    _blocks(b, background_blocks(sheet))
    _help(b, sheet, profile)
    b.heading("Bronnen", 2)
    for source in sheet.bronnen:
        b.para(source.citation(), "Toelichting")
    return b


def write_handout_docx(target: Path, sheet: Factsheet, ctx: Any) -> ExportReport:
    """Write the professional handout as an editable Word document."""
    return build_handout_docx(sheet, ctx).save(Path(target))
