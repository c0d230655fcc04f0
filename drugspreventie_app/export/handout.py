"""Handouts of a factsheet, one per audience, and the bundle of all factsheets: each described
once as a `Document` and written as PDF or Word by the file's suffix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from drugspreventie_app.domain.factsheet import Audience, Factsheet, format_date
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.export import document as dm
from drugspreventie_app.export.handout_extras import (
    Block,
    background_blocks,
    emergency_blocks,
    national_help_lines,
)
from drugspreventie_app.export.output import write_document

EMERGENCY = "Bij een noodgeval (bewusteloos, benauwd, hoge koorts, een aanval): bel 112."
FALLBACK_AUTHOR = dm.APP_NAME

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


def organisation_blocks(ctx: HandoutContext, profile: OrganisationProfile) -> list[object]:
    """Logo and contact details of the user's organisation, as set in Instellingen."""
    out: list[object] = []
    if ctx.logo is not None:
        name = profile.organisatie.strip()
        out.append(dm.Figure("logo", f"Logo van {name}" if name else "Logo", source=ctx.logo))
    lines = [profile.organisatie, profile.afdeling, profile.adres, profile.telefoon]
    lines += [profile.email, profile.website]
    text = "\n".join(line.strip() for line in lines if line.strip())
    if text:
        out.append(dm.Paragraph(text, "muted"))
    return out


class _Sheet:
    """Writes one factsheet's sections into a document, headings from `level` down."""

    def __init__(self, doc: dm.Document, sheet: Factsheet, level: int) -> None:
        self.doc, self.sheet, self.level = doc, sheet, level

    def h(self, text: str) -> None:
        self.doc.add(dm.Heading(text, self.level))

    def sub(self, text: str) -> None:
        self.doc.add(dm.Heading(text, self.level + 1))

    def professional(self) -> None:
        s, d = self.sheet, self.doc
        self.h("Kernpunten")
        d.bullets(s.kernpunten)
        self.h("Wat is het?")
        d.paras(s.wat_is_het)
        d.paras(f"Stofgroep: {s.stofgroep}")
        if s.straatnamen:
            d.paras(f"Straatnamen: {', '.join(s.straatnamen)}")
        self.h("Werking")
        d.paras(f"Werking: {', '.join(s.werking)}")
        d.paras(s.werking_toelichting)
        self.h("Gebruik in cijfers")
        d.table(
            ["Groep", "Jaar", "Cijfer", "Bron"],
            [[c.groep, c.jaar, c.waarde, c.bron] for c in s.cijfers],
            (58, 19, 47, 50),
        )
        if s.cijfers_toelichting:
            d.paras(s.cijfers_toelichting, "small")
        if s.markt:
            self.sub("Markt en prijs")
            d.paras(s.markt)
        self.h("Inname, dosering en werkingsduur")
        d.paras(s.inname_vormen)
        d.table(
            ["Manier", "Dosering", "Begint na", "Duur"],
            [
                [r.route, r.dosis or dm.EMPTY_CELL, r.intrede or dm.EMPTY_CELL, r.duur or "–"]
                for r in s.routes
            ],
            (32, 52, 40, 50),
            when_empty=(
                f"Manier van gebruik: {', '.join(r.route for r in s.routes) or 'onbekend'}. "
                "De bronnen geven geen cijfers over dosering, begin en duur van de werking."
            ),
            informative_from=1,
        )
        if s.inname_toelichting:
            d.paras(s.inname_toelichting)
        self.h("Effecten")
        self.sub("Gewenste effecten")
        d.bullets(s.effecten_gewenst)
        self.sub("Ongewenste effecten")
        d.bullets(s.effecten_ongewenst)
        self.h("Risico's")
        self.sub("Korte termijn")
        d.bullets(s.risico_kort)
        self.sub("Lange termijn")
        d.bullets(s.risico_lang)
        self.sub("Verslaving")
        d.paras(s.verslaving)
        self.sub("Gevaarlijke combinaties")
        d.bullets(s.combinaties)
        self.h("Wetgeving")
        d.paras(s.status.samenvatting)
        d.paras(s.wetgeving)
        d.bullets(f"{format_date(e.datum)}: {e.gebeurtenis}" for e in s.status.historie)
        self.h("Signalen")
        d.bullets(s.signalen)
        self.h("Preventie en communicatie")
        self.sub("Wel doen")
        d.bullets(s.preventie_doen)
        self.sub("Niet doen")
        d.bullets(s.preventie_niet_doen)
        if s.jongeren_waarschuwing:
            self.sub("Voorlichting aan jongeren")
            d.paras(s.jongeren_waarschuwing)

    def parents(self) -> None:
        s, d = self.sheet, self.doc
        self.h("Wat is het?")
        d.paras(s.ouders_samenvatting)
        if s.straatnamen:
            d.paras(f"Andere namen die u kunt horen: {', '.join(s.straatnamen)}")
        self.h("Wat kunt u merken?")
        d.paras(
            "Deze signalen kunnen ook andere oorzaken hebben; ze zijn geen bewijs van gebruik.",
            "muted",
        )
        d.bullets(s.signalen)
        self.h("Het gesprek aangaan")
        d.bullets(s.ouders_gesprek)
        self.h("Wat zegt de wet?")
        d.paras(s.status.samenvatting)

    def youth(self) -> None:
        s, d = self.sheet, self.doc
        self.h("Wat is het?")
        d.paras(s.jongeren_samenvatting)
        self.h("Risico's")
        d.bullets(s.risico_kort)
        self.sub("Verslaving")
        d.paras(s.verslaving)
        self.h("Niet combineren")
        d.bullets(s.combinaties)
        self.h("Als je toch gebruikt: zo beperk je de risico's")
        d.bullets(s.jongeren_veiliger)
        self.h("Wat zegt de wet?")
        d.paras(s.status.samenvatting)

    def help(self, profile: OrganisationProfile) -> None:
        s, d = self.sheet, self.doc
        self.h("Hulp en informatie")
        if profile.hulpcontacten:
            self.sub("Bij u in de buurt")
            d.bullets(
                " – ".join(x for x in (c.naam, c.rol, c.contact) if x.strip())
                for c in profile.hulpcontacten
            )
        self.sub("Landelijk en in uw regio")
        d.bullets(national_help_lines(s, profile))
        d.paras(EMERGENCY)

    def extras(self, blocks: Sequence[Block]) -> None:
        """The emergency section and background of `handout_extras`, at this sheet's
        heading levels."""
        for kind, content in blocks:
            if kind == "h1":
                self.h(str(content))
            elif kind == "h2":
                self.sub(str(content))
            elif kind == "bullets":
                self.doc.bullets(list(content))
            else:
                self.doc.paras(str(content), "small")

    def sources(self) -> None:
        self.sub("Bronnen")
        for source in self.sheet.bronnen:
            self.doc.paras(source.citation(), "small")


