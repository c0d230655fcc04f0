"""The Preventie- en Handhavingsplan as an editable Word document, with the same content and
order as the PDF (`plan_pdf`): cover page, table of contents (a real Word TOC field), the
eight numbered chapters with real Word tables, the coverage of the actions as a picture, the
chosen interventions (Bijlage A) and, when given, the outcome of the plan check (Bijlage B).

Unlike the PDF, table cells hold their full text: Word lets a row run over pages, and a text
that appears twice would have to be edited twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from drugspreventie_app.domain.intervention import (
    NIVEAUS,
    SETTINGS,
    Intervention,
)
from drugspreventie_app.domain.plan.coverage import plan_coverage
from drugspreventie_app.domain.plan.model import Actie, Plan
from drugspreventie_app.domain.plan.options import (
    AANLEIDINGEN,
    DOMEINEN,
    HANDHAVING_MAATREGELEN,
    MODELLEN,
    PRIORITEITEN,
    REIKWIJDTE,
)
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID
from drugspreventie_app.export import plan_text
from drugspreventie_app.export.docx_common import (
    Cell,
    DocMeta,
    DocxBuilder,
    ExportReport,
    clean_tree,
    one_line,
    organisation_block,
)

DOCUMENT_KIND = "Preventie- en Handhavingsplan"
FALLBACK_AUTHOR = "Drugspreventie Werkbank"
EMPTY = "(nog niet ingevuld)"
CONTENTS = "Inhoud"
COVERAGE_TITLE = "Dekking van de acties"
APPENDIX_INTERVENTIONS = "Bijlage A: Gekozen interventies"
APPENDIX_CHECK = "Bijlage B: Plancheck"
SEVERITIES = (("fout", "Fouten"), ("waarschuwing", "Waarschuwingen"), ("tip", "Tips"))
TOC_LEVELS = "1-2"  # chapters and numbered sections; actions and appendix items stay out
FOOTER_CHARS = 52
COVERAGE_WIDTH_MM = 170


# --- small helpers -------------------------------------------------------------------------


def _filled(text: Any) -> bool:
    return bool(str(text or "").strip())


# --- cover and contents --------------------------------------------------------------------


def _cover_styles(b: DocxBuilder) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt, RGBColor

    styles = b.doc.styles
    kicker = styles.add_style("Omslag soort", WD_STYLE_TYPE.PARAGRAPH)
    kicker.base_style = styles["Normal"]
    kicker.font.bold = True
    kicker.font.size = Pt(14)
    kicker.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    kicker.paragraph_format.space_before = Mm(38)
    fact = styles.add_style("Omslag gegeven", WD_STYLE_TYPE.PARAGRAPH)
    fact.base_style = styles["Normal"]
    fact.paragraph_format.left_indent = Mm(40)
    fact.paragraph_format.first_line_indent = Mm(-40)
    fact.paragraph_format.tab_stops.add_tab_stop(Mm(40), WD_TAB_ALIGNMENT.LEFT)
    fact.paragraph_format.space_after = Pt(5)


def _cover(b: DocxBuilder, plan: Plan, ctx: Any, profile: Any) -> None:
    from docx.shared import Mm

    _cover_styles(b)
    organisation_block(b, ctx, profile)
    titel = plan.titel.strip()
    kicker = b.para(
        DOCUMENT_KIND if "handhavingsplan" not in titel.casefold() else "", "Omslag soort"
    )
    if not kicker.text:
        kicker.paragraph_format.space_after = Mm(0)
    if titel:
        b.paras(plan.titel, "Title")
    subtitle = " · ".join(x for x in (plan.gemeente.strip(), plan.periode_text()) if x)
    b.para(subtitle, "Subtitle")
    b.rule(10)
    facts = [
        ("Gemeente", plan.gemeente),
        ("Periode", plan.periode_text()),
        ("Reikwijdte", plan_text.label(REIKWIJDTE, plan.reikwijdte)),
        ("Status", plan_text.status_text(plan)),
        ("Datum", f"{ctx.printed:%d-%m-%Y}"),
        ("Auteur", plan.auteur),
        ("Organisatie", profile.organisatie),
    ]
    for label, value in facts:
        paragraph = b.doc.add_paragraph(style="Omslag gegeven")
        paragraph.add_run(f"{label}\t").bold = True
        paragraph.add_run(b.safe(value.strip("\n") if value.strip() else "–"))
    b.page_break()


# --- the chapters --------------------------------------------------------------------------


def _chapter(b: DocxBuilder, section_id: str) -> None:
    section = SECTION_BY_ID[section_id]
    b.heading(f"{section.number} {section.title}", 1)


def _inleiding(b: DocxBuilder, plan: Plan) -> None:
    inl = plan.inleiding
    _chapter(b, "inleiding")
    b.heading("1.1 Aanleiding", 2)
    reasons = []
    for key in inl.aanleiding:
        if key == "anders" and _filled(inl.aanleiding_anders):
            reasons.append(f"Anders: {inl.aanleiding_anders}")
        else:
            reasons.append(plan_text.label(AANLEIDINGEN, key))
    b.bullets(reasons)
    if _filled(inl.aanleiding_toelichting) or not reasons:
        b.paras(inl.aanleiding_toelichting, empty=EMPTY)
    b.heading("1.2 Kaders", 2)
    for title, items in (("Landelijke wetten", inl.wetten), ("Lokale kaders", inl.lokale_kaders)):
        b.heading(title, 3)
        chosen = [k for k in items if k.van_toepassing]
        if not chosen:
            b.para(EMPTY, "Niet ingevuld")
        for item in chosen:
            b.field(item.naam, item.toelichting or "van toepassing")
    b.heading("1.3 Definities", 2)
    b.paras(inl.definities, empty=EMPTY)


def _beleidsfocus(b: DocxBuilder, plan: Plan) -> None:
    bf = plan.beleidsfocus
    _chapter(b, "beleidsfocus")
    b.heading("2.1 Visie", 2)
    b.paras(bf.visie, empty=EMPTY)
    b.heading("2.2 Missie", 2)
    b.paras(bf.missie, empty=EMPTY)
    b.heading("2.3 Model", 2)
    if bf.model == "anders":
        b.paras(f"Ander model: {bf.model_anders}" if _filled(bf.model_anders) else "", empty=EMPTY)
    elif bf.model:
        b.paras(plan_text.label(MODELLEN, bf.model), empty=EMPTY)
    else:
        b.para(EMPTY, "Niet ingevuld")
    b.heading("2.4 Speerpunten", 2)
    b.bullets(bf.speerpunten, empty=EMPTY)


def _lokale_situatie(b: DocxBuilder, plan: Plan) -> None:
    ls = plan.lokale_situatie
    _chapter(b, "lokale_situatie")
    b.heading("3.1 Cijfers", 2)
    if ls.cijfers:
        rows = [[c.indicator, c.doelgroep, c.waarde, c.jaar, c.bron] for c in ls.cijfers]
        b.table(["Indicator", "Doelgroep", "Waarde", "Jaar", "Bron"], rows, (50, 35, 27, 14, 48))
    else:
        b.para(EMPTY, "Niet ingevuld")
    b.heading("3.2 Bevindingen van professionals", 2)
    b.paras(ls.bevindingen, empty=EMPTY)
    b.heading("3.3 Duiding", 2)
    b.paras(ls.duiding, empty=EMPTY)
    b.heading("3.4 Doelgroepen", 2)
    b.bullets(ls.doelgroepen)
    if _filled(ls.doelgroepen_toelichting) or not ls.doelgroepen:
        b.paras(ls.doelgroepen_toelichting, empty=EMPTY)
    b.heading("3.5 Stakeholders", 2)
    if ls.stakeholders:
        rows = []
        for s in ls.stakeholders:
            name = s.organisatie
            if s.verslavingspreventie:
                name = f"{name}\n(verslavingspreventie)"
            rows.append([name, plan_text.label(DOMEINEN, s.domein), s.huidige_rol, s.gewenste_rol])
        b.table(["Organisatie", "Domein", "Huidige rol", "Gewenste rol"], rows, (43, 27, 52, 52))
    else:
        b.para(EMPTY, "Niet ingevuld")


def _doelen(b: DocxBuilder, plan: Plan) -> None:
    _chapter(b, "doelen")
    b.heading("4.1 Doelen en subdoelen", 2)
    if not plan.doelen:
        b.para(EMPTY, "Niet ingevuld")
    else:
        rows: list[list[str | Cell]] = []
        for d, doel in enumerate(plan.doelen, 1):
            rows.append(
                [
                    Cell(
                        f"Doel {d}. {doel.omschrijving.strip() or EMPTY}",
                        bold=True,
                        span=5,
                        shade="F2F2F2",
                    ),
                    Cell(plan_text.label(PRIORITEITEN, doel.prioriteit), bold=True, shade="F2F2F2"),
                ]
            )
            if not doel.subdoelen:
                rows.append([Cell("(nog geen subdoelen)", indent=True), "", "", "", "", ""])
            for s, sub in enumerate(doel.subdoelen, 1):
                rows.append(
                    [
                        Cell(f"{d}.{s} {sub.omschrijving.strip()}", indent=True),
                        sub.indicator,
                        sub.nulmeting,
                        sub.streefwaarde,
                        "" if sub.streefjaar is None else str(sub.streefjaar),
                        "",
                    ]
                )
        b.table(
            ["Doel / subdoel", "Indicator", "Nulmeting", "Streefwaarde", "Jaar", "Prioriteit"],
            rows,
            (58, 34, 24, 25, 13, 20),
        )
    b.heading("4.2 Prioriteiten", 2)
    by_priority = [
        (label, [f"Doel {d}" for d, doel in enumerate(plan.doelen, 1) if doel.prioriteit == key])
        for key, label in PRIORITEITEN.items()
    ]
    b.bullets(
        [f"{label}: {', '.join(doelen)}" for label, doelen in by_priority if doelen], empty=EMPTY
    )


def coverage_counts(plan: Plan) -> dict[tuple[str, str], int]:
    return {cell: len(names) for cell, names in plan_coverage(plan).items()}


def _coverage_alt_text(counts: Mapping[tuple[str, str], int]) -> str:
    filled = [
        f"{SETTINGS[s]}, {NIVEAUS[n].lower()}: {count}" for (s, n), count in counts.items() if count
    ]
    head = "Tabel van het aantal acties per setting en preventieniveau. "
    if not filled:
        return head + "Het plan heeft nog geen acties met een setting en niveau."
    return head + "Vakken met acties: " + "; ".join(filled) + ". Alle andere vakken: 0."


def _coverage(b: DocxBuilder, plan: Plan) -> None:
    from drugspreventie_app.export.coverage_image import coverage_png

    counts = coverage_counts(plan)
    intro = b.para(
        "Aantal acties per setting en preventieniveau. Een gearceerd vak met 0 is een setting "
        "en niveau waar het plan nog geen actie heeft: bespreek in de werkgroep of dat zo "
        "bedoeld is."
    )
    intro.paragraph_format.keep_with_next = True  # heading, text and picture on one page
    b.picture(coverage_png(counts), COVERAGE_WIDTH_MM, _coverage_alt_text(counts))
    loose = [
        plan_text.action_name(a)
        for a in plan.acties
        if a.setting not in SETTINGS or a.niveau not in NIVEAUS
    ]
    if loose:
        b.para(
            f"Niet in de tabel, omdat setting of niveau ontbreekt: {'; '.join(loose)}.",
            "Toelichting",
        )


def _action_details(
    b: DocxBuilder,
    actie: Actie,
    number: int,
    plan: Plan,
    interventions: Mapping[str, Intervention],
    numbers: Mapping[str, str],
) -> None:
    b.heading(f"Actie {number}. {actie.naam.strip() or '(zonder naam)'}", 3)
    if _filled(actie.beschrijving):
        b.paras(actie.beschrijving)
    item = interventions.get(actie.interventie_id or "")
    if item is not None:
        b.field("Interventie", f"{item.naam} ({item.erkenning}); zie bijlage A")
    elif actie.interventie_id:
        b.field("Interventie", "niet meer beschikbaar in de Werkbank")
    else:
        b.field("Interventie", "eigen maatregel, geen interventie uit de catalogus")
    fields = plan_text.action_fields(actie, plan, numbers)
    for label, value in fields:
        if _filled(value):
            b.field(label, value)


def _acties(b: DocxBuilder, plan: Plan, interventions: Mapping[str, Intervention]) -> None:
    numbers = plan_text.subdoel_numbers(plan)
    _chapter(b, "acties")
    b.heading("5.1 Overzicht van de acties", 2)
    if plan.acties:
        rows = []
        for actie in plan.acties:
            rows.append(
                [
                    actie.naam,
                    " · ".join(
                        x for x in (actie.niveau, plan_text.label(SETTINGS, actie.setting)) if x
                    ),
                    actie.doelgroep,
                    actie.uitvoerder,
                    "\n".join(x for x in (plan_text.planning(actie), actie.budget.strip()) if x),
                    "\n".join(plan_text.served_subdoelen(actie, plan, numbers)),
                ]
            )
        b.table(
            [
                "Actie",
                "Niveau en setting",
                "Doelgroep",
                "Uitvoerder",
                "Planning en budget",
                "Dient subdoelen",
            ],
            rows,
            (30, 26, 28, 30, 25, 35),
        )
        b.para(
            "Niveaus: " + ", ".join(f"{k} = {v.lower()}" for k, v in NIVEAUS.items()) + ".",
            "Toelichting",
        )
    else:
        b.para(EMPTY, "Niet ingevuld")
    b.heading(f"5.2 {COVERAGE_TITLE}", 2)
    _coverage(b, plan)
    b.heading("5.3 Beschrijving per actie", 2)
    if not plan.acties:
        b.para(EMPTY, "Niet ingevuld")
    for number, actie in enumerate(plan.acties, 1):
        _action_details(b, actie, number, plan, interventions, numbers)


def _handhaving(b: DocxBuilder, plan: Plan) -> None:
    _chapter(b, "handhaving")
    b.heading("6.1 Maatregelen en toezicht", 2)
    if not plan.handhaving:
        b.para(EMPTY, "Niet ingevuld")
        return
    rows = [
        [
            plan_text.label(HANDHAVING_MAATREGELEN, m.maatregel),
            m.omschrijving,
            m.instrument,
            m.verantwoordelijke,
            m.frequentie,
        ]
        for m in plan.handhaving
    ]
    b.table(
        ["Maatregel", "Omschrijving", "Instrument", "Verantwoordelijke", "Frequentie"],
        rows,
        (28, 48, 33, 34, 31),
    )


def _evaluatie(b: DocxBuilder, plan: Plan) -> None:
    ev = plan.evaluatie
    _chapter(b, "evaluatie")
    b.heading("7.1 Evaluatiemomenten", 2)
    moments = [
        ("Jaarlijkse monitoring", ev.jaarlijks),
        ("Tussentijdse evaluatie", ev.tussentijds),
        ("Eindevaluatie", ev.eindevaluatie),
    ]
    if any(_filled(text) for _, text in moments):
        rows = [[label, text.strip() or EMPTY] for label, text in moments]
        b.table(["Moment", "Hoe en wanneer"], rows, (44, 130))
    else:
        b.para(EMPTY, "Niet ingevuld")
    b.heading("7.2 Indicatoren", 2)
    b.bullets(ev.indicatoren, empty=EMPTY)
    b.heading("7.3 Sleutelfiguren", 2)
    b.bullets(ev.sleutelfiguren, empty=EMPTY)


def _communicatie(b: DocxBuilder, plan: Plan) -> None:
    com = plan.communicatie
    _chapter(b, "communicatie")
    b.heading("8.1 Doelen", 2)
    b.paras(com.doelen, empty=EMPTY)
    b.heading("8.2 Doelgroepen", 2)
    b.paras(com.doelgroepen, empty=EMPTY)
    b.heading("8.3 Kanalen", 2)
    b.paras(com.kanalen, empty=EMPTY)


# --- appendices ----------------------------------------------------------------------------


def _appendix_interventions(
    b: DocxBuilder, chosen: Sequence[tuple[Intervention, list[str]]]
) -> None:
    b.heading(APPENDIX_INTERVENTIONS, 1, page_break=True)
    if not chosen:
        b.para("(geen interventies uit de catalogus gekozen)", "Niet ingevuld")
        return
    b.para(
        "De erkende en eigen interventies die de acties in hoofdstuk 5 gebruiken, met de "
        "erkenning uit de databanken."
    )
    for item, actions in chosen:
        b.heading(f"{item.naam} (eigen, lokaal)" if item.lokaal else item.naam, 3)
        b.field("Erkenning", item.erkenning)
        if _filled(item.doelgroep):
            b.field("Doelgroep", item.doelgroep)
        b.field("Leeftijd", item.age_text())
        b.field("Setting", plan_text.labels(item.settings, SETTINGS) or "–")
        b.field("Niveau", plan_text.labels(item.niveaus, NIVEAUS) or "–")
        if _filled(item.beschrijving):
            b.paras(item.beschrijving)
        b.field("Gebruikt in", "; ".join(actions))


def _appendix_check(b: DocxBuilder, findings: Sequence[Any], ctx: Any) -> None:
    from docx.shared import Mm

    b.heading(APPENDIX_CHECK, 1, page_break=True)
    b.para(
        f"Uitkomst van de plancheck van de Werkbank op {ctx.printed:%d-%m-%Y}: wat nog "
        "ontbreekt of tegen de richtlijnen ingaat, met de bron."
    )
    if not findings:
        b.para("De plancheck vond geen punten.")
        return
    known = {key for key, _ in SEVERITIES}
    groups = [*SEVERITIES]
    if any(getattr(f, "severity", "") not in known for f in findings):
        groups.append(("", "Overige punten"))
    for key, title in groups:
        items = [
            f
            for f in findings
            if getattr(f, "severity", "") == key
            or (not key and getattr(f, "severity", "") not in known)
        ]
        if not items:
            continue
        b.heading(f"{title} ({len(items)})", 3)
        items.sort(key=lambda f: plan_text.section_rank(getattr(f, "section", "")))
        for finding in items:
            b.bullets([str(getattr(finding, "text", "") or "–")])
            meta = []
            section = plan_text.section_name(getattr(finding, "section", ""))
            if section:
                meta.append(f"Hoofdstuk: {section}")
            source = str(getattr(finding, "source", "") or "").strip()
            if source:
                meta.append(f"Bron: {source}")
            if meta:
                for paragraph in b.paras(" · ".join(meta), "Toelichting"):
                    paragraph.paragraph_format.left_indent = Mm(6.35)


# --- the document --------------------------------------------------------------------------


def plan_doc_meta(plan: Plan, organisation: str, ctx: Any) -> DocMeta:
    titel = plan.titel.strip() or DOCUMENT_KIND
    gemeente = plan.gemeente.strip()
    org = organisation.strip()
    author = org or plan.auteur.strip() or FALLBACK_AUTHOR
    subject = " ".join(x for x in (DOCUMENT_KIND, gemeente, plan.periode_text()) if x)
    footer = one_line(" · ".join(x for x in (org or gemeente, titel) if x), FOOTER_CHARS)
    keywords = "; ".join(x for x in ("drugspreventie", DOCUMENT_KIND.lower(), gemeente) if x)
    return DocMeta(
        title=titel,
        author=author,
        subject=subject,
        footer=footer,
        printed=ctx.printed,
        keywords=keywords,
    )


def build_plan_docx(
    plan: Plan,
    ctx: Any,
    interventions: Mapping[str, Intervention],
    findings: Sequence[Any] | None = None,
) -> DocxBuilder:
    """The whole plan document, not yet written anywhere."""
    report = ExportReport()
    plan = clean_tree(plan, report)
    profile = clean_tree(ctx.profile, report, "Organisatiegegevens")
    chosen = [
        (clean_tree(item, report, f"Bijlage A, interventie {n}"), actions)
        for n, (item, actions) in enumerate(plan_text.chosen_interventions(plan, interventions), 1)
    ]
    by_id = {item.id: item for item, _ in chosen}
    b = DocxBuilder(plan_doc_meta(plan, profile.organisatie, ctx), report)
    _cover(b, plan, ctx, profile)
    b.toc(CONTENTS, TOC_LEVELS)
    b.page_break()
    _inleiding(b, plan)
    _beleidsfocus(b, plan)
    _lokale_situatie(b, plan)
    _doelen(b, plan)
    _acties(b, plan, {**interventions, **by_id})
    _handhaving(b, plan)
    _evaluatie(b, plan)
    _communicatie(b, plan)
    _appendix_interventions(b, chosen)
    if findings is not None:
        _appendix_check(b, clean_tree(list(findings), report, "Plancheck"), ctx)
    return b


def write_plan_docx(
    target: Path,
    plan: Plan,
    ctx: Any,
    interventions: Mapping[str, Intervention],
    findings: Sequence[Any] | None = None,
) -> ExportReport:
    """Write the plan as an editable Word document; the report lists replaced characters."""
    return build_plan_docx(plan, ctx, interventions, findings).save(Path(target))