def _sheet_blocks(
    doc: dm.Document,
    sheet: Factsheet,
    audience: Audience,
    ctx: HandoutContext,
    profile: OrganisationProfile,
    *,
    in_bundle: bool,
) -> None:
    level = 2 if in_bundle else 1
    if in_bundle:
        doc.add(dm.Heading(sheet.naam, 1, contents=True, page_break=True, style="title"))
    else:
        doc.add(dm.Paragraph(sheet.naam, "title"))
    doc.add(
        dm.Paragraph(SUBTITLES[audience], "subtitle"),
        dm.Note(f"Wettelijke status: {sheet.status.short}"),
        dm.Paragraph(
            f"Peildatum: {format_date(sheet.peildatum.isoformat())} · afgedrukt op "
            f"{ctx.printed:%d-%m-%Y}",
            "muted",
        ),
    )
    notice = sheet.outdated_notice(ctx.printed)
    if notice:
        doc.add(dm.Note(notice))
    part = _Sheet(doc, sheet, level)
    {
        Audience.PROFESSIONAL: part.professional,
        Audience.OUDERS: part.parents,
        Audience.JONGEREN: part.youth,
    }[audience]()
    part.extras(emergency_blocks(sheet, audience))
    if audience is Audience.PROFESSIONAL:
        part.extras(background_blocks(sheet))
    part.help(profile)
    part.sources()


def _organisation_name(profile: OrganisationProfile) -> str:
    return profile.organisatie.strip() or FALLBACK_AUTHOR


def handout_document(sheet: Factsheet, audience: Audience, ctx: HandoutContext) -> dm.Document:
    """The handout of `sheet` for `audience`."""
    report = dm.ExportReport()
    profile = dm.clean_tree(ctx.profile, report, "Organisatiegegevens")
    sheet = dm.clean_tree(sheet, report, "Factsheet")
    org = _organisation_name(profile)
    meta = dm.DocumentMeta(
        title=f"{sheet.naam} – {SUBTITLES[audience].lower()}",
        author=org,
        subject=f"Handout {sheet.naam} ({audience.label})",
        footer=f"{org} · {sheet.naam}",
        printed=ctx.printed,
        keywords=f"drugspreventie; factsheet; {sheet.naam}",
    )
    doc = dm.Document(meta, report=report)
    doc.add(*organisation_blocks(ctx, profile))
    _sheet_blocks(doc, sheet, audience, ctx, profile, in_bundle=False)
    return doc


def bundle_document(sheets: Sequence[Factsheet], ctx: HandoutContext) -> dm.Document:
    """All factsheets (professional version) with a table of contents."""
    report = dm.ExportReport()
    profile = dm.clean_tree(ctx.profile, report, "Organisatiegegevens")
    org = _organisation_name(profile)
    meta = dm.DocumentMeta(
        title="Factsheets middelen – bundel",
        author=org,
        subject="Alle factsheets voor professionals",
        footer=f"{org} · Factsheets middelen",
        printed=ctx.printed,
        keywords="drugspreventie; factsheets",
    )
    doc = dm.Document(meta, report=report)
    doc.add(
        *organisation_blocks(ctx, profile),
        dm.Paragraph("Factsheets middelen", "title"),
        dm.Paragraph(
            f"Alle {len(sheets)} factsheets van de Drugspreventie Werkbank, voor professionals. "
            f"Afgedrukt op {ctx.printed:%d-%m-%Y}.",
            "subtitle",
        ),
        dm.Contents("Inhoud", levels=1),
    )
    for n, sheet in enumerate(sheets, 1):
        clean = dm.clean_tree(sheet, report, f"Factsheet {n}")
        _sheet_blocks(doc, clean, Audience.PROFESSIONAL, ctx, profile, in_bundle=True)
    return doc


def write_handout(
    target: Path,
    sheet: Factsheet,
    audience: Audience,
    ctx: HandoutContext,
    fmt: str | None = None,
) -> dm.ExportReport:
    """The handout as PDF or Word: `fmt` (".pdf", ".docx") or else the suffix of `target`."""
    return write_document(target, handout_document(sheet, audience, ctx), fmt)


def write_bundle(
    target: Path, sheets: Sequence[Factsheet], ctx: HandoutContext, fmt: str | None = None
) -> dm.ExportReport:
    return write_document(target, bundle_document(sheets, ctx), fmt)
